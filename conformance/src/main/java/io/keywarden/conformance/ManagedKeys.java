package io.keywarden.conformance;

import io.keywarden.kms.api.AlgorithmSpec;
import io.keywarden.kms.api.CreateKeyRequest;
import io.keywarden.kms.api.GetParametersForImportRequest;
import io.keywarden.kms.api.GetParametersForImportResponse;
import io.keywarden.kms.api.ImportKeyMaterialRequest;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.OriginType;
import io.keywarden.kms.api.WrappingKeySpec;
import io.keywarden.kms.crypto.ImportWrapping;
import io.keywarden.kms.engine.EngineSettings;
import io.keywarden.kms.engine.KmsEngine;
import io.keywarden.kms.engine.WrappingKeyPairs;
import io.keywarden.kms.store.RootKeySource;
import io.keywarden.kms.store.SqliteKmsStore;
import io.keywarden.provider.KeywardenRuntime;
import io.keywarden.provider.KmsKey;
import io.keywarden.provider.KmsKeys;
import io.keywarden.provider.KmsPrivateKey;
import io.keywarden.provider.KmsPublicKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real embedded Keywarden engine on a SQLite store in a temporary directory, and the client side
 * of BYOK: every key is created with Origin=EXTERNAL and its material imported with
 * GetParametersForImport, {@link ImportWrapping#wrap} and ImportKeyMaterial (public keys too, for
 * the verify-only extension). The engine reuses one RSA wrapping key pair
 * ({@link WrappingKeyPairs#reusedForTests()}) to keep thousands of imports fast. Imports are cached by
 * (spec, usage, material), so each distinct key is imported once. Closing deletes the directory.
 */
public final class ManagedKeys implements AutoCloseable {

    private static final String ACCOUNT = "111122223333";

    private final Path dir;
    private final KmsEngine engine;
    private final KeywardenRuntime runtime;
    private final Map<String, KmsKey> imported = new HashMap<>();
    private int imports;

    private ManagedKeys(Path dir) {
        this.dir = dir;
        SqliteKmsStore store = SqliteKmsStore.open(dir.resolve("store"),
                RootKeySource.keyFile(dir.resolve("store").resolve("root.key")));
        // One reused RSA wrapping key pair: a full Wycheproof run imports ~2,000 keys, and a new RSA
        // key pair per GetParametersForImport would dominate its run time (test harness only).
        this.engine = new KmsEngine(store, Clock.systemUTC(),
                new EngineSettings("arn:aws:iam::" + ACCOUNT + ":root", ACCOUNT, "us-east-1", 1_000_000, 50), true,
                WrappingKeyPairs.reusedForTests());
        this.runtime = KeywardenRuntime.of(engine);
    }

    /** Opens an engine on a new temporary directory. */
    public static ManagedKeys open() {
        try {
            return new ManagedKeys(Files.createTempDirectory("keywarden-conformance"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The backend (the engine itself). */
    public KmsBackend backend() {
        return engine;
    }

    /** The runtime that handles made here are bound to. */
    public KeywardenRuntime runtime() {
        return runtime;
    }

    /** How many keys were imported so far. */
    public int imports() {
        return imports;
    }

    /**
     * A handle for a key of {@code spec}/{@code usage} holding {@code material} (raw bytes for
     * symmetric and HMAC keys, PKCS#8 for asymmetric keys), imported on first use.
     *
     * @throws io.keywarden.kms.api.errors.KmsException when the backend refuses the material
     */
    public synchronized KmsKey importKey(KeySpec spec, KeyUsage usage, byte[] material) {
        String cacheKey = spec + "/" + usage + "/" + HexFormat.of().formatHex(material);
        KmsKey cached = imported.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        String keyId = engine.createKey(CreateKeyRequest.builder().keySpec(spec).keyUsage(usage)
                .origin(OriginType.EXTERNAL).build()).keyMetadata().keyId();
        AlgorithmSpec algorithm = AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_256;
        GetParametersForImportResponse p = engine.getParametersForImport(GetParametersForImportRequest.builder()
                .keyId(keyId).wrappingAlgorithm(algorithm).wrappingKeySpec(WrappingKeySpec.RSA_2048).build());
        byte[] wrapped = ImportWrapping.wrap(algorithm, rsaPublicKey(p.publicKey()), material);
        engine.importKeyMaterial(ImportKeyMaterialRequest.builder().keyId(keyId).importToken(p.importToken())
                .encryptedKeyMaterial(wrapped).build());
        imports++;
        try {
            KmsKey handle = KmsKeys.handle(runtime, keyId);
            imported.put(cacheKey, handle);
            return handle;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No handle for the imported key " + keyId, e);
        }
    }

    /**
     * A verification handle for a verify-only key of {@code spec} holding the DER SubjectPublicKeyInfo
     * {@code publicKeyDer} (the Keywarden extension), imported on first use.
     *
     * @throws io.keywarden.kms.api.errors.KmsException when the backend refuses the public key
     */
    public KmsPublicKey importPublicKey(KeySpec spec, byte[] publicKeyDer) {
        KmsKey handle = importKey(spec, KeyUsage.SIGN_VERIFY, publicKeyDer);
        if (!(handle instanceof KmsPrivateKey k)) {
            throw new IllegalStateException("No public handle for a " + spec + " key");
        }
        return k.publicHandle();
    }

    private static PublicKey rsaPublicKey(byte[] x509) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        engine.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
