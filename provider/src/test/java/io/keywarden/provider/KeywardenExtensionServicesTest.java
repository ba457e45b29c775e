package io.keywarden.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.errors.InvalidKeyUsageException;
import io.keywarden.provider.testing.EmbeddedOnly;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.InvalidAlgorithmParameterException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.ECGenParameterSpec;
import javax.crypto.AEADBadTagException;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Keywarden extensions through the JCA: direct AES-GCM and raw AES-KW/KWP on KEYWARDEN_AES_*
 * handles, and verification with a verify-only imported public key. Every output is compared with
 * the JDK's on the same material.
 */
class KeywardenExtensionServicesTest {

    static final String DIRECT_OPERATIONS =
            "the Direct* operations are Keywarden extensions the server does not serve yet (docs/server.md, Protocol)";

    private static final byte[] MESSAGE = "keywarden extensions".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;
    static TestKms kms;
    static byte[] raw;
    static KmsKey aes;

    @BeforeAll
    static void open() throws Exception {
        kms = new TestKms(dir);
        raw = new byte[24];
        new SecureRandom().nextBytes(raw);
        aes = kms.handle(kms.imported(KeySpec.KEYWARDEN_AES_192, KeyUsage.ENCRYPT_DECRYPT, raw));
    }

    @AfterAll
    static void close() {
        kms.close();
    }

    private static byte[] jdk(String algorithm, int mode, GCMParameterSpec spec, byte[] aad, byte[] in) throws Exception {
        Cipher c = Cipher.getInstance(algorithm);
        if (spec == null) {
            c.init(mode, new SecretKeySpec(raw, "AES"));
        } else {
            c.init(mode, new SecretKeySpec(raw, "AES"), spec);
        }
        if (aad != null) {
            c.updateAAD(aad);
        }
        return c.doFinal(in);
    }

    @Test
    @EmbeddedOnly(DIRECT_OPERATIONS)
    void directGcmIsStandardAesGcmWithTheCallersIv() throws Exception {
        assertThat(aes).isInstanceOf(KmsDirectAesKey.class);
        byte[] aad = {9, 8, 7};
        for (int ivLength : new int[] {12, 16, 1}) {
            GCMParameterSpec spec = new GCMParameterSpec(112, new byte[ivLength]);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding", kms.provider);
            c.init(Cipher.ENCRYPT_MODE, aes, spec);
            c.updateAAD(aad);
            c.update(MESSAGE, 0, 5);
            byte[] ct = c.doFinal(MESSAGE, 5, MESSAGE.length - 5);
            assertThat(ct).isEqualTo(jdk("AES/GCM/NoPadding", Cipher.ENCRYPT_MODE, spec, aad, MESSAGE));
            assertThatThrownBy(() -> c.doFinal(MESSAGE)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> c.init(Cipher.ENCRYPT_MODE, aes, spec))
                    .isInstanceOf(InvalidAlgorithmParameterException.class);

            Cipher d = Cipher.getInstance("AES/GCM/NoPadding", kms.provider);
            d.init(Cipher.DECRYPT_MODE, aes, spec);
            d.updateAAD(aad);
            assertThat(d.doFinal(ct)).isEqualTo(MESSAGE);
            ct[ct.length - 1] ^= 1;
            d.init(Cipher.DECRYPT_MODE, aes, spec);
            d.updateAAD(aad);
            assertThatThrownBy(() -> d.doFinal(ct)).isInstanceOf(AEADBadTagException.class);
        }
        Cipher bad = Cipher.getInstance("AES/GCM/NoPadding", kms.provider);
        assertThatThrownBy(() -> bad.init(Cipher.ENCRYPT_MODE, aes, new GCMParameterSpec(64, new byte[12])))
                .isInstanceOf(InvalidAlgorithmParameterException.class);
    }

    @Test
    void envelopeStaysTheDefaultForSymmetricDefaultKeys() throws Exception {
        KmsKey envelopeKey = kms.handle(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        assertThat(envelopeKey).isInstanceOf(KmsSecretKey.class);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding", kms.provider);
        c.init(Cipher.ENCRYPT_MODE, envelopeKey);
        byte[] envelope = c.doFinal(MESSAGE);
        assertThat(envelope.length).isGreaterThan(MESSAGE.length + 16);
        c.init(Cipher.DECRYPT_MODE, envelopeKey, new GCMParameterSpec(128, c.getIV()));
        assertThat(c.doFinal(envelope)).isEqualTo(MESSAGE);
    }

    @Test
    @EmbeddedOnly(DIRECT_OPERATIONS)
    void rawKeyWrapMatchesTheJdk() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        for (String alg : new String[] {"AES/KW/NoPadding", "AES/KWP/NoPadding"}) {
            Cipher c = Cipher.getInstance(alg, kms.provider);
            c.init(Cipher.ENCRYPT_MODE, aes);
            byte[] wrapped = c.doFinal(key);
            assertThat(wrapped).isEqualTo(jdk(alg, Cipher.ENCRYPT_MODE, null, null, key));
            c.init(Cipher.DECRYPT_MODE, aes);
            assertThat(c.doFinal(wrapped)).isEqualTo(key);
            c.init(Cipher.WRAP_MODE, aes);
            assertThat(c.wrap(new SecretKeySpec(key, "AES"))).isEqualTo(wrapped);
            c.init(Cipher.UNWRAP_MODE, aes);
            Key back = c.unwrap(wrapped, "AES", Cipher.SECRET_KEY);
            assertThat(back.getEncoded()).isEqualTo(key);
            wrapped[2] ^= 1;
            c.init(Cipher.DECRYPT_MODE, aes);
            assertThatThrownBy(() -> c.doFinal(wrapped)).isInstanceOf(BadPaddingException.class);
        }
        Cipher kwp = Cipher.getInstance("AES/KWP/NoPadding", kms.provider);
        kwp.init(Cipher.ENCRYPT_MODE, aes);
        assertThat(kwp.doFinal(MESSAGE)).isEqualTo(jdk("AES/KWP/NoPadding", Cipher.ENCRYPT_MODE, null, null, MESSAGE));
    }

    @Test
    void extensionHmacsMatchTheJdk() throws Exception {
        byte[] key = new byte[100];
        new SecureRandom().nextBytes(key);
        for (var e : java.util.Map.of(KeySpec.KEYWARDEN_HMAC_SHA1, "HmacSHA1",
                KeySpec.KEYWARDEN_HMAC_SHA3_384, "HmacSHA3-384").entrySet()) {
            KmsKey handle = kms.handle(kms.imported(e.getKey(), KeyUsage.GENERATE_VERIFY_MAC, key));
            assertThat(handle.getAlgorithm()).isEqualTo(e.getValue());
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance(e.getValue(), kms.provider);
            mac.init(handle);
            javax.crypto.Mac jdk = javax.crypto.Mac.getInstance(e.getValue());
            jdk.init(new SecretKeySpec(key, e.getValue()));
            assertThat(mac.doFinal(MESSAGE)).isEqualTo(jdk.doFinal(MESSAGE));
        }
    }

    @Test
    void verifyOnlyPublicKeyVerifiesThroughTheProviderAndCannotSign() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPair kp = g.generateKeyPair();
        String keyId = kms.imported(KeySpec.ECC_NIST_P384, KeyUsage.SIGN_VERIFY, kp.getPublic().getEncoded());
        Signature jdk = Signature.getInstance("SHA384withECDSA");
        jdk.initSign(kp.getPrivate());
        jdk.update(MESSAGE);
        byte[] sig = jdk.sign();

        KmsPublicKey verifier = KmsKeys.publicHandle(kms.runtime, keyId);
        assertThat(verifier.publicKey().getEncoded()).isEqualTo(kp.getPublic().getEncoded());
        Signature v = Signature.getInstance("SHA384withECDSA", kms.provider);
        v.initVerify(verifier);
        v.update(MESSAGE);
        assertThat(v.verify(sig)).isTrue();
        v.update(MESSAGE);
        v.update((byte) 0);
        assertThat(v.verify(sig)).isFalse();

        Signature s = Signature.getInstance("SHA384withECDSA", kms.provider);
        s.initSign((KmsPrivateKey) kms.handle(keyId));
        s.update(MESSAGE);
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(s::sign);
        assertThat(t).isInstanceOf(SignatureException.class);
        assertThat(TestKms.cause(t, InvalidKeyUsageException.class)).isNotNull()
                .hasMessageContaining("holds a public key only");
    }
}
