package io.keywarden.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Security;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keywarden installed FIRST: its SupportedKeyClasses keep ordinary keys away from it, so they still
 * land on the JDK's providers, while handles land on Keywarden (the other end of
 * {@link ProviderSelectionTest}, which installs it last).
 */
class ProviderFirstTest {

    @TempDir
    static Path dir;
    static TestKms kms;

    @BeforeAll
    static void install() {
        kms = new TestKms(dir);
        assertThat(Security.insertProviderAt(kms.provider, 1)).isEqualTo(1);
    }

    @AfterAll
    static void uninstall() {
        Security.removeProvider(KeywardenProvider.NAME);
        kms.close();
    }

    @Test
    void ordinaryKeysStillGoToTheJdk() throws Exception {
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[16], "AES"), new GCMParameterSpec(128, new byte[12]));
        assertThat(gcm.getProvider().getName()).isEqualTo("SunJCE");

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
        assertThat(mac.getProvider().getName()).isEqualTo("SunJCE");

        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair ec = g.generateKeyPair();
        assertThat(g.getProvider().getName()).as("generators refuse plain specs, so the JDK's runs")
                .isEqualTo("SunEC");
        javax.crypto.KeyGenerator aes = javax.crypto.KeyGenerator.getInstance("AES");
        aes.init(256);
        assertThat(aes.generateKey()).isInstanceOf(SecretKeySpec.class);
        assertThat(aes.getProvider().getName()).isEqualTo("SunJCE");
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(ec.getPrivate());
        assertThat(s.getProvider().getName()).isEqualTo("SunEC");
    }

    @Test
    void handlesGoToKeywarden() throws Exception {
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, kms.handle(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT));
        assertThat(gcm.getProvider().getName()).isEqualTo("Keywarden");

        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign((KmsPrivateKey) kms.handle(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY));
        assertThat(s.getProvider().getName()).isEqualTo("Keywarden");
    }
}
