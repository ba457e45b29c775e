package io.keywarden.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.keywarden.kms.api.KeySpec;
import io.keywarden.provider.KmsKeyGenParameterSpec;
import io.keywarden.provider.KmsPrivateKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sample d: signatures and HMACs made with managed keys in another JVM, checked with the JDK's providers. */
class SignAndMacTest {

    private static final String MESSAGE = "ship release 1.0";

    @TempDir
    Path dir;
    SampleEnvironment env;
    byte[] hmacKey = new byte[32];

    @BeforeEach
    void open() throws Exception {
        env = new SampleEnvironment(dir);
        new Random(11).nextBytes(hmacKey);
        env.keyStore.setKeyEntry("mac", new SecretKeySpec(hmacKey, "HmacSHA256"), null, null);
    }

    @AfterEach
    void close() {
        env.close();
    }

    private X509Certificate signingKey(String alias, String algorithm, KeySpec spec, String sigAlg) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm, env.provider);
        g.initialize(KmsKeyGenParameterSpec.builder().keySpec(spec).build());
        KmsPrivateKey key = (KmsPrivateKey) g.generateKeyPair().getPrivate();
        X509Certificate cert = env.selfSigned(key, sigAlg, alias);
        env.storeWithChain(alias, key, cert);
        return cert;
    }

    private void runAndCheck(String alias, String sigAlg, String jdkProvider, X509Certificate cert) throws Exception {
        SampleEnvironment.Result r = SampleEnvironment.run(env.sample(SignAndMac.class, alias, sigAlg, jdkProvider,
                "mac", MESSAGE)).check();
        assertThat(r.out()).contains("VERIFIED true");

        byte[] signature = HexFormat.of().parseHex(line(r.out(), "SIGNATURE "));
        Signature v = Signature.getInstance(sigAlg, jdkProvider);
        v.initVerify(cert.getPublicKey());
        v.update(MESSAGE.getBytes(StandardCharsets.UTF_8));
        assertThat(v.verify(signature)).isTrue();

        Mac jdk = Mac.getInstance("HmacSHA256", "SunJCE");
        jdk.init(new SecretKeySpec(hmacKey, "HmacSHA256"));
        assertThat(line(r.out(), "MAC ")).isEqualTo(HexFormat.of().formatHex(
                jdk.doFinal(MESSAGE.getBytes(StandardCharsets.UTF_8))));
    }

    private static String line(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow().substring(prefix.length());
    }

    @Test
    void ecdsaAndHmac() throws Exception {
        X509Certificate cert = signingKey("ec-signer", "EC", KeySpec.ECC_NIST_P256, "SHA256withECDSA");
        runAndCheck("ec-signer", "SHA256withECDSA", "SunEC", cert);
    }

    @Test
    void rsaPkcs1AndHmac() throws Exception {
        X509Certificate cert = signingKey("rsa-signer", "RSA", KeySpec.RSA_2048, "SHA256withRSA");
        runAndCheck("rsa-signer", "SHA256withRSA", "SunRsaSign", cert);
    }
}
