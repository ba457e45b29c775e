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
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.OriginType;
import io.keywarden.kms.api.WrappingKeySpec;
import io.keywarden.kms.crypto.ImportWrapping;
import io.keywarden.provider.testing.EmbeddedTestBackends;
import io.keywarden.provider.testing.TestBackends;
import io.keywarden.provider.testing.TestKmsInstance;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;

/**
 * A fresh KMS from the selected test backend ({@link TestBackends}: an embedded engine on a temporary
 * SQLite store, or a Keywarden server through the remote backend), with a provider and handles on it.
 */
public final class TestKms implements AutoCloseable {

    static final String ACCOUNT = EmbeddedTestBackends.ACCOUNT;

    private final TestKmsInstance instance;
    /** The backend under test (named engine for history: embedded or remote alike). */
    public final KmsBackend engine;
    public final KeywardenRuntime runtime;
    public final KeywardenProvider provider;

    public TestKms(Path dir) {
        instance = TestBackends.openSelected(dir);
        engine = instance.backend();
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

    /** keywarden.conf lines that reach the same KMS (for a provider configured through a file). */
    public String configuration() {
        return instance.configuration();
    }

    @Override
    public void close() {
        instance.close();
    }
}
