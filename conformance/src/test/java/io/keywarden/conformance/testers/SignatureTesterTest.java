package io.keywarden.conformance.testers;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.provider.KmsPrivateKey;
import java.security.KeyPair;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The same SignatureTester on the JDK's signatures (plain keys) and on Keywarden handles holding the
 * same imported material; the JDK verifies every Keywarden signature, and deterministic Keywarden
 * signatures equal the JDK's.
 */
class SignatureTesterTest {

    private static final PSSParameterSpec PSS256 = new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);

    @Test
    void jdk() throws Exception {
        KeyPair rsa = TesterFixture.pair("RSA", 2048);
        run(null, "SHA256withRSA", null, rsa.getPrivate(), List.of(rsa.getPublic()), rsa, true, 8192);
        run(null, "RSASSA-PSS", PSS256, rsa.getPrivate(), List.of(rsa.getPublic()), rsa, false, 8192);
        KeyPair ec = TesterFixture.pair("EC", "secp256r1");
        run(null, "SHA256withECDSA", null, ec.getPrivate(), List.of(ec.getPublic()), ec, false, 8192);
        run(null, "SHA256withECDSAinP1363Format", null, ec.getPrivate(), List.of(ec.getPublic()), ec, false, 8192);
        KeyPair ed = TesterFixture.pair("Ed25519", null);
        run(null, "Ed25519", null, ed.getPrivate(), List.of(ed.getPublic()), ed, true, 4096);
    }

    @Test
    void keywarden() throws Exception {
        KeyPair rsa = TesterFixture.pair("RSA", 2048);
        KmsPrivateKey rsaHandle = (KmsPrivateKey) TesterFixture.imported(KeySpec.RSA_2048, KeyUsage.SIGN_VERIFY,
                rsa.getPrivate().getEncoded());
        List<java.security.PublicKey> rsaVerifiers = List.of(rsaHandle.publicHandle(), rsa.getPublic());
        run(rsa.getPrivate(), "SHA256withRSA", null, rsaHandle, rsaVerifiers, rsa, true, 8192);
        run(null, "RSASSA-PSS", PSS256, rsaHandle, rsaVerifiers, rsa, false, 8192);
        KeyPair ec = TesterFixture.pair("EC", "secp384r1");
        KmsPrivateKey ecHandle = (KmsPrivateKey) TesterFixture.imported(KeySpec.ECC_NIST_P384, KeyUsage.SIGN_VERIFY,
                ec.getPrivate().getEncoded());
        List<java.security.PublicKey> ecVerifiers = List.of(ecHandle.publicHandle(), ec.getPublic());
        run(null, "SHA384withECDSA", null, ecHandle, ecVerifiers, ec, false, 8192);
        run(null, "SHA384withECDSAinP1363Format", null, ecHandle, ecVerifiers, ec, false, 8192);
        KeyPair ed = TesterFixture.pair("Ed25519", null);
        KmsPrivateKey edHandle = (KmsPrivateKey) TesterFixture.imported(KeySpec.ECC_NIST_EDWARDS25519,
                KeyUsage.SIGN_VERIFY, ed.getPrivate().getEncoded());
        run(ed.getPrivate(), "Ed25519", null, edHandle, List.of(edHandle.publicHandle(), ed.getPublic()), ed, true, 4096);
    }

    @Test
    void theTesterFailsWhenTheReferenceKeyDiffers() throws Exception {
        KeyPair ec = TesterFixture.pair("EC", "secp256r1");
        KeyPair other = TesterFixture.pair("EC", "secp256r1");
        assertThatThrownBy(() -> run(null, "SHA256withECDSA", null, ec.getPrivate(), List.of(ec.getPublic()), other,
                false, 64)).isInstanceOf(AssertionError.class);
    }

    private static void run(java.security.PrivateKey referenceSigner, String algorithm,
            java.security.spec.AlgorithmParameterSpec params, java.security.PrivateKey signer,
            List<java.security.PublicKey> verifiers, KeyPair plain, boolean deterministic, int max) throws Exception {
        String jdkProvider = algorithm.contains("RSA") ? "SunRsaSign" : "SunEC";
        new SignatureTester(new SignatureTester.Setup(() -> Signature.getInstance(algorithm), params, signer, verifiers,
                () -> Signature.getInstance(algorithm, jdkProvider), plain.getPublic(), deterministic, referenceSigner,
                max)).run();
    }
}
