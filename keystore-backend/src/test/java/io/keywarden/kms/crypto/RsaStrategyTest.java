package io.keywarden.kms.crypto;

import static io.keywarden.kms.crypto.TestKeys.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.EncryptionAlgorithmSpec;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.MessageType;
import io.keywarden.kms.api.SigningAlgorithmSpec;
import io.keywarden.kms.api.errors.IncorrectKeyMaterialException;
import io.keywarden.kms.api.errors.InvalidCiphertextException;
import io.keywarden.kms.api.errors.InvalidKeyUsageException;
import io.keywarden.kms.api.errors.ValidationException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RsaStrategyTest {

    private static final KeySpec SPEC = KeySpec.RSA_2048;
    private final RsaStrategy s = new RsaStrategy();
    private final KeyMaterial key = TestKeys.key(SPEC);

    static PublicKey jdkPublic(byte[] spki) throws Exception {
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(spki));
    }

    static PrivateKey jdkPrivate(byte[] pkcs8) throws Exception {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    private static OAEPParameterSpec oaep(EncryptionAlgorithmSpec alg) {
        return alg == EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1
                ? new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT)
                : new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
    }

    /** The JDK's own signature for an AWS signing algorithm. */
    static Signature jdkSignature(SigningAlgorithmSpec alg) throws Exception {
        String hash = "SHA-" + alg.name().substring(alg.name().length() - 3);
        if (alg.name().startsWith("RSASSA_PSS")) {
            Signature sig = Signature.getInstance("RSASSA-PSS");
            sig.setParameter(new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash),
                    MessageDigest.getInstance(hash).getDigestLength(), 1));
            return sig;
        }
        return Signature.getInstance(hash.replace("-", "") + "withRSA");
    }

    private static String hashOf(SigningAlgorithmSpec alg) {
        return "SHA-" + alg.name().substring(alg.name().length() - 3);
    }

    @Test
    void maxPlaintextMatchesAws() {
        Map<KeySpec, int[]> aws = Map.of(KeySpec.RSA_2048, new int[] {214, 190}, KeySpec.RSA_3072,
                new int[] {342, 318}, KeySpec.RSA_4096, new int[] {470, 446});
        aws.forEach((spec, max) -> {
            assertThat(s.maxPlaintextLength(spec, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1)).isEqualTo(max[0]);
            assertThat(s.maxPlaintextLength(spec, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256)).isEqualTo(max[1]);
        });
    }

    @Test
    void describesUsagesAndAlgorithms() {
        for (KeySpec spec : s.keySpecs()) {
            assertThat(s.usages(spec)).containsExactlyInAnyOrder(KeyUsage.ENCRYPT_DECRYPT, KeyUsage.SIGN_VERIFY);
            assertThat(s.encryptionAlgorithms(spec, KeyUsage.ENCRYPT_DECRYPT)).containsExactly(
                    EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256);
            assertThat(s.encryptionAlgorithms(spec, KeyUsage.SIGN_VERIFY)).isEmpty();
            assertThat(s.signingAlgorithms(spec, KeyUsage.SIGN_VERIFY)).hasSize(6);
            assertThat(s.signingAlgorithms(spec, KeyUsage.ENCRYPT_DECRYPT)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"RSA_2048", "RSA_3072", "RSA_4096"})
    void generatesTheRightModulusAndWorks(KeySpec spec) throws Exception {
        KeyMaterial k = TestKeys.key(spec);
        assertThat(((RSAPublicKey) jdkPublic(k.publicKey())).getModulus().bitLength()).isEqualTo(spec == SPEC ? 2048
                : spec == KeySpec.RSA_3072 ? 3072 : 4096);
        for (EncryptionAlgorithmSpec alg : s.encryptionAlgorithms(spec, KeyUsage.ENCRYPT_DECRYPT)) {
            byte[] pt = bytes(s.maxPlaintextLength(spec, alg));
            assertThat(s.decrypt(spec, k, alg, s.encrypt(spec, k, alg, pt, null), Map.of())).isEqualTo(pt);
            assertThatThrownBy(() -> s.encrypt(spec, k, alg, bytes(pt.length + 1), null))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("less than or equal to " + pt.length);
        }
        byte[] sig = s.sign(spec, k, SigningAlgorithmSpec.RSASSA_PSS_SHA_512, MessageType.RAW, bytes(50));
        Signature jdk = jdkSignature(SigningAlgorithmSpec.RSASSA_PSS_SHA_512);
        jdk.initVerify(jdkPublic(k.publicKey()));
        jdk.update(bytes(50));
        assertThat(jdk.verify(sig)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(names = {"RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256"})
    void oaepInteropsWithTheJdk(EncryptionAlgorithmSpec alg) throws Exception {
        Cipher jdk = Cipher.getInstance("RSA/ECB/OAEPPadding");
        jdk.init(Cipher.ENCRYPT_MODE, jdkPublic(key.publicKey()), oaep(alg));
        byte[] ct = jdk.doFinal(bytes(100));
        assertThat(s.decrypt(SPEC, key, alg, ct, null)).isEqualTo(bytes(100));

        byte[] ours = s.encrypt(SPEC, key, alg, bytes(77), null);
        jdk.init(Cipher.DECRYPT_MODE, jdkPrivate(key.secret()), oaep(alg));
        assertThat(jdk.doFinal(ours)).isEqualTo(bytes(77));
    }

    @Test
    void badCiphertextsAreInvalidCiphertext() {
        EncryptionAlgorithmSpec sha1 = EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1;
        byte[] ct = s.encrypt(SPEC, key, sha1, bytes(20), null);
        assertThatThrownBy(() -> s.decrypt(SPEC, key, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256, ct, null))
                .isInstanceOf(InvalidCiphertextException.class);
        for (int i : new int[] {0, 1, 100, 255}) {
            byte[] t = ct.clone();
            t[i] ^= 0x10;
            assertThatThrownBy(() -> s.decrypt(SPEC, key, sha1, t, null)).isInstanceOf(InvalidCiphertextException.class);
        }
        for (int n : new int[] {1, 255, 257, 512}) {
            assertThatThrownBy(() -> s.decrypt(SPEC, key, sha1, bytes(n), null))
                    .isInstanceOf(InvalidCiphertextException.class);
        }
        byte[] allFf = new byte[256];
        java.util.Arrays.fill(allFf, (byte) 0xff);
        assertThatThrownBy(() -> s.decrypt(SPEC, key, sha1, allFf, null)).isInstanceOf(InvalidCiphertextException.class);
        KeyMaterial other = TestKeys.key(KeySpec.RSA_3072);
        byte[] ct3072 = s.encrypt(KeySpec.RSA_3072, other, sha1, bytes(5), null);
        assertThatThrownBy(() -> s.decrypt(SPEC, key, sha1, ct3072, null)).isInstanceOf(InvalidCiphertextException.class);
    }

    @Test
    void refusesEncryptionMisuse() {
        assertThatThrownBy(() -> s.encrypt(SPEC, key, EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT, bytes(5), null))
                .isInstanceOf(InvalidKeyUsageException.class);
        assertThatThrownBy(() -> s.encrypt(SPEC, key, null, bytes(5), null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> s.encrypt(SPEC, key, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1, bytes(5), Map.of("a", "b")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> s.encrypt(SPEC, key, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1, new byte[0], null))
                .isInstanceOf(ValidationException.class);
    }

    @ParameterizedTest
    @EnumSource(names = {"RSASSA_PSS_SHA_256", "RSASSA_PSS_SHA_384", "RSASSA_PSS_SHA_512",
            "RSASSA_PKCS1_V1_5_SHA_256", "RSASSA_PKCS1_V1_5_SHA_384", "RSASSA_PKCS1_V1_5_SHA_512"})
    void signaturesVerifyWithTheJdkForRawAndDigest(SigningAlgorithmSpec alg) throws Exception {
        byte[] msg = bytes(300);
        byte[] digest = MessageDigest.getInstance(hashOf(alg)).digest(msg);
        for (byte[] sig : new byte[][] {s.sign(SPEC, key, alg, MessageType.RAW, msg),
                s.sign(SPEC, key, alg, MessageType.DIGEST, digest)}) {
            Signature jdk = jdkSignature(alg);
            jdk.initVerify(jdkPublic(key.publicKey()));
            jdk.update(msg);
            assertThat(jdk.verify(sig)).isTrue();
            assertThat(s.verify(SPEC, key, alg, MessageType.RAW, msg, sig)).isTrue();
            assertThat(s.verify(SPEC, key, alg, MessageType.DIGEST, digest, sig)).isTrue();
            assertThat(s.verify(SPEC, key, alg, MessageType.RAW, bytes(301), sig)).isFalse();
            byte[] t = sig.clone();
            t[10] ^= 1;
            assertThat(s.verify(SPEC, key, alg, MessageType.RAW, msg, t)).isFalse();
            assertThat(s.verify(SPEC, key, alg, MessageType.RAW, msg, new byte[] {1, 2, 3})).isFalse();
            assertThat(s.verify(SPEC, key, alg, MessageType.RAW, msg, new byte[257])).isFalse();
        }
        Signature jdk = jdkSignature(alg);
        jdk.initSign(jdkPrivate(key.secret()));
        jdk.update(msg);
        assertThat(s.verify(SPEC, key, alg, MessageType.DIGEST, digest, jdk.sign())).isTrue();
    }

    @Test
    void refusesSigningMisuse() {
        SigningAlgorithmSpec alg = SigningAlgorithmSpec.RSASSA_PSS_SHA_384;
        assertThatThrownBy(() -> s.sign(SPEC, key, alg, MessageType.DIGEST, bytes(32)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("invalid length");
        assertThatThrownBy(() -> s.sign(SPEC, key, alg, MessageType.DIGEST, bytes(64)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> s.sign(SPEC, key, alg, MessageType.EXTERNAL_MU, bytes(64)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> s.sign(SPEC, key, alg, MessageType.RAW, bytes(4097)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> s.sign(SPEC, key, alg, null, bytes(5))).isInstanceOf(ValidationException.class);
        for (SigningAlgorithmSpec other : new SigningAlgorithmSpec[] {SigningAlgorithmSpec.ECDSA_SHA_256,
                SigningAlgorithmSpec.ED25519_SHA_512, SigningAlgorithmSpec.ML_DSA_SHAKE_256}) {
            assertThatThrownBy(() -> s.sign(SPEC, key, other, MessageType.RAW, bytes(5)))
                    .isInstanceOf(InvalidKeyUsageException.class);
        }
        assertThatThrownBy(() -> s.verify(SPEC, key, alg, MessageType.RAW, bytes(5), null))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> s.deriveSharedSecret(SPEC, key, bytes(5))).isInstanceOf(InvalidKeyUsageException.class);
    }

    @Test
    void importsJdkKeysOfTheRightSize() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair kp = g.generateKeyPair();
        GeneratedMaterial m = s.importMaterial(SPEC, kp.getPrivate().getEncoded());
        assertThat(m.publicKey()).isEqualTo(kp.getPublic().getEncoded());
        assertThat(m.secret()).isEqualTo(kp.getPrivate().getEncoded());
        KeyMaterial imported = new KeyMaterial("k", 1, m.secret(), m.publicKey());
        byte[] sig = s.sign(SPEC, imported, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256, MessageType.RAW, bytes(9));
        assertThat(s.verify(SPEC, imported, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256, MessageType.RAW, bytes(9), sig)).isTrue();

        assertThatThrownBy(() -> s.importMaterial(KeySpec.RSA_3072, kp.getPrivate().getEncoded()))
                .isInstanceOf(IncorrectKeyMaterialException.class);
        assertThatThrownBy(() -> s.importMaterial(KeySpec.RSA_4096, kp.getPrivate().getEncoded()))
                .isInstanceOf(IncorrectKeyMaterialException.class);
        byte[] ec = TestKeys.material(KeySpec.ECC_NIST_P256).secret();
        for (byte[] bad : new byte[][] {null, new byte[0], bytes(32), ec, kp.getPublic().getEncoded()}) {
            assertThatThrownBy(() -> s.importMaterial(SPEC, bad)).isInstanceOf(IncorrectKeyMaterialException.class);
        }
    }
}
