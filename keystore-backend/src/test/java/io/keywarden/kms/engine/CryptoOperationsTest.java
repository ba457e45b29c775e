package io.keywarden.kms.engine;

import static io.keywarden.kms.api.KeyUsage.ENCRYPT_DECRYPT;
import static io.keywarden.kms.api.KeyUsage.GENERATE_VERIFY_MAC;
import static io.keywarden.kms.api.KeyUsage.KEY_AGREEMENT;
import static io.keywarden.kms.api.KeyUsage.SIGN_VERIFY;
import static io.keywarden.kms.api.MessageType.DIGEST;
import static io.keywarden.kms.api.MessageType.RAW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.DataKeyPairSpec;
import io.keywarden.kms.api.DataKeySpec;
import io.keywarden.kms.api.DecryptRequest;
import io.keywarden.kms.api.DecryptResponse;
import io.keywarden.kms.api.DeriveSharedSecretRequest;
import io.keywarden.kms.api.DeriveSharedSecretResponse;
import io.keywarden.kms.api.DescribeKeyRequest;
import io.keywarden.kms.api.EncryptRequest;
import io.keywarden.kms.api.EncryptResponse;
import io.keywarden.kms.api.EncryptionAlgorithmSpec;
import io.keywarden.kms.api.GenerateDataKeyPairRequest;
import io.keywarden.kms.api.GenerateDataKeyPairResponse;
import io.keywarden.kms.api.GenerateDataKeyPairWithoutPlaintextRequest;
import io.keywarden.kms.api.GenerateDataKeyPairWithoutPlaintextResponse;
import io.keywarden.kms.api.GenerateDataKeyRequest;
import io.keywarden.kms.api.GenerateDataKeyResponse;
import io.keywarden.kms.api.GenerateDataKeyWithoutPlaintextRequest;
import io.keywarden.kms.api.GenerateDataKeyWithoutPlaintextResponse;
import io.keywarden.kms.api.GenerateMacRequest;
import io.keywarden.kms.api.GenerateRandomRequest;
import io.keywarden.kms.api.GetPublicKeyRequest;
import io.keywarden.kms.api.GetPublicKeyResponse;
import io.keywarden.kms.api.KeyAgreementAlgorithmSpec;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.MacAlgorithmSpec;
import io.keywarden.kms.api.MessageType;
import io.keywarden.kms.api.OriginType;
import io.keywarden.kms.api.ReEncryptRequest;
import io.keywarden.kms.api.ReEncryptResponse;
import io.keywarden.kms.api.SignRequest;
import io.keywarden.kms.api.SignResponse;
import io.keywarden.kms.api.SigningAlgorithmSpec;
import io.keywarden.kms.api.VerifyMacRequest;
import io.keywarden.kms.api.VerifyRequest;
import io.keywarden.kms.api.errors.InvalidCiphertextException;
import io.keywarden.kms.api.errors.InvalidKeyUsageException;
import io.keywarden.kms.api.errors.KMSInvalidMacException;
import io.keywarden.kms.api.errors.KMSInvalidSignatureException;
import io.keywarden.kms.api.errors.KmsUnsupportedOperationException;
import io.keywarden.kms.api.errors.NotFoundException;
import io.keywarden.kms.api.errors.ValidationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519phSigner;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cryptographic operations of every key spec, checked against the JDK's (or Bouncy Castle's)
 * own implementations. One engine serves the whole class and each spec × usage key is created
 * once, because RSA_4096 and ML-DSA keys are slow to generate.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CryptoOperationsTest {

    private static final Provider BC = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ARN_PREFIX = "arn:aws:kms:us-east-1:" + EngineFixture.ACCOUNT + ":key/";

    EngineFixture f;
    private final Map<String, String> keys = new ConcurrentHashMap<>();

    @BeforeAll
    void open(@TempDir Path dir) {
        f = new EngineFixture(dir);
    }

    @AfterAll
    void close() {
        f.close();
    }

    /** The key of this spec and usage, created on first use. */
    private String key(KeySpec spec, KeyUsage usage) {
        return keys.computeIfAbsent(spec + "/" + usage, k -> f.create(spec, usage).keyId());
    }

    private String symmetric() {
        return key(KeySpec.SYMMETRIC_DEFAULT, ENCRYPT_DECRYPT);
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static byte[] flipped(byte[] b, int index) {
        byte[] c = b.clone();
        c[index] ^= 0x01;
        return c;
    }

    private static byte[] sha(String hash, byte[] data) throws GeneralSecurityException {
        return MessageDigest.getInstance(hash).digest(data);
    }

    private byte[] publicKey(String keyId) {
        return f.kms.getPublicKey(GetPublicKeyRequest.builder().keyId(keyId).build()).publicKey();
    }

    private byte[] decrypt(byte[] blob, Map<String, String> context) {
        return f.kms.decrypt(DecryptRequest.builder().ciphertextBlob(blob).encryptionContext(context).build())
                .plaintext();
    }

    // ---------------------------------------------------------------- Sign and Verify

    /** One signing algorithm of a key spec with one message type; {@code hash} makes its DIGEST. */
    record SignCase(KeySpec spec, SigningAlgorithmSpec algorithm, MessageType type, String hash) {
        @Override
        public String toString() {
            return spec + " " + algorithm + " " + type;
        }
    }

    static Stream<SignCase> signCases() {
        Stream.Builder<SignCase> cases = Stream.builder();
        for (KeySpec rsa : new KeySpec[] {KeySpec.RSA_2048, KeySpec.RSA_3072, KeySpec.RSA_4096}) {
            for (String bits : new String[] {"256", "384", "512"}) {
                for (MessageType type : new MessageType[] {RAW, DIGEST}) {
                    cases.add(new SignCase(rsa, SigningAlgorithmSpec.valueOf("RSASSA_PSS_SHA_" + bits), type, "SHA-" + bits));
                    cases.add(new SignCase(rsa, SigningAlgorithmSpec.valueOf("RSASSA_PKCS1_V1_5_SHA_" + bits), type, "SHA-" + bits));
                }
            }
        }
        for (MessageType type : new MessageType[] {RAW, DIGEST}) {
            cases.add(new SignCase(KeySpec.ECC_NIST_P256, SigningAlgorithmSpec.ECDSA_SHA_256, type, "SHA-256"));
            cases.add(new SignCase(KeySpec.ECC_NIST_P384, SigningAlgorithmSpec.ECDSA_SHA_384, type, "SHA-384"));
            cases.add(new SignCase(KeySpec.ECC_NIST_P521, SigningAlgorithmSpec.ECDSA_SHA_512, type, "SHA-512"));
            cases.add(new SignCase(KeySpec.ECC_SECG_P256K1, SigningAlgorithmSpec.ECDSA_SHA_256, type, "SHA-256"));
            cases.add(new SignCase(KeySpec.ECC_NIST_EDWARDS25519, SigningAlgorithmSpec.ED25519_PH_SHA_512, type, "SHA-512"));
        }
        cases.add(new SignCase(KeySpec.ECC_NIST_EDWARDS25519, SigningAlgorithmSpec.ED25519_SHA_512, RAW, null));
        for (KeySpec mlDsa : new KeySpec[] {KeySpec.ML_DSA_44, KeySpec.ML_DSA_65, KeySpec.ML_DSA_87}) {
            cases.add(new SignCase(mlDsa, SigningAlgorithmSpec.ML_DSA_SHAKE_256, RAW, null));
        }
        return cases.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signCases")
    void signaturesVerifyHereAndWithAnIndependentImplementation(SignCase c) throws Exception {
        String keyId = key(c.spec(), SIGN_VERIFY);
        byte[] original = ("message signed with " + c).getBytes(StandardCharsets.UTF_8);
        byte[] message = c.type() == RAW ? original : sha(c.hash(), original);

        SignResponse signed = f.kms.sign(SignRequest.builder().keyId(keyId).message(message).messageType(c.type())
                .signingAlgorithm(c.algorithm()).build());
        assertThat(signed.keyId()).isEqualTo(ARN_PREFIX + keyId);
        assertThat(signed.signingAlgorithm()).isEqualTo(c.algorithm());
        byte[] signature = signed.signature();

        assertThat(verify(keyId, c, message, signature)).isTrue();
        assertThatThrownBy(() -> verify(keyId, c, flipped(message, 0), signature))
                .isInstanceOf(KMSInvalidSignatureException.class);
        assertThatThrownBy(() -> verify(keyId, c, message, flipped(signature, signature.length / 2)))
                .isInstanceOf(KMSInvalidSignatureException.class);
        if (c.type() == RAW && c.hash() != null) {
            // A signature over a RAW message is the signature over its digest.
            assertThat(verify(keyId, new SignCase(c.spec(), c.algorithm(), DIGEST, c.hash()),
                    sha(c.hash(), original), signature)).isTrue();
        }

        assertThat(verifyIndependently(c, publicKey(keyId), original, signature)).isTrue();
        assertThat(verifyIndependently(c, publicKey(keyId), flipped(original, 0), signature)).isFalse();
    }

    private boolean verify(String keyId, SignCase c, byte[] message, byte[] signature) {
        return f.kms.verify(VerifyRequest.builder().keyId(keyId).message(message).messageType(c.type())
                .signature(signature).signingAlgorithm(c.algorithm()).build()).signatureValid();
    }

    /** Verifies {@code signature} over {@code original} with the JDK, or Bouncy Castle where the JDK cannot. */
    private static boolean verifyIndependently(SignCase c, byte[] spki, byte[] original, byte[] signature)
            throws Exception {
        String name = c.algorithm().name();
        X509EncodedKeySpec spec = new X509EncodedKeySpec(spki);
        if (c.algorithm() == SigningAlgorithmSpec.ED25519_PH_SHA_512) {
            Ed25519phSigner ph = new Ed25519phSigner(new byte[0]);
            ph.init(false, (Ed25519PublicKeyParameters) PublicKeyFactory.createKey(spki));
            ph.update(original, 0, original.length);
            return ph.verifySignature(signature);
        }
        Signature s;
        PublicKey pub;
        if (name.startsWith("RSASSA_PSS_SHA_")) {
            String hash = "SHA-" + name.substring("RSASSA_PSS_SHA_".length());
            s = Signature.getInstance("RSASSA-PSS");
            s.setParameter(new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash),
                    Integer.parseInt(hash.substring(4)) / 8, 1));
            pub = KeyFactory.getInstance("RSA").generatePublic(spec);
        } else if (name.startsWith("RSASSA_PKCS1_V1_5_SHA_")) {
            s = Signature.getInstance("SHA" + name.substring("RSASSA_PKCS1_V1_5_SHA_".length()) + "withRSA");
            pub = KeyFactory.getInstance("RSA").generatePublic(spec);
        } else if (name.startsWith("ECDSA_SHA_")) {
            String jca = "SHA" + name.substring("ECDSA_SHA_".length()) + "withECDSA";
            boolean k1 = c.spec() == KeySpec.ECC_SECG_P256K1; // not in the JDK 17 SunEC provider
            s = k1 ? Signature.getInstance(jca, BC) : Signature.getInstance(jca);
            pub = (k1 ? KeyFactory.getInstance("EC", BC) : KeyFactory.getInstance("EC")).generatePublic(spec);
        } else if (c.algorithm() == SigningAlgorithmSpec.ED25519_SHA_512) {
            s = Signature.getInstance("Ed25519");
            pub = KeyFactory.getInstance("Ed25519").generatePublic(spec);
        } else if (c.algorithm() == SigningAlgorithmSpec.ML_DSA_SHAKE_256) {
            s = Signature.getInstance("ML-DSA", BC);
            pub = KeyFactory.getInstance("ML-DSA", BC).generatePublic(spec);
        } else {
            throw new AssertionError("no independent verifier for " + c);
        }
        s.initVerify(pub);
        s.update(original);
        return s.verify(signature);
    }

    static Stream<Arguments> algorithmsTheSpecDoesNotHave() {
        return Stream.of(
                Arguments.of(KeySpec.RSA_2048, SigningAlgorithmSpec.ECDSA_SHA_256),
                Arguments.of(KeySpec.RSA_2048, SigningAlgorithmSpec.ML_DSA_SHAKE_256),
                Arguments.of(KeySpec.ECC_NIST_P256, SigningAlgorithmSpec.ECDSA_SHA_384),
                Arguments.of(KeySpec.ECC_NIST_P256, SigningAlgorithmSpec.RSASSA_PSS_SHA_256),
                Arguments.of(KeySpec.ECC_NIST_P384, SigningAlgorithmSpec.ECDSA_SHA_256),
                Arguments.of(KeySpec.ECC_NIST_P521, SigningAlgorithmSpec.ECDSA_SHA_384),
                Arguments.of(KeySpec.ECC_SECG_P256K1, SigningAlgorithmSpec.ECDSA_SHA_512),
                Arguments.of(KeySpec.ECC_NIST_EDWARDS25519, SigningAlgorithmSpec.ECDSA_SHA_512),
                Arguments.of(KeySpec.ML_DSA_44, SigningAlgorithmSpec.ED25519_SHA_512));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("algorithmsTheSpecDoesNotHave")
    void aSigningAlgorithmOfAnotherSpecIsInvalidKeyUsage(KeySpec spec, SigningAlgorithmSpec algorithm) {
        String keyId = key(spec, SIGN_VERIFY);
        byte[] message = "m".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> f.kms.sign(SignRequest.builder().keyId(keyId).message(message)
                .signingAlgorithm(algorithm).build())).isInstanceOf(InvalidKeyUsageException.class);
        assertThatThrownBy(() -> f.kms.verify(VerifyRequest.builder().keyId(keyId).message(message)
                .signature(new byte[64]).signingAlgorithm(algorithm).build())).isInstanceOf(InvalidKeyUsageException.class);
    }

    @Test
    void messageTypesTheAlgorithmDoesNotTakeAreValidationErrors() {
        String ed = key(KeySpec.ECC_NIST_EDWARDS25519, SIGN_VERIFY);
        assertThatThrownBy(() -> f.kms.sign(SignRequest.builder().keyId(ed).message(new byte[64]).messageType(DIGEST)
                .signingAlgorithm(SigningAlgorithmSpec.ED25519_SHA_512).build())).isInstanceOf(ValidationException.class);
        String mlDsa = key(KeySpec.ML_DSA_44, SIGN_VERIFY);
        assertThatThrownBy(() -> f.kms.sign(SignRequest.builder().keyId(mlDsa).message(new byte[64]).messageType(DIGEST)
                .signingAlgorithm(SigningAlgorithmSpec.ML_DSA_SHAKE_256).build())).isInstanceOf(ValidationException.class);
        String p256 = key(KeySpec.ECC_NIST_P256, SIGN_VERIFY);
        assertThatThrownBy(() -> f.kms.sign(SignRequest.builder().keyId(p256).message(new byte[31]).messageType(DIGEST)
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256).build())).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> f.kms.sign(SignRequest.builder().keyId(p256).message(new byte[4097])
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256).build())).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> f.kms.sign(SignRequest.builder().keyId(p256).message(new byte[0])
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256).build())).isInstanceOf(ValidationException.class);
    }

    // ---------------------------------------------------------------- RSA encryption

    static Stream<Arguments> rsaEncryption() {
        return Stream.of(
                Arguments.of(KeySpec.RSA_2048, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1, 214),
                Arguments.of(KeySpec.RSA_2048, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256, 190),
                Arguments.of(KeySpec.RSA_3072, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1, 342),
                Arguments.of(KeySpec.RSA_3072, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256, 318),
                Arguments.of(KeySpec.RSA_4096, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1, 470),
                Arguments.of(KeySpec.RSA_4096, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256, 446));
    }

    @ParameterizedTest(name = "{0} {1} max {2}")
    @MethodSource("rsaEncryption")
    void rsaOaepDecryptsWhatTheJdkEncryptsWithThePublicKey(KeySpec spec, EncryptionAlgorithmSpec algorithm, int max)
            throws Exception {
        String keyId = key(spec, ENCRYPT_DECRYPT);
        GetPublicKeyResponse info = f.kms.getPublicKey(GetPublicKeyRequest.builder().keyId(keyId).build());
        assertThat(info.keySpec()).isEqualTo(spec);
        assertThat(info.keyUsage()).isEqualTo(ENCRYPT_DECRYPT);
        assertThat(info.encryptionAlgorithms()).containsExactly(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1,
                EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256);
        assertThat(info.signingAlgorithms()).isNull();
        PublicKey pub = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(info.publicKey()));

        String hash = algorithm == EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1 ? "SHA-1" : "SHA-256";
        Cipher jdk = Cipher.getInstance("RSA/ECB/OAEPPadding");
        jdk.init(Cipher.ENCRYPT_MODE, pub, new OAEPParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash),
                PSource.PSpecified.DEFAULT));
        byte[] plaintext = random(max);
        byte[] ciphertext = jdk.doFinal(plaintext);

        DecryptResponse opened = f.kms.decrypt(DecryptRequest.builder().keyId(keyId).ciphertextBlob(ciphertext)
                .encryptionAlgorithm(algorithm).build());
        assertThat(opened.plaintext()).isEqualTo(plaintext);
        assertThat(opened.keyId()).isEqualTo(ARN_PREFIX + keyId);
        assertThat(opened.encryptionAlgorithm()).isEqualTo(algorithm);

        EncryptionAlgorithmSpec other = algorithm == EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1
                ? EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256 : EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1;
        assertThatThrownBy(() -> f.kms.decrypt(DecryptRequest.builder().keyId(keyId).ciphertextBlob(ciphertext)
                .encryptionAlgorithm(other).build())).isInstanceOf(InvalidCiphertextException.class);

        EncryptResponse sealed = f.kms.encrypt(EncryptRequest.builder().keyId(keyId).plaintext(plaintext)
                .encryptionAlgorithm(algorithm).build());
        assertThat(sealed.ciphertextBlob()).hasSize(((RSAPublicKey) pub).getModulus().bitLength() / 8);
        assertThat(f.kms.decrypt(DecryptRequest.builder().keyId(keyId).ciphertextBlob(sealed.ciphertextBlob())
                .encryptionAlgorithm(algorithm).build()).plaintext()).isEqualTo(plaintext);

        assertThatThrownBy(() -> f.kms.encrypt(EncryptRequest.builder().keyId(keyId).plaintext(random(max + 1))
                .encryptionAlgorithm(algorithm).build())).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> f.kms.encrypt(EncryptRequest.builder().keyId(keyId).plaintext(random(16))
                .encryptionAlgorithm(algorithm).encryptionContext(Map.of("a", "b")).build()))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> f.kms.encrypt(EncryptRequest.builder().keyId(keyId).plaintext(random(16))
                .encryptionAlgorithm(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT).build()))
                .isInstanceOf(InvalidKeyUsageException.class);
    }

    // ---------------------------------------------------------------- symmetric encryption

    @Test
    void symmetricPlaintextIsOneTo4096Bytes() {
        String keyId = symmetric();
        for (int n : new int[] {1, 4096}) {
            byte[] plaintext = random(n);
            byte[] blob = f.kms.encrypt(EncryptRequest.builder().keyId(keyId).plaintext(plaintext).build()).ciphertextBlob();
            assertThat(decrypt(blob, null)).isEqualTo(plaintext);
        }
        assertThatThrownBy(() -> f.kms.encrypt(EncryptRequest.builder().keyId(keyId).plaintext(new byte[0]).build()))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> f.kms.encrypt(EncryptRequest.builder().keyId(keyId).plaintext(new byte[4097]).build()))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> f.kms.encrypt(EncryptRequest.builder().keyId(keyId).plaintext(random(8))
                .encryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256).build()))
                .isInstanceOf(InvalidKeyUsageException.class);
    }

    @Test
    void theEncryptionContextIsBoundToTheCiphertext() {
        String keyId = symmetric();
        byte[] plaintext = random(40);
        Map<String, String> context = new LinkedHashMap<>();
        context.put("tenant", "acme");
        context.put("purpose", "backup");
        byte[] blob = f.kms.encrypt(EncryptRequest.builder().keyId(keyId).plaintext(plaintext)
                .encryptionContext(context).build()).ciphertextBlob();

        Map<String, String> reordered = new LinkedHashMap<>();
        reordered.put("purpose", "backup");
        reordered.put("tenant", "acme");
        assertThat(decrypt(blob, reordered)).isEqualTo(plaintext);
        assertThat(decrypt(blob, new HashMap<>(context))).isEqualTo(plaintext);

        for (Map<String, String> wrong : List.of(Map.<String, String>of(), Map.of("tenant", "acme"),
                Map.of("tenant", "acme", "purpose", "Backup"), Map.of("Tenant", "acme", "purpose", "backup"),
                Map.of("tenant", "acme", "purpose", "backup", "extra", ""))) {
            assertThatThrownBy(() -> decrypt(blob, wrong)).as("context %s", wrong)
                    .isInstanceOf(InvalidCiphertextException.class);
        }
        assertThatThrownBy(() -> decrypt(blob, null)).isInstanceOf(InvalidCiphertextException.class);
        assertThatThrownBy(() -> decrypt(flipped(blob, blob.length - 1), context))
                .isInstanceOf(InvalidCiphertextException.class);
    }

    // ---------------------------------------------------------------- ReEncrypt

    @Test
    void reEncryptMovesASymmetricCiphertextToAnotherSymmetricKey() {
        String source = symmetric();
        String destination = f.symmetricKey();
        byte[] plaintext = random(100);
        Map<String, String> before = Map.of("stage", "one");
        Map<String, String> after = Map.of("stage", "two");
        byte[] blob = f.kms.encrypt(EncryptRequest.builder().keyId(source).plaintext(plaintext)
                .encryptionContext(before).build()).ciphertextBlob();

        ReEncryptResponse moved = f.kms.reEncrypt(ReEncryptRequest.builder().ciphertextBlob(blob)
                .sourceEncryptionContext(before).destinationKeyId(destination).destinationEncryptionContext(after)
                .build());
        assertThat(moved.sourceKeyId()).isEqualTo(ARN_PREFIX + source);
        assertThat(moved.keyId()).isEqualTo(ARN_PREFIX + destination);
        assertThat(moved.sourceEncryptionAlgorithm()).isEqualTo(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT);
        assertThat(moved.destinationEncryptionAlgorithm()).isEqualTo(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT);
        assertThat(moved.sourceKeyMaterialId()).isEqualTo(currentMaterialId(source));
        assertThat(moved.destinationKeyMaterialId()).isEqualTo(currentMaterialId(destination));

        DecryptResponse opened = f.kms.decrypt(DecryptRequest.builder().ciphertextBlob(moved.ciphertextBlob())
                .encryptionContext(after).build());
        assertThat(opened.plaintext()).isEqualTo(plaintext);
        assertThat(opened.keyId()).isEqualTo(ARN_PREFIX + destination);
        assertThatThrownBy(() -> decrypt(moved.ciphertextBlob(), before)).isInstanceOf(InvalidCiphertextException.class);

        assertThatThrownBy(() -> f.kms.reEncrypt(ReEncryptRequest.builder().ciphertextBlob(blob)
                .sourceEncryptionContext(after).destinationKeyId(destination).build()))
                .isInstanceOf(InvalidCiphertextException.class);
    }

    private String currentMaterialId(String keyId) {
        return f.kms.describeKey(DescribeKeyRequest.builder().keyId(keyId).build()).keyMetadata().currentKeyMaterialId();
    }

    @Test
    void reEncryptMovesBetweenSymmetricAndRsaKeys() {
        String sym = symmetric();
        String rsa = key(KeySpec.RSA_2048, ENCRYPT_DECRYPT);
        byte[] plaintext = random(64);
        Map<String, String> context = Map.of("k", "v");
        byte[] blob = f.kms.encrypt(EncryptRequest.builder().keyId(sym).plaintext(plaintext)
                .encryptionContext(context).build()).ciphertextBlob();

        ReEncryptResponse toRsa = f.kms.reEncrypt(ReEncryptRequest.builder().ciphertextBlob(blob)
                .sourceEncryptionContext(context).destinationKeyId(rsa)
                .destinationEncryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256).build());
        assertThat(toRsa.keyId()).isEqualTo(ARN_PREFIX + rsa);
        assertThat(toRsa.destinationEncryptionAlgorithm()).isEqualTo(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256);
        assertThat(f.kms.decrypt(DecryptRequest.builder().keyId(rsa).ciphertextBlob(toRsa.ciphertextBlob())
                .encryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256).build()).plaintext())
                .isEqualTo(plaintext);

        ReEncryptResponse back = f.kms.reEncrypt(ReEncryptRequest.builder().ciphertextBlob(toRsa.ciphertextBlob())
                .sourceKeyId(rsa).sourceEncryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256)
                .destinationKeyId(sym).destinationEncryptionContext(Map.of("back", "yes")).build());
        assertThat(back.sourceKeyId()).isEqualTo(ARN_PREFIX + rsa);
        assertThat(decrypt(back.ciphertextBlob(), Map.of("back", "yes"))).isEqualTo(plaintext);

        assertThatThrownBy(() -> f.kms.reEncrypt(ReEncryptRequest.builder().ciphertextBlob(blob)
                .sourceEncryptionContext(context).destinationKeyId(rsa)
                .destinationEncryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256)
                .destinationEncryptionContext(context).build())).isInstanceOf(ValidationException.class);
    }

    // ---------------------------------------------------------------- data keys

    @Test
    void generateDataKeyByKeySpecOrNumberOfBytes() {
        String keyId = symmetric();
        Map<String, String> context = Map.of("file", "a.txt");
        record Ask(DataKeySpec spec, Integer bytes, int expected) {
        }
        for (Ask ask : List.of(new Ask(DataKeySpec.AES_128, null, 16), new Ask(DataKeySpec.AES_256, null, 32),
                new Ask(null, 1, 1), new Ask(null, 1024, 1024))) {
            GenerateDataKeyResponse r = f.kms.generateDataKey(GenerateDataKeyRequest.builder().keyId(keyId)
                    .keySpec(ask.spec()).numberOfBytes(ask.bytes()).encryptionContext(context).build());
            assertThat(r.plaintext()).hasSize(ask.expected());
            assertThat(r.keyId()).isEqualTo(ARN_PREFIX + keyId);
            assertThat(r.keyMaterialId()).isEqualTo(currentMaterialId(keyId));
            assertThat(decrypt(r.ciphertextBlob(), context)).isEqualTo(r.plaintext());
            assertThatThrownBy(() -> decrypt(r.ciphertextBlob(), null)).isInstanceOf(InvalidCiphertextException.class);

            GenerateDataKeyWithoutPlaintextResponse w = f.kms.generateDataKeyWithoutPlaintext(
                    GenerateDataKeyWithoutPlaintextRequest.builder().keyId(keyId).keySpec(ask.spec())
                            .numberOfBytes(ask.bytes()).encryptionContext(context).build());
            assertThat(w.keyId()).isEqualTo(ARN_PREFIX + keyId);
            assertThat(decrypt(w.ciphertextBlob(), context)).hasSize(ask.expected());
        }
    }

    @Test
    void generateDataKeyNeedsExactlyOneOfKeySpecAndNumberOfBytesInRange() {
        String keyId = symmetric();
        assertThatThrownBy(() -> f.kms.generateDataKey(GenerateDataKeyRequest.builder().keyId(keyId)
                .keySpec(DataKeySpec.AES_256).numberOfBytes(32).build())).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> f.kms.generateDataKey(GenerateDataKeyRequest.builder().keyId(keyId).build()))
                .isInstanceOf(ValidationException.class);
        for (int bad : new int[] {0, 1025}) {
            assertThatThrownBy(() -> f.kms.generateDataKey(GenerateDataKeyRequest.builder().keyId(keyId)
                    .numberOfBytes(bad).build())).isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> f.kms.generateDataKeyWithoutPlaintext(GenerateDataKeyWithoutPlaintextRequest
                    .builder().keyId(keyId).numberOfBytes(bad).build())).isInstanceOf(ValidationException.class);
        }
        assertThatThrownBy(() -> f.kms.generateDataKeyWithoutPlaintext(GenerateDataKeyWithoutPlaintextRequest
                .builder().keyId(keyId).build())).isInstanceOf(ValidationException.class);
        String rsa = key(KeySpec.RSA_2048, ENCRYPT_DECRYPT);
        assertThatThrownBy(() -> f.kms.generateDataKey(GenerateDataKeyRequest.builder().keyId(rsa)
                .keySpec(DataKeySpec.AES_256).build())).isInstanceOf(InvalidKeyUsageException.class);
    }

    @ParameterizedTest
    @EnumSource(DataKeyPairSpec.class)
    void generateDataKeyPairEncryptsAPrivateKeyThatMatchesItsPublicKey(DataKeyPairSpec spec) throws Exception {
        String keyId = symmetric();
        Map<String, String> context = Map.of("pair", spec.name());

        GenerateDataKeyPairResponse r = f.kms.generateDataKeyPair(GenerateDataKeyPairRequest.builder().keyId(keyId)
                .keyPairSpec(spec).encryptionContext(context).build());
        assertThat(r.keyPairSpec()).isEqualTo(spec);
        assertThat(r.keyId()).isEqualTo(ARN_PREFIX + keyId);
        assertThat(decrypt(r.privateKeyCiphertextBlob(), context)).isEqualTo(r.privateKeyPlaintext());
        assertPairMatches(spec, r.privateKeyPlaintext(), r.publicKey());

        GenerateDataKeyPairWithoutPlaintextResponse w = f.kms.generateDataKeyPairWithoutPlaintext(
                GenerateDataKeyPairWithoutPlaintextRequest.builder().keyId(keyId).keyPairSpec(spec)
                        .encryptionContext(context).build());
        assertThat(w.keyPairSpec()).isEqualTo(spec);
        assertThat(w.publicKey()).isNotEqualTo(r.publicKey());
        assertPairMatches(spec, decrypt(w.privateKeyCiphertextBlob(), context), w.publicKey());
    }

    /** The PKCS#8 private key signs what the SubjectPublicKeyInfo verifies, and has the spec's size. */
    private static void assertPairMatches(DataKeyPairSpec spec, byte[] pkcs8, byte[] spki) throws Exception {
        String keyAlgorithm;
        String signatureAlgorithm;
        Provider provider = null;
        switch (spec) {
            case RSA_2048, RSA_3072, RSA_4096 -> {
                keyAlgorithm = "RSA";
                signatureAlgorithm = "SHA256withRSA";
            }
            case ECC_NIST_P256, ECC_NIST_P384, ECC_NIST_P521 -> {
                keyAlgorithm = "EC";
                signatureAlgorithm = "SHA256withECDSA";
            }
            case ECC_SECG_P256K1 -> {
                keyAlgorithm = "EC";
                signatureAlgorithm = "SHA256withECDSA";
                provider = BC;
            }
            case ECC_NIST_EDWARDS25519 -> {
                keyAlgorithm = "Ed25519";
                signatureAlgorithm = "Ed25519";
            }
            default -> throw new AssertionError(spec);
        }
        KeyFactory kf = provider == null ? KeyFactory.getInstance(keyAlgorithm) : KeyFactory.getInstance(keyAlgorithm, provider);
        PrivateKey priv = kf.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        PublicKey pub = kf.generatePublic(new X509EncodedKeySpec(spki));
        if (pub instanceof RSAPublicKey rsa) {
            assertThat(rsa.getModulus().bitLength()).isEqualTo(Integer.parseInt(spec.name().substring(4)));
        }
        if (pub instanceof ECPublicKey ec) {
            int expected = switch (spec) {
                case ECC_NIST_P384 -> 384;
                case ECC_NIST_P521 -> 521;
                default -> 256;
            };
            assertThat(ec.getParams().getCurve().getField().getFieldSize()).isEqualTo(expected);
        }
        byte[] data = "data key pair".getBytes(StandardCharsets.UTF_8);
        Signature s = provider == null ? Signature.getInstance(signatureAlgorithm)
                : Signature.getInstance(signatureAlgorithm, provider);
        s.initSign(priv);
        s.update(data);
        byte[] sig = s.sign();
        s.initVerify(pub);
        s.update(data);
        assertThat(s.verify(sig)).as("%s private key matches its public key", spec).isTrue();
    }

    @Test
    void dataKeyPairsNeedASymmetricEncryptionKey() {
        String rsa = key(KeySpec.RSA_2048, ENCRYPT_DECRYPT);
        String hmac = key(KeySpec.HMAC_256, GENERATE_VERIFY_MAC);
        for (String keyId : List.of(rsa, hmac)) {
            assertThatThrownBy(() -> f.kms.generateDataKeyPair(GenerateDataKeyPairRequest.builder().keyId(keyId)
                    .keyPairSpec(DataKeyPairSpec.ECC_NIST_P256).build())).isInstanceOf(InvalidKeyUsageException.class);
            assertThatThrownBy(() -> f.kms.generateDataKeyPairWithoutPlaintext(
                    GenerateDataKeyPairWithoutPlaintextRequest.builder().keyId(keyId)
                            .keyPairSpec(DataKeyPairSpec.ECC_NIST_P256).build()))
                    .isInstanceOf(InvalidKeyUsageException.class);
        }
    }

    // ---------------------------------------------------------------- MACs, random, key agreement

    static Stream<Arguments> macSpecs() {
        return Stream.of(
                Arguments.of(KeySpec.HMAC_224, MacAlgorithmSpec.HMAC_SHA_224, 28),
                Arguments.of(KeySpec.HMAC_256, MacAlgorithmSpec.HMAC_SHA_256, 32),
                Arguments.of(KeySpec.HMAC_384, MacAlgorithmSpec.HMAC_SHA_384, 48),
                Arguments.of(KeySpec.HMAC_512, MacAlgorithmSpec.HMAC_SHA_512, 64));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("macSpecs")
    void verifyMacAcceptsItsOwnMacAndNothingElse(KeySpec spec, MacAlgorithmSpec algorithm, int length) {
        String keyId = key(spec, GENERATE_VERIFY_MAC);
        byte[] message = random(300);
        var generated = f.kms.generateMac(GenerateMacRequest.builder().keyId(keyId).message(message)
                .macAlgorithm(algorithm).build());
        byte[] mac = generated.mac();
        assertThat(mac).hasSize(length);
        assertThat(generated.macAlgorithm()).isEqualTo(algorithm);
        assertThat(generated.keyId()).isEqualTo(ARN_PREFIX + keyId);
        assertThat(f.kms.generateMac(GenerateMacRequest.builder().keyId(keyId).message(message)
                .macAlgorithm(algorithm).build()).mac()).isEqualTo(mac);

        var verified = f.kms.verifyMac(VerifyMacRequest.builder().keyId(keyId).message(message).mac(mac)
                .macAlgorithm(algorithm).build());
        assertThat(verified.macValid()).isTrue();
        assertThat(verified.keyId()).isEqualTo(ARN_PREFIX + keyId);

        for (byte[] wrongMac : List.of(flipped(mac, 0), flipped(mac, length - 1), Arrays.copyOf(mac, length - 1))) {
            assertThatThrownBy(() -> f.kms.verifyMac(VerifyMacRequest.builder().keyId(keyId).message(message)
                    .mac(wrongMac).macAlgorithm(algorithm).build())).isInstanceOf(KMSInvalidMacException.class);
        }
        assertThatThrownBy(() -> f.kms.verifyMac(VerifyMacRequest.builder().keyId(keyId).message(flipped(message, 7))
                .mac(mac).macAlgorithm(algorithm).build())).isInstanceOf(KMSInvalidMacException.class);

        MacAlgorithmSpec other = algorithm == MacAlgorithmSpec.HMAC_SHA_256 ? MacAlgorithmSpec.HMAC_SHA_512
                : MacAlgorithmSpec.HMAC_SHA_256;
        assertThatThrownBy(() -> f.kms.generateMac(GenerateMacRequest.builder().keyId(keyId).message(message)
                .macAlgorithm(other).build())).isInstanceOf(InvalidKeyUsageException.class);
        assertThatThrownBy(() -> f.kms.generateMac(GenerateMacRequest.builder().keyId(keyId).message(new byte[4097])
                .macAlgorithm(algorithm).build())).isInstanceOf(ValidationException.class);
    }

    @Test
    void generateRandomGivesOneTo1024Bytes() {
        for (int n : new int[] {1, 32, 1024}) {
            assertThat(f.kms.generateRandom(GenerateRandomRequest.builder().numberOfBytes(n).build()).plaintext())
                    .hasSize(n);
        }
        assertThat(f.kms.generateRandom(GenerateRandomRequest.builder().numberOfBytes(32).build()).plaintext())
                .isNotEqualTo(f.kms.generateRandom(GenerateRandomRequest.builder().numberOfBytes(32).build()).plaintext());
        for (Integer bad : new Integer[] {0, 1025, null}) {
            assertThatThrownBy(() -> f.kms.generateRandom(GenerateRandomRequest.builder().numberOfBytes(bad).build()))
                    .isInstanceOf(ValidationException.class);
        }
    }

    static Stream<Arguments> curves() {
        return Stream.of(Arguments.of(KeySpec.ECC_NIST_P256, "secp256r1", 32),
                Arguments.of(KeySpec.ECC_NIST_P384, "secp384r1", 48),
                Arguments.of(KeySpec.ECC_NIST_P521, "secp521r1", 66));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("curves")
    void deriveSharedSecretEqualsTheJdksEcdh(KeySpec spec, String curve, int length) throws Exception {
        String keyId = key(spec, KEY_AGREEMENT);
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec(curve));
        KeyPair peer = g.generateKeyPair();

        DeriveSharedSecretResponse r = f.kms.deriveSharedSecret(DeriveSharedSecretRequest.builder().keyId(keyId)
                .keyAgreementAlgorithm(KeyAgreementAlgorithmSpec.ECDH).publicKey(peer.getPublic().getEncoded()).build());
        assertThat(r.keyId()).isEqualTo(ARN_PREFIX + keyId);
        assertThat(r.keyAgreementAlgorithm()).isEqualTo(KeyAgreementAlgorithmSpec.ECDH);
        assertThat(r.keyOrigin()).isEqualTo(OriginType.AWS_KMS);

        GetPublicKeyResponse ours = f.kms.getPublicKey(GetPublicKeyRequest.builder().keyId(keyId).build());
        assertThat(ours.keyAgreementAlgorithms()).containsExactly(KeyAgreementAlgorithmSpec.ECDH);
        KeyAgreement jdk = KeyAgreement.getInstance("ECDH");
        jdk.init(peer.getPrivate());
        jdk.doPhase(KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(ours.publicKey())), true);
        assertThat(r.sharedSecret()).hasSize(length).isEqualTo(jdk.generateSecret());

        KeyPairGenerator otherCurve = KeyPairGenerator.getInstance("EC");
        otherCurve.initialize(new ECGenParameterSpec(curve.equals("secp256r1") ? "secp384r1" : "secp256r1"));
        byte[] wrongCurve = otherCurve.generateKeyPair().getPublic().getEncoded();
        for (byte[] bad : List.of(wrongCurve, random(91))) {
            assertThatThrownBy(() -> f.kms.deriveSharedSecret(DeriveSharedSecretRequest.builder().keyId(keyId)
                    .keyAgreementAlgorithm(KeyAgreementAlgorithmSpec.ECDH).publicKey(bad).build()))
                    .isInstanceOf(ValidationException.class);
        }
    }

    // ---------------------------------------------------------------- wrong keys

    @Test
    void getPublicKeyNeedsAnAsymmetricKey() {
        for (String keyId : List.of(symmetric(), key(KeySpec.HMAC_256, GENERATE_VERIFY_MAC))) {
            assertThatThrownBy(() -> f.kms.getPublicKey(GetPublicKeyRequest.builder().keyId(keyId).build()))
                    .isInstanceOf(KmsUnsupportedOperationException.class);
        }
    }

    @Test
    void operationsWithTheWrongKeyUsageAreInvalidKeyUsage() {
        String sym = symmetric();
        String hmac = key(KeySpec.HMAC_256, GENERATE_VERIFY_MAC);
        String rsaSign = key(KeySpec.RSA_2048, SIGN_VERIFY);
        String rsaEncrypt = key(KeySpec.RSA_2048, ENCRYPT_DECRYPT);
        String eccSign = key(KeySpec.ECC_NIST_P256, SIGN_VERIFY);
        String eccAgree = key(KeySpec.ECC_NIST_P256, KEY_AGREEMENT);
        byte[] m = random(32);

        assertInvalidUsage(() -> f.kms.encrypt(EncryptRequest.builder().keyId(rsaSign).plaintext(m)
                .encryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256).build()));
        assertInvalidUsage(() -> f.kms.encrypt(EncryptRequest.builder().keyId(hmac).plaintext(m).build()));
        assertInvalidUsage(() -> f.kms.encrypt(EncryptRequest.builder().keyId(eccSign).plaintext(m).build()));
        assertInvalidUsage(() -> f.kms.generateDataKey(GenerateDataKeyRequest.builder().keyId(hmac)
                .keySpec(DataKeySpec.AES_256).build()));
        assertInvalidUsage(() -> f.kms.sign(SignRequest.builder().keyId(rsaEncrypt).message(m)
                .signingAlgorithm(SigningAlgorithmSpec.RSASSA_PSS_SHA_256).build()));
        assertInvalidUsage(() -> f.kms.sign(SignRequest.builder().keyId(sym).message(m)
                .signingAlgorithm(SigningAlgorithmSpec.RSASSA_PSS_SHA_256).build()));
        assertInvalidUsage(() -> f.kms.sign(SignRequest.builder().keyId(eccAgree).message(m)
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256).build()));
        assertInvalidUsage(() -> f.kms.verify(VerifyRequest.builder().keyId(hmac).message(m).signature(m)
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256).build()));
        assertInvalidUsage(() -> f.kms.generateMac(GenerateMacRequest.builder().keyId(sym).message(m)
                .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256).build()));
        assertInvalidUsage(() -> f.kms.verifyMac(VerifyMacRequest.builder().keyId(eccSign).message(m).mac(m)
                .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256).build()));
        byte[] peer = publicKey(eccAgree);
        assertInvalidUsage(() -> f.kms.deriveSharedSecret(DeriveSharedSecretRequest.builder().keyId(eccSign)
                .keyAgreementAlgorithm(KeyAgreementAlgorithmSpec.ECDH).publicKey(peer).build()));
        assertInvalidUsage(() -> f.kms.deriveSharedSecret(DeriveSharedSecretRequest.builder().keyId(sym)
                .keyAgreementAlgorithm(KeyAgreementAlgorithmSpec.ECDH).publicKey(peer).build()));
    }

    private static void assertInvalidUsage(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(InvalidKeyUsageException.class);
    }

    @Test
    void aKeyThatDoesNotExistIsNotFound() {
        String missing = UUID.randomUUID().toString();
        String message = "Key '" + ARN_PREFIX + missing + "' does not exist";
        assertThatThrownBy(() -> f.kms.describeKey(DescribeKeyRequest.builder().keyId(missing).build()))
                .isInstanceOf(NotFoundException.class).hasMessage(message);
        assertThatThrownBy(() -> f.kms.encrypt(EncryptRequest.builder().keyId(missing).plaintext(random(4)).build()))
                .isInstanceOf(NotFoundException.class).hasMessage(message);
        assertThatThrownBy(() -> f.kms.encrypt(EncryptRequest.builder().keyId(ARN_PREFIX + missing)
                .plaintext(random(4)).build())).isInstanceOf(NotFoundException.class).hasMessage(message);
        assertThatThrownBy(() -> f.kms.sign(SignRequest.builder().keyId(missing).message(random(4))
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256).build()))
                .isInstanceOf(NotFoundException.class).hasMessage(message);
        assertThatThrownBy(() -> f.kms.encrypt(EncryptRequest.builder().keyId("alias/missing").plaintext(random(4))
                .build())).isInstanceOf(NotFoundException.class)
                .hasMessage("Alias arn:aws:kms:us-east-1:" + EngineFixture.ACCOUNT + ":alias/missing is not found.");
        assertThatThrownBy(() -> f.kms.describeKey(DescribeKeyRequest.builder().keyId("not-a-key").build()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("Invalid keyId");
    }
}
