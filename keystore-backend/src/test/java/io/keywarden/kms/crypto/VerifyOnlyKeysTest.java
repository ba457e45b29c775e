package io.keywarden.kms.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.MessageType;
import io.keywarden.kms.api.SigningAlgorithmSpec;
import io.keywarden.kms.api.errors.IncorrectKeyMaterialException;
import io.keywarden.kms.api.errors.InvalidKeyUsageException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;

/** The verify-only imported keys extension at the strategy level: public keys verify, never sign. */
class VerifyOnlyKeysTest {

    private static final byte[] MESSAGE = "verify-only".getBytes(StandardCharsets.UTF_8);

    @Test
    void tellsPublicKeysFromPrivateKeys() throws Exception {
        KeyPair kp = ec("secp256r1");
        assertThat(VerifyOnlyKeys.isSubjectPublicKeyInfo(kp.getPublic().getEncoded())).isTrue();
        assertThat(VerifyOnlyKeys.isSubjectPublicKeyInfo(kp.getPrivate().getEncoded())).isFalse();
        assertThat(VerifyOnlyKeys.isSubjectPublicKeyInfo(new byte[] {0x30, 0x00})).isFalse();
        assertThat(VerifyOnlyKeys.isSubjectPublicKeyInfo(new byte[32])).isFalse();
        assertThat(VerifyOnlyKeys.isSubjectPublicKeyInfo(null)).isFalse();
    }

    @Test
    void ecPublicKeyVerifiesAndRefusesToSign() throws Exception {
        KeyPair kp = ec("secp256r1");
        GeneratedMaterial m = VerifyOnlyKeys.importPublicKey(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY,
                kp.getPublic().getEncoded());
        assertThat(m.isPublicOnly()).isTrue();
        assertThat(m.publicKey()).isEqualTo(kp.getPublic().getEncoded());
        KeyMaterial key = new KeyMaterial("k", 1, m.secret(), m.publicKey());
        byte[] sig = jdkSign("SHA256withECDSA", kp);
        EccStrategy s = new EccStrategy();
        assertThat(s.verify(KeySpec.ECC_NIST_P256, key, SigningAlgorithmSpec.ECDSA_SHA_256, MessageType.RAW, MESSAGE,
                sig)).isTrue();
        sig[10] ^= 1;
        assertThat(s.verify(KeySpec.ECC_NIST_P256, key, SigningAlgorithmSpec.ECDSA_SHA_256, MessageType.RAW, MESSAGE,
                sig)).isFalse();
        assertThatThrownBy(() -> s.sign(KeySpec.ECC_NIST_P256, key, SigningAlgorithmSpec.ECDSA_SHA_256,
                MessageType.RAW, MESSAGE)).isInstanceOf(InvalidKeyUsageException.class)
                .hasMessageContaining("holds a public key only");
    }

    @Test
    void rsaAndEd25519PublicKeysVerifyAndRefuseToSign() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair rsa = g.generateKeyPair();
        GeneratedMaterial m = VerifyOnlyKeys.importPublicKey(KeySpec.RSA_2048, KeyUsage.SIGN_VERIFY,
                rsa.getPublic().getEncoded());
        KeyMaterial key = new KeyMaterial("r", 1, m.secret(), m.publicKey());
        RsaStrategy rs = new RsaStrategy();
        assertThat(rs.verify(KeySpec.RSA_2048, key, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256, MessageType.RAW,
                MESSAGE, jdkSign("SHA256withRSA", rsa))).isTrue();
        assertThatThrownBy(() -> rs.sign(KeySpec.RSA_2048, key, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256,
                MessageType.RAW, MESSAGE)).isInstanceOf(InvalidKeyUsageException.class);
        assertThatThrownBy(() -> VerifyOnlyKeys.importPublicKey(KeySpec.RSA_3072, KeyUsage.SIGN_VERIFY,
                rsa.getPublic().getEncoded())).isInstanceOf(IncorrectKeyMaterialException.class);

        KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        GeneratedMaterial em = VerifyOnlyKeys.importPublicKey(KeySpec.ECC_NIST_EDWARDS25519, KeyUsage.SIGN_VERIFY,
                ed.getPublic().getEncoded());
        assertThat(em.publicKey()).isEqualTo(ed.getPublic().getEncoded());
        KeyMaterial ek = new KeyMaterial("e", 1, em.secret(), em.publicKey());
        Ed25519Strategy es = new Ed25519Strategy();
        assertThat(es.verify(KeySpec.ECC_NIST_EDWARDS25519, ek, SigningAlgorithmSpec.ED25519_SHA_512,
                MessageType.RAW, MESSAGE, jdkSign("Ed25519", ed))).isTrue();
        assertThatThrownBy(() -> es.sign(KeySpec.ECC_NIST_EDWARDS25519, ek, SigningAlgorithmSpec.ED25519_SHA_512,
                MessageType.RAW, MESSAGE)).isInstanceOf(InvalidKeyUsageException.class);
    }

    @Test
    void refusesWrongCurveWrongUsageAndFamiliesWithoutPublicKeys() throws Exception {
        byte[] p384 = ec("secp384r1").getPublic().getEncoded();
        assertThatThrownBy(() -> VerifyOnlyKeys.importPublicKey(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY, p384))
                .isInstanceOf(IncorrectKeyMaterialException.class);
        assertThatThrownBy(() -> VerifyOnlyKeys.importPublicKey(KeySpec.ECC_NIST_P384, KeyUsage.KEY_AGREEMENT, p384))
                .isInstanceOf(IncorrectKeyMaterialException.class).hasMessageContaining("SIGN_VERIFY");
        assertThatThrownBy(() -> VerifyOnlyKeys.importPublicKey(KeySpec.HMAC_256, KeyUsage.SIGN_VERIFY, p384))
                .isInstanceOf(IncorrectKeyMaterialException.class);
    }

    private static KeyPair ec(String curve) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec(curve));
        return g.generateKeyPair();
    }

    private static byte[] jdkSign(String algorithm, KeyPair kp) throws Exception {
        Signature s = Signature.getInstance(algorithm);
        s.initSign(kp.getPrivate());
        s.update(MESSAGE);
        return s.sign();
    }
}
