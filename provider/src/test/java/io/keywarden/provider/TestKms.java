package io.keywarden.provider;

import io.keywarden.kms.api.AlgorithmSpec;
import io.keywarden.kms.api.CreateKeyRequest;
import io.keywarden.kms.api.DisableKeyRequest;
import io.keywarden.kms.api.EnableKeyRequest;
import io.keywarden.kms.api.ExpirationModelType;
import io.keywarden.kms.api.GetParametersForImportRequest;
import io.keywarden.kms.api.GetParametersForImportResponse;
import io.keywarden.kms.api.ImportKeyMaterialRequest;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.OriginType;
import io.keywarden.kms.api.WrappingKeySpec;
import io.keywarden.kms.crypto.ImportWrapping;
import io.keywarden.kms.engine.EngineSettings;
import io.keywarden.kms.engine.KmsEngine;
import io.keywarden.kms.store.RootKeySource;
import io.keywarden.kms.store.SqliteKmsStore;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;

/** An embedded engine on a temporary SQLite store, with a provider and handles on it (as EngineFixture does). */
public final class TestKms implements AutoCloseable {

    static final String ACCOUNT = "111122223333";
    static final EngineSettings SETTINGS =
            new EngineSettings("arn:aws:iam::" + ACCOUNT + ":root", ACCOUNT, "us-east-1", 100_000, 50);

    public final KmsEngine engine;
    public final KeywardenRuntime runtime;
    public final KeywardenProvider provider;

    public TestKms(Path dir) {
        SqliteKmsStore store = SqliteKmsStore.open(dir.resolve("store"),
                RootKeySource.keyFile(dir.resolve("store").resolve("root.key")));
        engine = new KmsEngine(store, Clock.systemUTC(), SETTINGS);
        runtime = KeywardenRuntime.of(engine);
        provider = new KeywardenProvider(runtime);
    }

    public String create(KeySpec spec, KeyUsage usage) {
        return engine.createKey(CreateKeyRequest.builder().keySpec(spec).keyUsage(usage).build())
                .keyMetadata().keyId();
    }

    public KmsKey handle(String keyId) throws Exception {
        return KmsKeys.handle(runtime, keyId);
    }

    public KmsKey handle(KeySpec spec, KeyUsage usage) throws Exception {
        return handle(create(spec, usage));
    }

    /** An EXTERNAL HMAC key with the given material, imported the AWS way. */
    public KmsSecretKey importedHmac(KeySpec spec, byte[] material) throws Exception {
        String keyId = engine.createKey(CreateKeyRequest.builder().keySpec(spec).keyUsage(KeyUsage.GENERATE_VERIFY_MAC)
                .origin(OriginType.EXTERNAL).build()).keyMetadata().keyId();
        GetParametersForImportResponse p = engine.getParametersForImport(GetParametersForImportRequest.builder()
                .keyId(keyId).wrappingAlgorithm(AlgorithmSpec.RSAES_OAEP_SHA_256)
                .wrappingKeySpec(WrappingKeySpec.RSA_2048).build());
        PublicKey wrapping = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(p.publicKey()));
        engine.importKeyMaterial(ImportKeyMaterialRequest.builder().keyId(keyId).importToken(p.importToken())
                .encryptedKeyMaterial(ImportWrapping.wrap(AlgorithmSpec.RSAES_OAEP_SHA_256, wrapping, material))
                .expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE).build());
        return (KmsSecretKey) handle(keyId);
    }

    /**
     * An EXTERNAL key of any spec and usage with the given material (raw bytes, PKCS#8, or, for the
     * verify-only extension, a SubjectPublicKeyInfo), imported with RSA_AES_KEY_WRAP_SHA_256.
     */
    public String imported(KeySpec spec, KeyUsage usage, byte[] material) throws Exception {
        String keyId = engine.createKey(CreateKeyRequest.builder().keySpec(spec).keyUsage(usage)
                .origin(OriginType.EXTERNAL).build()).keyMetadata().keyId();
        GetParametersForImportResponse p = engine.getParametersForImport(GetParametersForImportRequest.builder()
                .keyId(keyId).wrappingAlgorithm(AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_256)
                .wrappingKeySpec(WrappingKeySpec.RSA_2048).build());
        PublicKey wrapping = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(p.publicKey()));
        engine.importKeyMaterial(ImportKeyMaterialRequest.builder().keyId(keyId).importToken(p.importToken())
                .encryptedKeyMaterial(ImportWrapping.wrap(AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_256, wrapping, material))
                .build());
        return keyId;
    }

    public void disable(KmsKey key) {
        engine.disableKey(DisableKeyRequest.builder().keyId(key.keyId()).build());
    }

    public void enable(KmsKey key) {
        engine.enableKey(EnableKeyRequest.builder().keyId(key.keyId()).build());
    }

    /** The first cause of the given type in the chain, or null. */
    public static <T extends Throwable> T cause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    @Override
    public void close() {
        engine.close();
    }
}
