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
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delayed provider selection with Keywarden installed LAST: provider-less getInstance lands on
 * Keywarden for handles and on the JDK's providers for ordinary keys.
 */
class ProviderSelectionTest {

    @TempDir
    static Path dir;
    static TestKms kms;
    static KeyPair ec;

    @BeforeAll
    static void install() throws Exception {
        kms = new TestKms(dir);
        int position = Security.addProvider(kms.provider);
        assertThat(position).isEqualTo(Security.getProviders().length);
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        ec = g.generateKeyPair();
    }

    @AfterAll
    static void uninstall() {
        Security.removeProvider(KeywardenProvider.NAME);
        kms.close();
    }

    @Test
    void signatures() throws Exception {
        KmsPrivateKey handle = (KmsPrivateKey) kms.handle(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY);
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(handle);
        assertThat(s.getProvider().getName()).isEqualTo("Keywarden");
        s.update(new byte[] {1, 2, 3});
        byte[] signature = s.sign();

        Signature jdk = Signature.getInstance("SHA256withECDSA");
        jdk.initSign(ec.getPrivate());
        assertThat(jdk.getProvider().getName()).isEqualTo("SunEC");

        Signature v = Signature.getInstance("SHA256withECDSA");
        v.initVerify(handle.publicKey());
        assertThat(v.getProvider().getName()).isEqualTo("SunEC");
        v.update(new byte[] {1, 2, 3});
        assertThat(v.verify(signature)).isTrue();

        Signature byHandle = Signature.getInstance("SHA256withECDSA");
        byHandle.initVerify(handle.publicHandle());
        assertThat(byHandle.getProvider().getName()).isEqualTo("Keywarden");
    }

    @Test
    void macs() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(kms.handle(KeySpec.HMAC_256, KeyUsage.GENERATE_VERIFY_MAC));
        assertThat(mac.getProvider().getName()).isEqualTo("Keywarden");
        Mac jdk = Mac.getInstance("HmacSHA256");
        jdk.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
        assertThat(jdk.getProvider().getName()).isEqualTo("SunJCE");
    }

    @Test
    void ciphersAndAgreements() throws Exception {
        KmsRsaPrivateKey rsa = (KmsRsaPrivateKey) kms.handle(KeySpec.RSA_2048, KeyUsage.ENCRYPT_DECRYPT);
        Cipher c = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
        c.init(Cipher.DECRYPT_MODE, rsa);
        assertThat(c.getProvider().getName()).isEqualTo("Keywarden");
        Cipher jdk = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
        jdk.init(Cipher.ENCRYPT_MODE, rsa.publicKey());
        assertThat(jdk.getProvider().getName()).isEqualTo("SunJCE");

        KeyAgreement ka = KeyAgreement.getInstance("ECDH");
        ka.init(kms.handle(KeySpec.ECC_NIST_P256, KeyUsage.KEY_AGREEMENT));
        assertThat(ka.getProvider().getName()).isEqualTo("Keywarden");
        KeyAgreement jdkKa = KeyAgreement.getInstance("ECDH");
        jdkKa.init(ec.getPrivate());
        assertThat(jdkKa.getProvider().getName()).isEqualTo("SunEC");
    }
}
