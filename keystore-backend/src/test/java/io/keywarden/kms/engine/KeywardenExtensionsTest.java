package io.keywarden.kms.engine;

import static io.keywarden.kms.engine.RotationTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.keywarden.kms.api.CreateKeyRequest;
import io.keywarden.kms.api.DirectDecryptRequest;
import io.keywarden.kms.api.DirectEncryptRequest;
import io.keywarden.kms.api.DirectUnwrapKeyRequest;
import io.keywarden.kms.api.DirectWrapAlgorithm;
import io.keywarden.kms.api.DirectWrapKeyRequest;
import io.keywarden.kms.api.DisableKeyRequest;
import io.keywarden.kms.api.EncryptRequest;
import io.keywarden.kms.api.GetPublicKeyRequest;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.OriginType;
import io.keywarden.kms.api.SignRequest;
import io.keywarden.kms.api.SigningAlgorithmSpec;
import io.keywarden.kms.api.VerifyRequest;
import io.keywarden.kms.api.errors.DisabledException;
import io.keywarden.kms.api.errors.IncorrectKeyMaterialException;
import io.keywarden.kms.api.errors.InvalidCiphertextException;
import io.keywarden.kms.api.errors.InvalidKeyUsageException;
import io.keywarden.kms.api.errors.KMSInvalidSignatureException;
import io.keywarden.kms.api.errors.KmsUnsupportedOperationException;
import io.keywarden.kms.api.errors.ValidationException;
import io.keywarden.kms.store.RootKeySource;
import io.keywarden.kms.store.SqliteKmsStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Clock;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Keywarden extensions through the engine: verify-only imported public keys, and the Direct*
 * operations on imported KEYWARDEN_AES_* keys. The engine reuses one wrapping key pair
 * ({@link WrappingKeyPairs#reusedForTests()}), which this test also exercises.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeywardenExtensionsTest {

    private static final byte[] MESSAGE = "extensions".getBytes(StandardCharsets.UTF_8);

    private KmsEngine kms;

    @BeforeAll
    void open(@TempDir Path dir) {
        SqliteKmsStore store = SqliteKmsStore.open(dir.resolve("store"),
                RootKeySource.keyFile(dir.resolve("store").resolve("root.key")));
        kms = new KmsEngine(store, Clock.systemUTC(), EngineFixture.SETTINGS, true, WrappingKeyPairs.reusedForTests());
    }

    @AfterAll
    void close() {
        kms.close();
    }

    private String external(KeySpec spec, KeyUsage usage, byte[] material) {
        String keyId = kms.createKey(CreateKeyRequest.builder().keySpec(spec).keyUsage(usage)
                .origin(OriginType.EXTERNAL).build()).keyMetadata().keyId();
        if (material != null) {
            ImportHelper.importMaterial(kms, keyId, material);
        }
        return keyId;
    }

    @Test
    void importedPublicKeyVerifiesAndRefusesToSign() throws Exception {
        KeyPair kp = ImportHelper.ecKeyPair("secp256r1");
        String keyId = external(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY, kp.getPublic().getEncoded());
        Signature jdk = Signature.getInstance("SHA256withECDSA");
        jdk.initSign(kp.getPrivate());
        jdk.update(MESSAGE);
        byte[] sig = jdk.sign();
        assertThat(kms.verify(VerifyRequest.builder().keyId(keyId).message(MESSAGE).signature(sig)
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256).build()).signatureValid()).isTrue();
        sig[8] ^= 1;
        assertError(() -> kms.verify(VerifyRequest.builder().keyId(keyId).message(MESSAGE).signature(sig)
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256).build()),
                KMSInvalidSignatureException.class, "KMSInvalidSignatureException");
        assertThat(kms.getPublicKey(new GetPublicKeyRequest(keyId, null)).publicKey())
                .isEqualTo(kp.getPublic().getEncoded());
        var e = assertError(() -> kms.sign(SignRequest.builder().keyId(keyId).message(MESSAGE)
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256).build()),
                InvalidKeyUsageException.class, "InvalidKeyUsageException");
        assertThat(e.getMessage()).contains("holds a public key only");
        // The same public key imports again; the private key is other material.
        ImportHelper.importMaterial(kms, keyId, kp.getPublic().getEncoded());
        assertError(() -> ImportHelper.importMaterial(kms, keyId, kp.getPrivate().getEncoded()),
                IncorrectKeyMaterialException.class, "IncorrectKeyMaterialException");
    }

    @Test
    void publicKeysGoOnlyIntoSignVerifyKeys() {
        KeyPair kp = ImportHelper.ecKeyPair("secp256r1");
        String agreement = external(KeySpec.ECC_NIST_P256, KeyUsage.KEY_AGREEMENT, null);
        assertError(() -> ImportHelper.importMaterial(kms, agreement, kp.getPublic().getEncoded()),
                IncorrectKeyMaterialException.class, "IncorrectKeyMaterialException");
        String p384 = external(KeySpec.ECC_NIST_P384, KeyUsage.SIGN_VERIFY, null);
        assertError(() -> ImportHelper.importMaterial(kms, p384, kp.getPublic().getEncoded()),
                IncorrectKeyMaterialException.class, "IncorrectKeyMaterialException");
    }

    @Test
    void directAesKeysAreImportOnly() {
        assertError(() -> kms.createKey(CreateKeyRequest.builder().keySpec(KeySpec.KEYWARDEN_AES_128)
                .keyUsage(KeyUsage.ENCRYPT_DECRYPT).build()),
                KmsUnsupportedOperationException.class, "UnsupportedOperationException");
        String keyId = external(KeySpec.KEYWARDEN_AES_256, KeyUsage.ENCRYPT_DECRYPT, null);
        assertError(() -> ImportHelper.importMaterial(kms, keyId, new byte[16]),
                IncorrectKeyMaterialException.class, "IncorrectKeyMaterialException");
    }

    @Test
    void directEncryptMatchesTheJdkAndDecrypts() throws Exception {
        byte[] k = ImportHelper.randomBytes(16);
        String keyId = external(KeySpec.KEYWARDEN_AES_128, KeyUsage.ENCRYPT_DECRYPT, k);
        byte[] iv = ImportHelper.randomBytes(16);
        byte[] aad = "aad".getBytes(StandardCharsets.UTF_8);
        Cipher jdk = Cipher.getInstance("AES/GCM/NoPadding");
        jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(k, "AES"), new GCMParameterSpec(120, iv));
        jdk.updateAAD(aad);
        byte[] expected = jdk.doFinal(MESSAGE);
        byte[] ct = kms.directEncrypt(DirectEncryptRequest.builder().keyId(keyId).iv(iv).aad(aad).plaintext(MESSAGE)
                .tagLength(120).build()).ciphertext();
        assertThat(ct).isEqualTo(expected);
        assertThat(kms.directDecrypt(DirectDecryptRequest.builder().keyId(keyId).iv(iv).aad(aad).ciphertext(ct)
                .tagLength(120).build()).plaintext()).isEqualTo(MESSAGE);
        assertError(() -> kms.directDecrypt(DirectDecryptRequest.builder().keyId(keyId).iv(iv).ciphertext(ct)
                .tagLength(120).build()), InvalidCiphertextException.class, "InvalidCiphertextException");
        assertError(() -> kms.directEncrypt(DirectEncryptRequest.builder().keyId(keyId).iv(iv).plaintext(MESSAGE)
                .tagLength(100).build()), ValidationException.class, "ValidationException");
        assertError(() -> kms.encrypt(EncryptRequest.builder().keyId(keyId).plaintext(MESSAGE).build()),
                InvalidKeyUsageException.class, "InvalidKeyUsageException");
    }

    @Test
    void directWrapAndUnwrap() throws Exception {
        byte[] k = ImportHelper.randomBytes(24);
        String keyId = external(KeySpec.KEYWARDEN_AES_192, KeyUsage.ENCRYPT_DECRYPT, k);
        for (DirectWrapAlgorithm a : DirectWrapAlgorithm.values()) {
            byte[] data = ImportHelper.randomBytes(a == DirectWrapAlgorithm.AES_KW ? 32 : 21);
            Cipher jdk = Cipher.getInstance(a == DirectWrapAlgorithm.AES_KW ? "AES/KW/NoPadding" : "AES/KWP/NoPadding");
            jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(k, "AES"));
            byte[] wrapped = kms.directWrapKey(DirectWrapKeyRequest.builder().keyId(keyId).plaintextKey(data)
                    .wrappingAlgorithm(a).build()).wrappedKey();
            assertThat(wrapped).isEqualTo(jdk.doFinal(data));
            assertThat(kms.directUnwrapKey(DirectUnwrapKeyRequest.builder().keyId(keyId).wrappedKey(wrapped)
                    .wrappingAlgorithm(a).build()).plaintextKey()).isEqualTo(data);
            wrapped[0] ^= 1;
            assertError(() -> kms.directUnwrapKey(DirectUnwrapKeyRequest.builder().keyId(keyId).wrappedKey(wrapped)
                    .wrappingAlgorithm(a).build()), InvalidCiphertextException.class, "InvalidCiphertextException");
        }
        kms.disableKey(new DisableKeyRequest(keyId));
        assertError(() -> kms.directWrapKey(DirectWrapKeyRequest.builder().keyId(keyId).plaintextKey(new byte[16])
                .wrappingAlgorithm(DirectWrapAlgorithm.AES_KW).build()), DisabledException.class, "DisabledException");
    }

    @Test
    void directOperationsRefuseOtherKeysAndBackendsWithoutTheExtension() {
        String symmetric = kms.createKey(CreateKeyRequest.builder().build()).keyMetadata().keyId();
        assertError(() -> kms.directEncrypt(DirectEncryptRequest.builder().keyId(symmetric).iv(new byte[12])
                .plaintext(MESSAGE).build()), InvalidKeyUsageException.class, "InvalidKeyUsageException");
        KmsBackend plain = new KmsBackend() {
            // A backend written against the AWS operations only: every one is unused here.
            @Override public io.keywarden.kms.api.CreateKeyResponse createKey(io.keywarden.kms.api.CreateKeyRequest r) { throw new AssertionError(); }
            @Override public io.keywarden.kms.api.DescribeKeyResponse describeKey(io.keywarden.kms.api.DescribeKeyRequest r) { throw new AssertionError(); }
            @Override public io.keywarden.kms.api.ListKeysResponse listKeys(io.keywarden.kms.api.ListKeysRequest r) { throw new AssertionError(); }
            @Override public void updateKeyDescription(io.keywarden.kms.api.UpdateKeyDescriptionRequest r) { }
            @Override public void enableKey(io.keywarden.kms.api.EnableKeyRequest r) { }
            @Override public void disableKey(io.keywarden.kms.api.DisableKeyRequest r) { }
            @Override public io.keywarden.kms.api.ScheduleKeyDeletionResponse scheduleKeyDeletion(io.keywarden.kms.api.ScheduleKeyDeletionRequest r) { throw new AssertionError(); }
            @Override public io.keywarden.kms.api.CancelKeyDeletionResponse cancelKeyDeletion(io.keywarden.kms.api.CancelKeyDeletionRequest r) { throw new AssertionError(); }
            @Override public void enableKeyRotation(io.keywarden.kms.api.EnableKeyRotationRequest r) { }
            @Override public void disableKeyRotation(io.keywarden.kms.api.DisableKeyRotationRequest r) { }
            @Override public io.keywarden.kms.api.GetKeyRotationStatusResponse getKeyRotationStatus(io.keywarden.kms.api.GetKeyRotationStatusRequest r) { throw new AssertionError(); }
            @Override public io.keywarden.kms.api.RotateKeyOnDemandResponse rotateKeyOnDemand(io.keywarden.kms.api.RotateKeyOnDemandRequest r) { throw new AssertionError(); }
            @Override public io.keywarden.kms.api.ListKeyRotationsResponse listKeyRotations(io.keywarden.kms.api.ListKeyRotationsRequest r) { throw new AssertionError(); }
            @Override public void createAlias(io.keywarden.kms.api.CreateAliasRequest r) { }
            @Override public void updateAlias(io.keywarden.kms.api.UpdateAliasRequest r) { }
            @Override public void deleteAlias(io.keywarden.kms.api.DeleteAliasRequest r) { }
            @Override public io.keywarden.kms.api.ListAliasesResponse listAliases(io.keywarden.kms.api.ListAliasesRequest r) { throw new AssertionError(); }
            @Override public void tagResource(io.keywarden.kms.api.TagResourceRequest r) { }
            @Override public void untagResource(io.keywarden.kms.api.UntagResourceRequest r) { }
            @Override public io.keywarden.kms.api.ListResourceTagsResponse listResourceTags(io.keywarden.kms.api.ListResourceTagsRequest r) { throw new AssertionError(); }
            @Override public io.keywarden.kms.api.EncryptResponse encrypt(io.keywarden.kms.api.EncryptRequest r) { throw new AssertionError(); }
            @Override public io.keywarden.kms.api.DecryptResponse decrypt(io.keywarden.kms.api.DecryptRequest r) { throw new AssertionError(); }
            @Override public io.keywarden.kms.api.ReEncryptResponse reEncrypt(io.keywarden.kms.api.ReEncryptRequest r) { throw new AssertionError(); }
            @Override public io.keywarden.kms.api.GenerateDataKeyResponse generateDataKey(io.keywarden.kms.api.GenerateDataKeyRequest r) { throw new AssertionError(); }
            @Override public io.keywarden.kms.api.GenerateDataKeyWithoutPlaintextResponse generateDataKeyWithoutPlaintext(io.keywarden.kms.api.GenerateDataKeyWithoutPlaintextRequest r) { throw new AssertionError(); }
            @Override public io.keywarden.kms.api.GenerateDataKeyPairResponse generateDataKeyPair(io.keywarden.kms.api.GenerateDataKeyPairRequest r) { throw new AssertionError(); }
            @Override public io.keywarden.kms.api.GenerateDataKeyPairWithoutPlaintextResponse generateDataKeyPairWithoutPlaintext(io.keywarden.kms.api.GenerateDataKeyPairWithoutPlaintextRequest r) { throw new AssertionError(); }
            @Override public io.keywarden.kms.api.SignResponse sign(io.keywarden.kms.api.SignRequest r) { throw new AssertionError(); }
            @Override public io.keywarden.kms.api.VerifyResponse verify(io.keywarden.kms.api.VerifyRequest r) { throw new AssertionError(); }
            @Override public io.keywarden.kms.api.GetPublicKeyResponse getPublicKey(io.keywarden.kms.api.GetPublicKeyRequest r) { throw new AssertionError(); }
            @Override public io.keywarden.kms.api.GenerateMacResponse generateMac(io.keywarden.kms.api.GenerateMacRequest r) { throw new AssertionError(); }
            @Override public io.keywarden.kms.api.VerifyMacResponse verifyMac(io.keywarden.kms.api.VerifyMacRequest r) { throw new AssertionError(); }
            @Override public io.keywarden.kms.api.GenerateRandomResponse generateRandom(io.keywarden.kms.api.GenerateRandomRequest r) { throw new AssertionError(); }
            @Override public io.keywarden.kms.api.DeriveSharedSecretResponse deriveSharedSecret(io.keywarden.kms.api.DeriveSharedSecretRequest r) { throw new AssertionError(); }
            @Override public io.keywarden.kms.api.GetParametersForImportResponse getParametersForImport(io.keywarden.kms.api.GetParametersForImportRequest r) { throw new AssertionError(); }
            @Override public io.keywarden.kms.api.ImportKeyMaterialResponse importKeyMaterial(io.keywarden.kms.api.ImportKeyMaterialRequest r) { throw new AssertionError(); }
            @Override public void deleteImportedKeyMaterial(io.keywarden.kms.api.DeleteImportedKeyMaterialRequest r) { }
        };
        assertError(() -> plain.directEncrypt(DirectEncryptRequest.builder().keyId("k").build()),
                KmsUnsupportedOperationException.class, "UnsupportedOperationException");
    }
}
