package io.keywarden.conformance.testers;

import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.provider.KmsPrivateKey;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The same CipherTester on the JDK's ciphers (plain keys) and on Keywarden handles: RSA-OAEP where the
 * JDK encrypts with the public key and the handle decrypts in the backend (interop), and the
 * AES/GCM/NoPadding envelope cipher on an imported SYMMETRIC_DEFAULT key.
 */
class CipherTesterTest {

    private static final OAEPParameterSpec OAEP256 = new OAEPParameterSpec("SHA-256", "MGF1",
            MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void jdk() throws Exception {
        KeyPair rsa = TesterFixture.pair("RSA", 2048);
        new CipherTester(new CipherTester.Setup(() -> Cipher.getInstance("RSA/ECB/OAEPPadding"), rsa.getPublic(),
                () -> OAEP256, rsa.getPrivate(), 190)).run();
        SecretKeySpec aes = new SecretKeySpec(Pieces.message(32), "AES");
        new CipherTester(new CipherTester.Setup(() -> Cipher.getInstance("AES/GCM/NoPadding"), aes,
                () -> new GCMParameterSpec(128, iv()), aes, 10_000)).run();
    }

    @Test
    void keywardenRsaOaepInteroperatesWithTheJdk() throws Exception {
        KeyPair rsa = TesterFixture.pair("RSA", 2048);
        KmsPrivateKey handle = (KmsPrivateKey) TesterFixture.imported(KeySpec.RSA_2048, KeyUsage.ENCRYPT_DECRYPT,
                rsa.getPrivate().getEncoded());
        new CipherTester(new CipherTester.Setup(() -> Cipher.getInstance("RSA/ECB/OAEPPadding"), rsa.getPublic(),
                () -> OAEP256, handle, 190)).run();
        new CipherTester(new CipherTester.Setup(() -> Cipher.getInstance("RSA/ECB/OAEPPadding"), handle.publicKey(),
                () -> OAEP256, handle, 190)).run();
    }

    @Test
    void keywardenEnvelopeGcm() throws Exception {
        var handle = TesterFixture.imported(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, Pieces.message(32));
        new CipherTester(new CipherTester.Setup(() -> Cipher.getInstance("AES/GCM/NoPadding"), handle, () -> null,
                handle, 10_000)).run();
    }

    private static byte[] iv() {
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        return iv;
    }
}
