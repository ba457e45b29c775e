package io.keywarden.provider.cipher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.DecryptRequest;
import io.keywarden.kms.api.EncryptRequest;
import io.keywarden.kms.api.EncryptionAlgorithmSpec;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.errors.DisabledException;
import io.keywarden.kms.api.errors.InvalidKeyUsageException;
import io.keywarden.provider.KmsRsaPrivateKey;
import io.keywarden.provider.TestKms;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.ProviderException;
import java.security.spec.MGF1ParameterSpec;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RSA-OAEP: the JDK encrypts with the public key and the handle decrypts, and the other way round. */
class RsaOaepCipherTest {

    static final byte[] PLAINTEXT = "a 32-byte data key, for example.".getBytes(StandardCharsets.UTF_8);
    static final OAEPParameterSpec SHA1 = new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1,
            PSource.PSpecified.DEFAULT);
    static final OAEPParameterSpec SHA256 = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
            PSource.PSpecified.DEFAULT);

    @TempDir
    static Path dir;
    static TestKms kms;
    static KmsRsaPrivateKey key;

    @BeforeAll
    static void open() throws Exception {
        kms = new TestKms(dir);
        key = (KmsRsaPrivateKey) kms.handle(KeySpec.RSA_2048, KeyUsage.ENCRYPT_DECRYPT);
    }

    @AfterAll
    static void close() {
        kms.close();
    }

    static byte[] jdkEncrypt(OAEPParameterSpec spec) throws Exception {
        Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding", "SunJCE");
        c.init(Cipher.ENCRYPT_MODE, key.publicKey(), spec);
        return c.doFinal(PLAINTEXT);
    }

    static byte[] decrypt(String transformation, OAEPParameterSpec spec, byte[] ciphertext) throws Exception {
        Cipher c = Cipher.getInstance(transformation, kms.provider);
        c.init(Cipher.DECRYPT_MODE, key, spec);
        return c.doFinal(ciphertext);
    }

    @Test
    void decryptsWhatTheJdkEncrypts() throws Exception {
        byte[] sha1 = jdkEncrypt(SHA1);
        byte[] sha256 = jdkEncrypt(SHA256);
        assertThat(decrypt("RSA/ECB/OAEPWithSHA-1AndMGF1Padding", null, sha1)).isEqualTo(PLAINTEXT);
        assertThat(decrypt("RSA/ECB/OAEPPadding", null, sha1)).isEqualTo(PLAINTEXT);
        assertThat(decrypt("RSA/ECB/OAEPPadding", SHA1, sha1)).isEqualTo(PLAINTEXT);
        assertThat(decrypt("RSA/ECB/OAEPWithSHA-256AndMGF1Padding", null, sha256)).isEqualTo(PLAINTEXT);
        assertThat(decrypt("RSA/ECB/OAEPPadding", SHA256, sha256)).isEqualTo(PLAINTEXT);

        Cipher c = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding", kms.provider);
        c.init(Cipher.DECRYPT_MODE, key);
        c.update(sha256, 0, 100);
        c.update(sha256, 100, sha256.length - 100);
        assertThat(c.doFinal()).isEqualTo(PLAINTEXT);
        assertThat(c.doFinal(sha256)).isEqualTo(PLAINTEXT); // reuse
    }

    @Test
    void encryptsLocallyWhatTheHandleAndTheBackendDecrypt() throws Exception {
        for (OAEPParameterSpec spec : new OAEPParameterSpec[] {SHA1, SHA256}) {
            Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding", kms.provider);
            c.init(Cipher.ENCRYPT_MODE, key, spec);
            byte[] ciphertext = c.doFinal(PLAINTEXT);
            assertThat(ciphertext).hasSize(256);
            assertThat(decrypt("RSA/ECB/OAEPPadding", spec, ciphertext)).isEqualTo(PLAINTEXT);
            EncryptionAlgorithmSpec alg = spec == SHA1 ? EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1
                    : EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256;
            assertThat(kms.engine.decrypt(DecryptRequest.builder().keyId(key.keyId()).ciphertextBlob(ciphertext)
                    .encryptionAlgorithm(alg).build()).plaintext()).isEqualTo(PLAINTEXT);
            byte[] fromBackend = kms.engine.encrypt(EncryptRequest.builder().keyId(key.keyId()).plaintext(PLAINTEXT)
                    .encryptionAlgorithm(alg).build()).ciphertextBlob();
            assertThat(decrypt("RSA/ECB/OAEPPadding", spec, fromBackend)).isEqualTo(PLAINTEXT);
        }
    }

    @Test
    void wrapsAndUnwrapsSecretKeys() throws Exception {
        SecretKeySpec aes = new SecretKeySpec(PLAINTEXT, "AES");
        Cipher c = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding", kms.provider);
        c.init(Cipher.WRAP_MODE, key);
        byte[] wrapped = c.wrap(aes);
        c.init(Cipher.UNWRAP_MODE, key);
        Key unwrapped = c.unwrap(wrapped, "AES", Cipher.SECRET_KEY);
        assertThat(unwrapped.getEncoded()).isEqualTo(PLAINTEXT);
        assertThat(unwrapped.getAlgorithm()).isEqualTo("AES");
    }

    @Test
    void badCiphertextsAreBadPadding() throws Exception {
        byte[] ciphertext = jdkEncrypt(SHA256);
        ciphertext[10] ^= 1;
        assertThatThrownBy(() -> decrypt("RSA/ECB/OAEPWithSHA-256AndMGF1Padding", null, ciphertext))
                .isInstanceOf(BadPaddingException.class);
        // SunJCE's OAEPWithSHA-256AndMGF1Padding defaults to MGF1-SHA-1, which AWS KMS does not use
        Cipher sunJce = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding", "SunJCE");
        sunJce.init(Cipher.ENCRYPT_MODE, key.publicKey());
        byte[] mgf1Sha1 = sunJce.doFinal(PLAINTEXT);
        assertThatThrownBy(() -> decrypt("RSA/ECB/OAEPWithSHA-256AndMGF1Padding", null, mgf1Sha1))
                .isInstanceOf(BadPaddingException.class);
        assertThatThrownBy(() -> decrypt("RSA/ECB/OAEPPadding", SHA1, jdkEncrypt(SHA256)))
                .isInstanceOf(BadPaddingException.class);
    }

    @Test
    void emptyCiphertextIsACheckedExceptionNotABackendCall() {
        // it used to reach the backend, whose ValidationException surfaced as an unchecked ProviderException
        assertThatThrownBy(() -> decrypt("RSA/ECB/OAEPWithSHA-256AndMGF1Padding", null, new byte[0]))
                .isInstanceOf(javax.crypto.IllegalBlockSizeException.class);
    }

    @Test
    void refusesParametersKeywardenDoesNotUse() throws Exception {
        // Other digests, MGF1 digests and labels go through the extension (RsaOaepExtensionTest).
        Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding", kms.provider);
        for (OAEPParameterSpec bad : new OAEPParameterSpec[] {
                new OAEPParameterSpec("MD5", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT),
                new OAEPParameterSpec("SHA-1", "MGF1", new MGF1ParameterSpec("MD5"), PSource.PSpecified.DEFAULT),
                new OAEPParameterSpec("SHA-256", "MGF2", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT)}) {
            assertThatThrownBy(() -> c.init(Cipher.DECRYPT_MODE, key, bad))
                    .isInstanceOf(InvalidAlgorithmParameterException.class);
        }
        Cipher sha1 = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding", kms.provider);
        assertThatThrownBy(() -> sha1.init(Cipher.DECRYPT_MODE, key, SHA256))
                .isInstanceOf(InvalidAlgorithmParameterException.class);
        Cipher sha256 = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding", kms.provider);
        assertThatThrownBy(() -> sha256.init(Cipher.DECRYPT_MODE, key, new OAEPParameterSpec("SHA-256", "MGF1",
                MGF1ParameterSpec.SHA256, new PSource.PSpecified(new byte[] {1}))))
                .isInstanceOf(InvalidAlgorithmParameterException.class);
    }

    @Test
    void keyErrors() throws Exception {
        Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding", kms.provider);
        assertThatThrownBy(() -> c.init(Cipher.ENCRYPT_MODE, key.publicKey())).isInstanceOf(InvalidKeyException.class);
        var signing = kms.handle(KeySpec.RSA_2048, KeyUsage.SIGN_VERIFY);
        assertThatThrownBy(() -> c.init(Cipher.DECRYPT_MODE, signing)).isInstanceOf(InvalidKeyException.class)
                .hasCauseInstanceOf(InvalidKeyUsageException.class);

        KmsRsaPrivateKey other = (KmsRsaPrivateKey) kms.handle(KeySpec.RSA_2048, KeyUsage.ENCRYPT_DECRYPT);
        byte[] ciphertext = jdkEncrypt(SHA1);
        c.init(Cipher.DECRYPT_MODE, other);
        assertThatThrownBy(() -> c.doFinal(ciphertext)).isInstanceOf(BadPaddingException.class);
        kms.disable(other);
        try {
            assertThatThrownBy(() -> c.doFinal(ciphertext)).isInstanceOf(ProviderException.class)
                    .hasCauseInstanceOf(DisabledException.class);
            assertThatThrownBy(() -> c.init(Cipher.DECRYPT_MODE, other)).isInstanceOf(InvalidKeyException.class)
                    .hasCauseInstanceOf(DisabledException.class);
        } finally {
            kms.enable(other);
        }
    }
}
