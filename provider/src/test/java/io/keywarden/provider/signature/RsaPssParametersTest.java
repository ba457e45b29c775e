package io.keywarden.provider.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.provider.KmsPrivateKey;
import io.keywarden.provider.TestKms;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.InvalidAlgorithmParameterException;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RSASSA-PSS with PSSParameterSpec: the combinations AWS KMS signs, checked by the JDK's RSASSA-PSS (others: RsaParameterExtensionTest). */
class RsaPssParametersTest {

    static final byte[] MESSAGE = "PSS".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;
    static TestKms kms;
    static KmsPrivateKey key;

    @BeforeAll
    static void open() throws Exception {
        kms = new TestKms(dir);
        key = (KmsPrivateKey) kms.handle(KeySpec.RSA_2048, KeyUsage.SIGN_VERIFY);
    }

    @AfterAll
    static void close() {
        kms.close();
    }

    static PSSParameterSpec pss(String digest, String mgfDigest, int salt, int trailer) {
        return new PSSParameterSpec(digest, "MGF1", new MGF1ParameterSpec(mgfDigest), salt, trailer);
    }

    @Test
    void signsWithEachSupportedSpecAndTheJdkVerifies() throws Exception {
        for (String[] d : new String[][] {{"SHA-256", "32"}, {"SHA-384", "48"}, {"SHA-512", "64"}}) {
            PSSParameterSpec spec = pss(d[0], d[0], Integer.parseInt(d[1]), 1);
            Signature s = Signature.getInstance("RSASSA-PSS", kms.provider);
            s.initSign(key);
            s.setParameter(spec);
            s.update(MESSAGE);
            byte[] signature = s.sign();
            assertThat(s.getParameters().getParameterSpec(PSSParameterSpec.class).getDigestAlgorithm()).isEqualTo(d[0]);

            Signature jdk = Signature.getInstance("RSASSA-PSS");
            jdk.initVerify(key.publicKey());
            jdk.setParameter(spec);
            jdk.update(MESSAGE);
            assertThat(jdk.verify(signature)).isTrue();

            Signature v = Signature.getInstance("PSS", kms.provider);
            v.initVerify(key.publicHandle());
            v.setParameter(spec);
            v.update(MESSAGE);
            assertThat(v.verify(signature)).isTrue();
            if (!d[0].equals("SHA-256")) { // the parameters are part of what is verified
                v.setParameter(pss("SHA-256", "SHA-256", 32, 1));
                v.update(MESSAGE);
                assertThat(v.verify(signature)).isFalse();
            }
        }
    }

    @Test
    void refusesWhatKeywardenDoesNotSign() throws Exception {
        // Other digests, MGF1 digests and salts go through the extension (RsaParameterExtensionTest).
        Signature s = Signature.getInstance("RSASSA-PSS", kms.provider);
        s.initSign(key);
        for (PSSParameterSpec bad : new PSSParameterSpec[] {pss("SHA-256", "SHA-256", 32, 2),
                pss("MD5", "MD5", 16, 1), pss("SHA-256", "MD5", 32, 1),
                new PSSParameterSpec("SHA-256", "MGF2", MGF1ParameterSpec.SHA256, 32, 1)}) {
            assertThatThrownBy(() -> s.setParameter(bad)).isInstanceOf(InvalidAlgorithmParameterException.class);
        }
        assertThatThrownBy(() -> s.setParameter(null)).isInstanceOf(InvalidAlgorithmParameterException.class);
    }

    @Test
    void rsassaPssNeedsParametersAndTheyCannotChangeMidMessage() throws Exception {
        Signature s = Signature.getInstance("RSASSA-PSS", kms.provider);
        s.initSign(key);
        assertThat(s.getParameters()).isNull();
        assertThatThrownBy(() -> s.update(MESSAGE)).isInstanceOf(SignatureException.class)
                .hasMessageContaining("PSSParameterSpec");
        s.setParameter(pss("SHA-256", "SHA-256", 32, 1));
        s.update(MESSAGE);
        assertThatThrownBy(() -> s.setParameter(pss("SHA-512", "SHA-512", 64, 1)))
                .isInstanceOf(InvalidAlgorithmParameterException.class);
        assertThat(s.sign()).hasSize(256);
    }

    @Test
    void fixedNamesAcceptOnlyTheirOwnParameters() throws Exception {
        Signature s = Signature.getInstance("SHA384withRSA/PSS", kms.provider);
        s.initSign(key);
        s.setParameter(pss("SHA-384", "SHA-384", 48, 1));
        assertThatThrownBy(() -> s.setParameter(pss("SHA-256", "SHA-256", 32, 1)))
                .isInstanceOf(InvalidAlgorithmParameterException.class);
        assertThat(s.getParameters().getParameterSpec(PSSParameterSpec.class).getSaltLength()).isEqualTo(48);
        s.update(MESSAGE);
        byte[] signature = s.sign();
        Signature jdk = Signature.getInstance("RSASSA-PSS");
        jdk.initVerify(key.publicKey());
        jdk.setParameter(pss("SHA-384", "SHA-384", 48, 1));
        jdk.update(MESSAGE);
        assertThat(jdk.verify(signature)).isTrue();
    }
}
