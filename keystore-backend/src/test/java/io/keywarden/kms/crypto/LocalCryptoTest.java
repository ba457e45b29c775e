package io.keywarden.kms.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.MessageType;
import io.keywarden.kms.api.SigningAlgorithmSpec;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Which provider {@link LocalCrypto} chose, and that what the ACCP paths produce verifies with the
 * JDK's own providers. The keystore-backend build runs this package's tests twice: with the default
 * ({@code auto}) and with {@code -Dkeywarden.crypto=jdk} (surefire execution {@code crypto-jdk}).
 */
class LocalCryptoTest {

    private static boolean turnedOff() {
        return "jdk".equals(System.getProperty(LocalCrypto.PROPERTY));
    }

    private static boolean linuxX8664() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        return os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"));
    }

    private static KeyMaterial material(GeneratedMaterial m) {
        return new KeyMaterial("k", 1, m.secret(), m.publicKey());
    }

    @Test
    void accpIsUsedOnLinuxX8664UnlessTurnedOff() {
        if (turnedOff()) {
            assertThat(LocalCrypto.accelerated()).isNull();
            assertThat(LocalCrypto.describe()).contains("keywarden.crypto=jdk");
        } else if (linuxX8664()) {
            // the project's CI machines are linux-x86_64: the native library must load there
            assertThat(LocalCrypto.accelerated()).isNotNull();
            assertThat(LocalCrypto.describe()).startsWith("Amazon Corretto Crypto Provider");
        } else {
            assertThat(LocalCrypto.describe()).startsWith("JDK providers");
        }
    }

    @Test
    void primitivesComeFromTheChosenProviderAndTheJdkFillsTheGaps() throws Exception {
        String expected = LocalCrypto.accelerated() == null ? "SunJCE" : LocalCrypto.accelerated().getName();
        assertThat(LocalCrypto.cipher("AES/GCM/NoPadding").getProvider().getName()).isEqualTo(expected);
        assertThat(LocalCrypto.mac("HmacSHA256").getProvider().getName()).isEqualTo(expected);
        // no provider of ours offers AES/CBC: it must still come, from the JDK
        assertThat(LocalCrypto.cipher("AES/CBC/PKCS5Padding").getProvider().getName()).isEqualTo("SunJCE");
    }

    @Test
    void theRandomSourceGivesDistinctOutput() {
        SecureRandom r = LocalCrypto.secureRandom();
        byte[] a = new byte[32];
        byte[] b = new byte[32];
        r.nextBytes(a);
        r.nextBytes(b);
        assertThat(a).isNotEqualTo(b).isNotEqualTo(new byte[32]);
    }

    @Test
    void pssSignaturesOverRawRsaVerifyWithTheJdk() throws Exception {
        RsaStrategy rsa = new RsaStrategy();
        GeneratedMaterial m = rsa.generate(KeySpec.RSA_2048);
        byte[] message = "pss over the local raw RSA".getBytes();
        byte[] sig1 = rsa.sign(KeySpec.RSA_2048, material(m), SigningAlgorithmSpec.RSASSA_PSS_SHA_256,
                MessageType.RAW, message);
        byte[] sig2 = rsa.sign(KeySpec.RSA_2048, material(m), SigningAlgorithmSpec.RSASSA_PSS_SHA_256,
                MessageType.RAW, message);
        assertThat(sig1).hasSize(256);
        assertThat(sig1).isNotEqualTo(sig2); // a fresh salt per signature
        PublicKey pub = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(m.publicKey()));
        Signature jdk = Signature.getInstance("RSASSA-PSS", "SunRsaSign");
        jdk.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        for (byte[] sig : new byte[][] {sig1, sig2}) {
            jdk.initVerify(pub);
            jdk.update(message);
            assertThat(jdk.verify(sig)).isTrue();
        }
        byte[] tampered = Arrays.copyOf(sig1, sig1.length);
        tampered[100] ^= 1;
        jdk.initVerify(pub);
        jdk.update(message);
        assertThat(jdk.verify(tampered)).isFalse();
    }

    @Test
    void ecdsaSignaturesVerifyWithTheJdkOnEveryNistCurve() throws Exception {
        EccStrategy ecc = new EccStrategy();
        Object[][] curves = {{KeySpec.ECC_NIST_P256, SigningAlgorithmSpec.ECDSA_SHA_256, "SHA256withECDSA"},
            {KeySpec.ECC_NIST_P384, SigningAlgorithmSpec.ECDSA_SHA_384, "SHA384withECDSA"},
            {KeySpec.ECC_NIST_P521, SigningAlgorithmSpec.ECDSA_SHA_512, "SHA512withECDSA"}};
        for (Object[] c : curves) {
            KeySpec spec = (KeySpec) c[0];
            GeneratedMaterial m = ecc.generate(spec);
            byte[] message = ("ecdsa on " + spec).getBytes();
            byte[] digest = MessageDigest.getInstance(((String) c[2]).replace("withECDSA", "").replace("SHA", "SHA-"))
                    .digest(message);
            byte[] sig = ecc.sign(spec, material(m), (SigningAlgorithmSpec) c[1], MessageType.DIGEST, digest);
            PublicKey pub = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(m.publicKey()));
            Signature jdk = Signature.getInstance((String) c[2], "SunEC");
            jdk.initVerify(pub);
            jdk.update(message);
            assertThat(jdk.verify(sig)).as(spec.name()).isTrue();
            jdk.initVerify(pub);
            jdk.update("another message".getBytes());
            assertThat(jdk.verify(sig)).as(spec.name()).isFalse();
        }
    }
}
