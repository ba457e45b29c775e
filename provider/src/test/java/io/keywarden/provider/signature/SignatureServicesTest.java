package io.keywarden.provider.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.errors.DisabledException;
import io.keywarden.kms.api.errors.InvalidKeyUsageException;
import io.keywarden.provider.KmsPrivateKey;
import io.keywarden.provider.TestKms;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.ECGenParameterSpec;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Signature service: signed by the handle, verified by the JDK (or BC) and by the handle. */
class SignatureServicesTest {

    static final Provider BC = new BouncyCastleProvider();
    static final byte[] MESSAGE = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;
    static TestKms kms;
    static final Map<KeySpec, KmsPrivateKey> KEYS = new EnumMap<>(KeySpec.class);

    @BeforeAll
    static void open() throws Exception {
        kms = new TestKms(dir);
        for (KeySpec spec : new KeySpec[] {KeySpec.RSA_2048, KeySpec.ECC_NIST_P256, KeySpec.ECC_NIST_P384,
                KeySpec.ECC_NIST_P521, KeySpec.ECC_SECG_P256K1, KeySpec.ECC_NIST_EDWARDS25519, KeySpec.ML_DSA_44,
                KeySpec.ML_DSA_65, KeySpec.ML_DSA_87}) {
            KEYS.put(spec, (KmsPrivateKey) kms.handle(spec, KeyUsage.SIGN_VERIFY));
        }
    }

    @AfterAll
    static void close() {
        kms.close();
    }

    /** Keywarden algorithm, key spec, local verifier algorithm, local verifier provider (null: the JDK's). */
    static Stream<Arguments> services() {
        return Stream.of(
                Arguments.of("SHA256withRSA", KeySpec.RSA_2048, "SHA256withRSA", null),
                Arguments.of("SHA384withRSA", KeySpec.RSA_2048, "SHA384withRSA", null),
                Arguments.of("SHA512withRSA", KeySpec.RSA_2048, "SHA512withRSA", null),
                Arguments.of("SHA256withRSA/PSS", KeySpec.RSA_2048, "SHA256withRSA/PSS", BC),
                Arguments.of("SHA384withRSA/PSS", KeySpec.RSA_2048, "SHA384withRSA/PSS", BC),
                Arguments.of("SHA512withRSA/PSS", KeySpec.RSA_2048, "SHA512withRSA/PSS", BC),
                Arguments.of("SHA256withRSAandMGF1", KeySpec.RSA_2048, "SHA256withRSAandMGF1", BC),
                Arguments.of("SHA256withECDSA", KeySpec.ECC_NIST_P256, "SHA256withECDSA", null),
                Arguments.of("SHA384withECDSA", KeySpec.ECC_NIST_P384, "SHA384withECDSA", null),
                Arguments.of("SHA512withECDSA", KeySpec.ECC_NIST_P521, "SHA512withECDSA", null),
                Arguments.of("SHA256withECDSA", KeySpec.ECC_SECG_P256K1, "SHA256withECDSA", BC),
                Arguments.of("SHA256withECDSAinP1363Format", KeySpec.ECC_NIST_P256, "SHA256withECDSAinP1363Format", null),
                Arguments.of("SHA384withECDSAinP1363Format", KeySpec.ECC_NIST_P384, "SHA384withECDSAinP1363Format", null),
                Arguments.of("SHA512withECDSAinP1363Format", KeySpec.ECC_NIST_P521, "SHA512withECDSAinP1363Format", null),
                Arguments.of("SHA256withECDSAinP1363Format", KeySpec.ECC_SECG_P256K1, "SHA256withPLAIN-ECDSA", BC),
                Arguments.of("Ed25519", KeySpec.ECC_NIST_EDWARDS25519, "Ed25519", null),
                Arguments.of("EdDSA", KeySpec.ECC_NIST_EDWARDS25519, "Ed25519", null),
                Arguments.of("ML-DSA-44", KeySpec.ML_DSA_44, "ML-DSA", BC),
                Arguments.of("ML-DSA-65", KeySpec.ML_DSA_65, "ML-DSA", BC),
                Arguments.of("ML-DSA-87", KeySpec.ML_DSA_87, "ML-DSA", BC),
                Arguments.of("ML-DSA", KeySpec.ML_DSA_65, "ML-DSA", BC));
    }

    static Signature local(String algorithm, Provider provider) throws Exception {
        return provider == null ? Signature.getInstance(algorithm) : Signature.getInstance(algorithm, provider);
    }

    static byte[] sign(String algorithm, KmsPrivateKey key, byte[] message) throws Exception {
        Signature s = Signature.getInstance(algorithm, kms.provider);
        s.initSign(key);
        s.update(message);
        return s.sign();
    }

    static boolean verifyLocally(String algorithm, Provider provider, KmsPrivateKey key, byte[] message,
            byte[] signature) throws Exception {
        Signature v = local(algorithm, provider);
        v.initVerify(key.publicKey());
        v.update(message);
        return v.verify(signature);
    }

    static boolean verifyWithHandle(String algorithm, KmsPrivateKey key, byte[] message, byte[] signature)
            throws Exception {
        Signature v = Signature.getInstance(algorithm, kms.provider);
        v.initVerify(key.publicHandle());
        v.update(message);
        return v.verify(signature);
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("services")
    void signsWhatTheLocalProviderVerifiesAndVerifiesWithTheHandle(String algorithm, KeySpec spec, String verifier,
            Provider provider) throws Exception {
        KmsPrivateKey key = KEYS.get(spec);
        byte[] signature = sign(algorithm, key, MESSAGE);
        byte[] other = MESSAGE.clone();
        other[0] ^= 1;

        assertThat(verifyLocally(verifier, provider, key, MESSAGE, signature)).isTrue();
        assertThat(verifyLocally(verifier, provider, key, other, signature)).isFalse();
        assertThat(verifyWithHandle(algorithm, key, MESSAGE, signature)).isTrue();
        assertThat(verifyWithHandle(algorithm, key, other, signature)).isFalse();
        byte[] broken = signature.clone();
        broken[broken.length / 2] ^= 0x10;
        assertThat(verifyWithHandle(algorithm, key, MESSAGE, broken)).isFalse();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("services")
    void updatesInPiecesAndByteBuffersAndReuse(String algorithm, KeySpec spec, String verifier, Provider provider)
            throws Exception {
        KmsPrivateKey key = KEYS.get(spec);
        byte[] message = new byte[1000];
        new Random(1).nextBytes(message);
        Signature s = Signature.getInstance(algorithm, kms.provider);
        s.initSign(key);
        for (byte b : message) {
            s.update(b);
        }
        byte[] byOne = s.sign();
        for (int i = 0; i < message.length; i += 7) {
            s.update(message, i, Math.min(7, message.length - i));
        }
        byte[] bySeven = s.sign();
        ByteBuffer direct = ByteBuffer.allocateDirect(message.length);
        direct.put(message).flip();
        s.update(direct);
        byte[] byBuffer = s.sign();
        assertThat(direct.hasRemaining()).isFalse();

        for (byte[] signature : new byte[][] {byOne, bySeven, byBuffer}) {
            assertThat(verifyLocally(verifier, provider, key, message, signature)).isTrue();
        }
        Signature v = Signature.getInstance(algorithm, kms.provider);
        v.initVerify(key.publicHandle());
        v.update(ByteBuffer.wrap(message));
        assertThat(v.verify(byOne)).isTrue();
        v.update(MESSAGE);
        assertThat(v.verify(byOne)).isFalse();
        v.update(message);
        assertThat(v.verify(bySeven)).isTrue();
    }

    @Test
    void longMessagesAreHashedLocallyForHashThenSign() throws Exception {
        byte[] mib = new byte[1 << 20];
        new Random(2).nextBytes(mib);
        for (String[] c : new String[][] {{"SHA256withRSA", "RSA_2048"}, {"SHA384withECDSA", "ECC_NIST_P384"},
                {"SHA512withRSA/PSS", "RSA_2048"}}) {
            KmsPrivateKey key = KEYS.get(KeySpec.valueOf(c[1]));
            byte[] signature = sign(c[0], key, mib);
            assertThat(verifyLocally(c[0], c[0].contains("PSS") ? BC : null, key, mib, signature)).isTrue();
            assertThat(verifyWithHandle(c[0], key, mib, signature)).isTrue();
        }
    }

    @Test
    void rawOnlyAlgorithmsTakeOneTo4096Bytes() throws Exception {
        byte[] max = new byte[4096];
        new Random(3).nextBytes(max);
        byte[] over = new byte[4097];
        for (String[] c : new String[][] {{"Ed25519", "ECC_NIST_EDWARDS25519", "Ed25519"},
                {"ML-DSA-44", "ML_DSA_44", "ML-DSA"}}) {
            KmsPrivateKey key = KEYS.get(KeySpec.valueOf(c[1]));
            byte[] signature = sign(c[0], key, max);
            assertThat(verifyLocally(c[2], c[2].equals("ML-DSA") ? BC : null, key, max, signature)).isTrue();

            Signature s = Signature.getInstance(c[0], kms.provider);
            s.initSign(key);
            s.update(over);
            assertThatThrownBy(s::sign).isInstanceOf(SignatureException.class)
                    .hasMessageContaining("4096").hasMessageContaining("4097 bytes");
            assertThatThrownBy(s::sign).isInstanceOf(SignatureException.class).hasMessageContaining("0 bytes");
            s.update(MESSAGE);
            assertThat(verifyLocally(c[2], c[2].equals("ML-DSA") ? BC : null, key, MESSAGE, s.sign())).isTrue();

            Signature v = Signature.getInstance(c[0], kms.provider);
            v.initVerify(key.publicHandle());
            v.update(new byte[1 << 20]);
            assertThatThrownBy(() -> v.verify(signature)).isInstanceOf(SignatureException.class)
                    .hasMessageContaining("4096");
        }
    }

    @Test
    void p1363SignaturesHaveTheCurveSize() throws Exception {
        Map<KeySpec, Integer> sizes = Map.of(KeySpec.ECC_NIST_P256, 64, KeySpec.ECC_NIST_P384, 96,
                KeySpec.ECC_NIST_P521, 132, KeySpec.ECC_SECG_P256K1, 64);
        Map<KeySpec, String> names = Map.of(KeySpec.ECC_NIST_P256, "SHA256withECDSAinP1363Format",
                KeySpec.ECC_NIST_P384, "SHA384withECDSAinP1363Format", KeySpec.ECC_NIST_P521,
                "SHA512withECDSAinP1363Format", KeySpec.ECC_SECG_P256K1, "SHA256withECDSAinP1363Format");
        for (KeySpec spec : sizes.keySet()) {
            Signature s = Signature.getInstance(names.get(spec), kms.provider);
            s.initSign(KEYS.get(spec));
            for (int i = 0; i < 16; i++) { // r or s shorter than the order happens 1 in 128 times; lengths stay fixed
                s.update(new byte[] {(byte) i});
                assertThat(s.sign()).hasSize(sizes.get(spec));
            }
        }
        byte[] signature = sign("SHA256withECDSAinP1363Format", KEYS.get(KeySpec.ECC_NIST_P256), MESSAGE);
        byte[] tooLong = java.util.Arrays.copyOf(signature, 65);
        assertThat(verifyWithHandle("SHA256withECDSAinP1363Format", KEYS.get(KeySpec.ECC_NIST_P256), MESSAGE,
                tooLong)).isFalse();
        byte[] der = sign("SHA256withECDSA", KEYS.get(KeySpec.ECC_NIST_P256), MESSAGE);
        assertThat(der[0]).isEqualTo((byte) 0x30);
    }

    @Test
    void foreignKeysAreInvalidKeysSoTheJcaMovesOn() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        var pair = g.generateKeyPair();
        Signature s = Signature.getInstance("SHA256withECDSA", kms.provider);
        assertThatThrownBy(() -> s.initSign(pair.getPrivate())).isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> s.initVerify(pair.getPublic())).isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> s.initVerify(KEYS.get(KeySpec.ECC_NIST_P256).publicKey()))
                .isInstanceOf(InvalidKeyException.class);
    }

    @Test
    void keysOfTheWrongTypeOrSpecAreInvalidKeys() throws Exception {
        assertInvalid("SHA256withECDSA", KEYS.get(KeySpec.RSA_2048), InvalidKeyUsageException.class);
        assertInvalid("SHA256withECDSA", KEYS.get(KeySpec.ECC_NIST_EDWARDS25519), InvalidKeyUsageException.class);
        assertInvalid("SHA256withRSA", KEYS.get(KeySpec.ECC_NIST_P256), InvalidKeyUsageException.class);
        assertInvalid("RSASSA-PSS", KEYS.get(KeySpec.ECC_NIST_P256), InvalidKeyUsageException.class);
        assertInvalid("Ed25519", KEYS.get(KeySpec.ML_DSA_44), InvalidKeyUsageException.class);
        assertInvalid("ML-DSA-44", KEYS.get(KeySpec.ML_DSA_65), null);
        assertInvalid("ML-DSA-87", KEYS.get(KeySpec.ECC_NIST_EDWARDS25519), InvalidKeyUsageException.class);
        KmsPrivateKey agreement = (KmsPrivateKey) kms.handle(KeySpec.ECC_NIST_P256, KeyUsage.KEY_AGREEMENT);
        assertInvalid("SHA256withECDSA", agreement, InvalidKeyUsageException.class);
        KmsPrivateKey encryption = (KmsPrivateKey) kms.handle(KeySpec.RSA_2048, KeyUsage.ENCRYPT_DECRYPT);
        assertInvalid("SHA256withRSA", encryption, InvalidKeyUsageException.class);
    }

    private static void assertInvalid(String algorithm, KmsPrivateKey key, Class<? extends Throwable> cause)
            throws Exception {
        Signature s = Signature.getInstance(algorithm, kms.provider);
        var thrown = assertThatThrownBy(() -> s.initSign(key)).isInstanceOf(InvalidKeyException.class);
        if (cause != null) {
            thrown.hasCauseInstanceOf(cause);
        }
        assertThatThrownBy(() -> s.initVerify(key.publicHandle())).isInstanceOf(InvalidKeyException.class);
    }

    @Test
    void disabledKeysFailInitOrSignWithTheDisabledExceptionAsCause() throws Exception {
        KmsPrivateKey key = (KmsPrivateKey) kms.handle(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY);
        Signature s = Signature.getInstance("SHA256withECDSA", kms.provider);
        s.initSign(key);
        kms.disable(key);
        try {
            s.update(MESSAGE);
            assertThatThrownBy(s::sign).isInstanceOf(SignatureException.class).hasCauseInstanceOf(DisabledException.class);
            assertThatThrownBy(() -> s.initSign(key)).isInstanceOf(InvalidKeyException.class)
                    .hasCauseInstanceOf(DisabledException.class);
        } finally {
            kms.enable(key);
        }
        s.initSign(key);
        s.update(MESSAGE);
        assertThat(verifyLocally("SHA256withECDSA", null, key, MESSAGE, s.sign())).isTrue();
    }

    @Test
    void signAndVerifyNeedTheMatchingInit() throws Exception {
        KmsPrivateKey key = KEYS.get(KeySpec.ECC_NIST_P256);
        Signature s = Signature.getInstance("SHA256withECDSA", kms.provider);
        s.initVerify(key.publicHandle());
        assertThat(s.getParameters()).isNull(); // JSSE asks; it must not throw
        s.setParameter(null);
        assertThatThrownBy(() -> s.setParameter(new java.security.spec.ECGenParameterSpec("secp256r1")))
                .isInstanceOf(java.security.InvalidAlgorithmParameterException.class);
        s.update(MESSAGE);
        assertThatThrownBy(s::sign).isInstanceOf(SignatureException.class);
        s.initSign(key);
        s.update(MESSAGE);
        assertThatThrownBy(() -> s.verify(new byte[64])).isInstanceOf(SignatureException.class);
    }

    @Test
    void ed25519AcceptsOnlyPureEd25519Parameters() throws Exception {
        Signature s = Signature.getInstance("Ed25519", kms.provider);
        s.initSign(KEYS.get(KeySpec.ECC_NIST_EDWARDS25519));
        s.setParameter(new java.security.spec.EdDSAParameterSpec(false));
        assertThatThrownBy(() -> s.setParameter(new java.security.spec.EdDSAParameterSpec(true)))
                .isInstanceOf(java.security.InvalidAlgorithmParameterException.class);
        assertThatThrownBy(() -> s.setParameter(new java.security.spec.EdDSAParameterSpec(false, new byte[] {1})))
                .isInstanceOf(java.security.InvalidAlgorithmParameterException.class);
    }

    @Test
    void handlesNeverShowKeyMaterial() {
        KmsPrivateKey key = KEYS.get(KeySpec.RSA_2048);
        assertThat(key.getEncoded()).isNull();
        assertThat(key.getFormat()).isNull();
        assertThat(key.publicHandle().getEncoded()).isNull();
        assertThat(key.publicHandle().toString()).isEqualTo("KmsPublicKey[" + key.keyId() + "]");
    }
}
