package io.keywarden.kms.crypto;

import static io.keywarden.kms.crypto.TestKeys.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.EncryptionAlgorithmSpec;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.MessageType;
import io.keywarden.kms.api.RsaParameters;
import io.keywarden.kms.api.SigningAlgorithmSpec;
import io.keywarden.kms.api.errors.InvalidCiphertextException;
import io.keywarden.kms.api.errors.InvalidKeyUsageException;
import io.keywarden.kms.api.errors.ValidationException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Keywarden's RSA parameter extension in the RSA strategy, against the JDK with the plain key pair. */
class RsaParametersStrategyTest {

    private static final KeySpec SPEC = KeySpec.RSA_2048;
    private final RsaStrategy s = new RsaStrategy();
    private final KeyMaterial key = TestKeys.key(SPEC);

    private PublicKey pub() throws Exception {
        return RsaStrategyTest.jdkPublic(key.publicKey());
    }

    private PrivateKey priv() throws Exception {
        return RsaStrategyTest.jdkPrivate(key.secret());
    }

    private static Signature jdkPss(String hash, String mgf, int salt) throws Exception {
        Signature sig = Signature.getInstance("RSASSA-PSS");
        sig.setParameter(new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(mgf), salt, 1));
        return sig;
    }

    @ParameterizedTest
    @CsvSource({"SHA-1,SHA-1,20", "SHA-224,SHA-224,0", "SHA-256,SHA-1,20", "SHA-256,SHA-256,0",
            "SHA-512,SHA-256,32", "SHA-512/224,SHA-512/224,28", "SHA-512/256,SHA-512/256,32", "SHA3-256,SHA3-256,32",
            "SHA-384,SHA-384,100"})
    void pssWithParametersInteroperatesWithTheJdk(String hash, String mgf, int salt) throws Exception {
        byte[] message = bytes(300);
        RsaParameters p = RsaParameters.pss(hash, mgf, salt);
        byte[] ours = s.sign(SPEC, key, SigningAlgorithmSpec.RSASSA_PSS_SHA_256, p, MessageType.RAW, message);
        Signature jdk = jdkPss(hash, mgf, salt);
        jdk.initVerify(pub());
        jdk.update(message);
        assertThat(jdk.verify(ours)).isTrue();

        jdk.initSign(priv());
        jdk.update(message);
        byte[] theirs = jdk.sign();
        assertThat(s.verify(SPEC, key, SigningAlgorithmSpec.RSASSA_PSS_SHA_512, p, MessageType.RAW, message, theirs))
                .isTrue();
        byte[] digest = MessageDigest.getInstance(hash).digest(message);
        assertThat(s.verify(SPEC, key, SigningAlgorithmSpec.RSASSA_PSS_SHA_384, p, MessageType.DIGEST, digest, theirs))
                .isTrue();
        // Another salt length or MGF1 hash is another scheme: the signature does not verify under it.
        assertThat(s.verify(SPEC, key, SigningAlgorithmSpec.RSASSA_PSS_SHA_256, RsaParameters.pss(hash, mgf, salt + 1),
                MessageType.RAW, message, theirs)).isFalse();
        // Without parameters, AWS KMS's scheme of the algorithm applies (SHA-256, MGF1-SHA-256, salt 32).
        assertThat(s.verify(SPEC, key, SigningAlgorithmSpec.RSASSA_PSS_SHA_256, null, MessageType.RAW, message, theirs))
                .isEqualTo(hash.equals("SHA-256") && mgf.equals("SHA-256") && salt == 32);
    }

    @Test
    void pssDefaultsAreTheHashsMgf1AndAHashLongSalt() throws Exception {
        byte[] message = bytes(50);
        byte[] ours = s.sign(SPEC, key, SigningAlgorithmSpec.RSASSA_PSS_SHA_256,
                new RsaParameters("SHA-1", null, null, null), MessageType.RAW, message);
        Signature jdk = jdkPss("SHA-1", "SHA-1", 20);
        jdk.initVerify(pub());
        jdk.update(message);
        assertThat(jdk.verify(ours)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"SHA-1,SHA1withRSA", "SHA-224,SHA224withRSA", "SHA-512/224,SHA512/224withRSA",
            "SHA-512/256,SHA512/256withRSA", "SHA3-384,SHA3-384withRSA", "SHA-384,SHA384withRSA"})
    void pkcs1WithAnotherHashIsTheJdksSignatureByteForByte(String hash, String jdkName) throws Exception {
        byte[] message = bytes(77);
        byte[] ours = s.sign(SPEC, key, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256, RsaParameters.pkcs1(hash),
                MessageType.RAW, message);
        Signature jdk = Signature.getInstance(jdkName);
        jdk.initSign(priv());
        jdk.update(message);
        assertThat(ours).isEqualTo(jdk.sign());
        assertThat(s.verify(SPEC, key, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_512, RsaParameters.pkcs1(hash),
                MessageType.DIGEST, MessageDigest.getInstance(hash).digest(message), ours)).isTrue();
        assertThat(s.verify(SPEC, key, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256, RsaParameters.pkcs1("SHA-256"),
                MessageType.RAW, message, ours)).isEqualTo(hash.equals("SHA-256"));
    }

    @ParameterizedTest
    @CsvSource({"SHA-1,SHA-1,''", "SHA-224,SHA-1,00ff", "SHA-256,SHA-1,''", "SHA-384,SHA-384,6c6162656c",
            "SHA-512,SHA-1,0102030405060708", "SHA-512/256,SHA-512/256,''", "SHA3-256,SHA3-256,aa"})
    void oaepWithParametersInteroperatesWithTheJdk(String hash, String mgf, String labelHex) throws Exception {
        byte[] label = TestKeys.hex(labelHex);
        RsaParameters p = RsaParameters.oaep(hash, mgf, label);
        OAEPParameterSpec spec = new OAEPParameterSpec(hash, "MGF1", new MGF1ParameterSpec(mgf),
                new PSource.PSpecified(label));
        byte[] plaintext = bytes(60);
        Cipher jdk = Cipher.getInstance("RSA/ECB/OAEPPadding");
        jdk.init(Cipher.ENCRYPT_MODE, pub(), spec);
        byte[] ct = jdk.doFinal(plaintext);
        assertThat(s.decrypt(SPEC, key, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256, p, ct, Map.of()))
                .isEqualTo(plaintext);

        byte[] ours = s.encrypt(SPEC, key, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1, p, plaintext, null);
        jdk.init(Cipher.DECRYPT_MODE, priv(), spec);
        assertThat(jdk.doFinal(ours)).isEqualTo(plaintext);

        RsaParameters otherLabel = RsaParameters.oaep(hash, mgf, new byte[] {9});
        assertThatThrownBy(() -> s.decrypt(SPEC, key, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256, otherLabel, ct, null))
                .isInstanceOf(InvalidCiphertextException.class);
    }

    @Test
    void oaepPlaintextLimitFollowsTheParametersHash() {
        RsaParameters sha512 = RsaParameters.oaep("SHA-512", "SHA-1", null);
        int max = 256 - 2 * 64 - 2;
        assertThat(s.encrypt(SPEC, key, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1, sha512, bytes(max), null))
                .hasSize(256);
        assertThatThrownBy(() -> s.encrypt(SPEC, key, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1, sha512,
                bytes(max + 1), null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void invalidCombinationsAreValidationErrors() {
        byte[] m = bytes(10);
        assertThatThrownBy(() -> s.sign(SPEC, key, SigningAlgorithmSpec.RSASSA_PSS_SHA_256,
                RsaParameters.pss("SHA-512", "SHA-512", 191), MessageType.RAW, m))
                .isInstanceOf(ValidationException.class).hasMessageContaining("SaltLength 191 is too long")
                .hasMessageContaining("at most 190");
        assertThat(s.sign(SPEC, key, SigningAlgorithmSpec.RSASSA_PSS_SHA_256,
                RsaParameters.pss("SHA-512", "SHA-512", 190), MessageType.RAW, m)).hasSize(256);
        assertThatThrownBy(() -> s.sign(SPEC, key, SigningAlgorithmSpec.RSASSA_PSS_SHA_256,
                RsaParameters.pss("SHA-256", "SHA-256", -1), MessageType.RAW, m))
                .isInstanceOf(ValidationException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> s.sign(SPEC, key, SigningAlgorithmSpec.RSASSA_PSS_SHA_256,
                RsaParameters.pss("MD5", "SHA-256", 20), MessageType.RAW, m))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Hash 'MD5' is not a supported hash");
        assertThatThrownBy(() -> s.sign(SPEC, key, SigningAlgorithmSpec.RSASSA_PSS_SHA_256,
                new RsaParameters("SHA-256", null, null, new byte[1]), MessageType.RAW, m))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Label does not apply");
        assertThatThrownBy(() -> s.sign(SPEC, key, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256,
                new RsaParameters("SHA-1", null, 20, null), MessageType.RAW, m))
                .isInstanceOf(ValidationException.class).hasMessageContaining("SaltLength does not apply");
        assertThatThrownBy(() -> s.sign(SPEC, key, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256,
                new RsaParameters("SHA-1", "SHA-1", null, null), MessageType.RAW, m))
                .isInstanceOf(ValidationException.class).hasMessageContaining("MgfHash does not apply");
        assertThatThrownBy(() -> s.encrypt(SPEC, key, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1,
                new RsaParameters("SHA-1", null, 20, null), m, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("SaltLength does not apply");
        assertThatThrownBy(() -> s.encrypt(SPEC, key, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1,
                RsaParameters.oaep("SHA-1", "SHA-1", new byte[RsaSchemes.MAX_LABEL + 1]), m, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Label must be at most");
        // A DIGEST message has the length of the parameters' hash, not the algorithm's.
        assertThatThrownBy(() -> s.sign(SPEC, key, SigningAlgorithmSpec.RSASSA_PSS_SHA_256,
                RsaParameters.pss("SHA-1", "SHA-1", 20), MessageType.DIGEST, bytes(32)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("KeywardenRsaParameters.Hash SHA-1");
        assertThat(s.sign(SPEC, key, SigningAlgorithmSpec.RSASSA_PSS_SHA_256,
                RsaParameters.pss("SHA-1", "SHA-1", 20), MessageType.DIGEST, bytes(20))).hasSize(256);
    }

    @Test
    void familyChecksComeBeforeTheKey() {
        assertThatThrownBy(() -> RsaSchemes.check(SigningAlgorithmSpec.ECDSA_SHA_256, RsaParameters.pkcs1("SHA-1")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("not ECDSA_SHA_256");
        assertThatThrownBy(() -> RsaSchemes.check(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT,
                RsaParameters.oaep("SHA-1", null, null))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("RSAES_OAEP_*");
        assertThatThrownBy(() -> RsaSchemes.check((EncryptionAlgorithmSpec) null, RsaParameters.oaep("SHA-1", null, null)))
                .isInstanceOf(ValidationException.class);
        RsaSchemes.check(SigningAlgorithmSpec.ECDSA_SHA_256, null);
        RsaSchemes.check(SigningAlgorithmSpec.RSASSA_PSS_SHA_256, RsaParameters.pss("SHA-1", "SHA-1", 20));
    }

    @Test
    void otherFamiliesRefuseParameters() {
        KeyMaterial ec = TestKeys.key(KeySpec.ECC_NIST_P256);
        KeySpecStrategy ecc = KeySpecStrategies.forSpec(KeySpec.ECC_NIST_P256);
        assertThatThrownBy(() -> ecc.sign(KeySpec.ECC_NIST_P256, ec, SigningAlgorithmSpec.ECDSA_SHA_256,
                RsaParameters.pkcs1("SHA-1"), MessageType.RAW, bytes(5)))
                .isInstanceOf(InvalidKeyUsageException.class).hasMessageContaining("RSA keys only");
        assertThat(ecc.sign(KeySpec.ECC_NIST_P256, ec, SigningAlgorithmSpec.ECDSA_SHA_256, null, MessageType.RAW,
                bytes(5))).isNotEmpty();
    }

    @Test
    void toStringShowsTheLabelByLengthOnly() {
        assertThat(RsaParameters.oaep("SHA-1", "SHA-1", new byte[] {0x53, 0x45}).toString())
                .contains("label=<2 bytes>").doesNotContain("83");
        assertThat(RsaParameters.oaep("SHA-1", "SHA-1", new byte[] {1})).isEqualTo(
                RsaParameters.oaep("SHA-1", "SHA-1", new byte[] {1}));
    }
}
