package io.keywarden.provider.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.errors.InvalidKeyUsageException;
import io.keywarden.provider.KmsPrivateKey;
import io.keywarden.provider.TestKms;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.Provider;
import java.security.Signature;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ECDSA with any SHA-2/SHA-3 hash on every curve: the handle signs with the curve's KMS algorithm
 * over the fitted digest, and Bouncy Castle verifies with the named hash (and the reverse).
 */
class EcdsaAnyHashTest {

    static final Provider BC = new BouncyCastleProvider();
    static final byte[] MESSAGE = "ECDSA signs the leftmost bitlen(n) bits of the hash".getBytes(StandardCharsets.UTF_8);
    static final String[] HASHES = {"SHA224", "SHA256", "SHA384", "SHA512", "SHA3-224", "SHA3-256", "SHA3-384",
        "SHA3-512"};
    static final KeySpec[] CURVES = {KeySpec.ECC_NIST_P256, KeySpec.ECC_NIST_P384, KeySpec.ECC_NIST_P521,
        KeySpec.ECC_SECG_P256K1};

    @TempDir
    static Path dir;
    static TestKms kms;
    static final Map<KeySpec, KmsPrivateKey> KEYS = new EnumMap<>(KeySpec.class);

    @BeforeAll
    static void open() throws Exception {
        kms = new TestKms(dir);
        for (KeySpec spec : CURVES) {
            KEYS.put(spec, (KmsPrivateKey) kms.handle(spec, KeyUsage.SIGN_VERIFY));
        }
    }

    @AfterAll
    static void close() {
        kms.close();
    }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (KeySpec curve : CURVES) {
            for (String hash : HASHES) {
                all.add(Arguments.of(curve, hash, false));
                all.add(Arguments.of(curve, hash, true));
            }
        }
        return all.stream();
    }

    private static String keywardenName(String hash, boolean p1363) {
        return hash + "withECDSA" + (p1363 ? "inP1363Format" : "");
    }

    private static String bcName(String hash, boolean p1363) {
        return hash + (p1363 ? "withPLAIN-ECDSA" : "withECDSA");
    }

    @ParameterizedTest(name = "{1}withECDSA p1363={2} on {0}")
    @MethodSource("cases")
    void handleSignaturesVerifyWithBouncyCastleAndBack(KeySpec curve, String hash, boolean p1363) throws Exception {
        KmsPrivateKey key = KEYS.get(curve);
        Signature s = Signature.getInstance(keywardenName(hash, p1363), kms.provider);
        s.initSign(key);
        s.update(MESSAGE);
        byte[] signature = s.sign();

        Signature bc = Signature.getInstance(bcName(hash, p1363), BC);
        bc.initVerify(key.publicKey());
        bc.update(MESSAGE);
        assertThat(bc.verify(signature)).as("BC verifies the handle's signature").isTrue();
        bc.initVerify(key.publicKey());
        bc.update(MESSAGE, 1, MESSAGE.length - 1);
        assertThat(bc.verify(signature)).as("another message").isFalse();

        // the handle verifies it, and refuses it under another hash (the fitted digests differ)
        Signature v = Signature.getInstance(keywardenName(hash, p1363), kms.provider);
        v.initVerify(key.publicHandle());
        v.update(MESSAGE);
        assertThat(v.verify(signature)).isTrue();
        String other = hash.equals("SHA256") ? "SHA384" : "SHA256";
        Signature w = Signature.getInstance(keywardenName(other, p1363), kms.provider);
        w.initVerify(key.publicHandle());
        w.update(MESSAGE);
        assertThat(w.verify(signature)).as("the same signature under another hash").isFalse();
    }

    @ParameterizedTest(name = "{1}withECDSA p1363={2} on {0}")
    @MethodSource("cases")
    void handleVerifiesSignaturesOfAPlainKeyImportedAsPublicKey(KeySpec curve, String hash, boolean p1363)
            throws Exception {
        var g = java.security.KeyPairGenerator.getInstance("EC", BC);
        g.initialize(new java.security.spec.ECGenParameterSpec(switch (curve) {
            case ECC_NIST_P256 -> "secp256r1";
            case ECC_NIST_P384 -> "secp384r1";
            case ECC_NIST_P521 -> "secp521r1";
            default -> "secp256k1";
        }));
        var pair = g.generateKeyPair();
        Signature bc = Signature.getInstance(bcName(hash, p1363), BC);
        bc.initSign(pair.getPrivate());
        bc.update(MESSAGE);
        byte[] signature = bc.sign();
        String keyId = kms.imported(curve, KeyUsage.SIGN_VERIFY, pair.getPublic().getEncoded());
        var handle = io.keywarden.provider.KmsKeys.publicHandle(kms.runtime, keyId);
        Signature v = Signature.getInstance(keywardenName(hash, p1363), kms.provider);
        v.initVerify(handle);
        v.update(MESSAGE);
        assertThat(v.verify(signature)).isTrue();
        v.update(MESSAGE);
        v.update((byte) 1);
        assertThat(v.verify(signature)).isFalse();
    }

    @Test
    void longerHashesKeepTheirLeftmostBytesShorterOnesArePaddedOnTheLeft() {
        byte[] hash = HexFormat.of().parseHex("0102030405");
        assertThat(EcdsaSignature.fit(hash, 3)).containsExactly(1, 2, 3);
        assertThat(EcdsaSignature.fit(hash, 5)).containsExactly(1, 2, 3, 4, 5);
        assertThat(EcdsaSignature.fit(hash, 7)).containsExactly(0, 0, 1, 2, 3, 4, 5);
    }

    @Test
    void nonEcKeysAreStillRefused() throws Exception {
        KmsPrivateKey rsa = (KmsPrivateKey) kms.handle(KeySpec.RSA_2048, KeyUsage.SIGN_VERIFY);
        Signature s = Signature.getInstance("SHA3-256withECDSA", kms.provider);
        assertThatThrownBy(() -> s.initSign(rsa)).isInstanceOf(InvalidKeyException.class)
                .hasCauseInstanceOf(InvalidKeyUsageException.class);
        KmsPrivateKey ed = (KmsPrivateKey) kms.handle(KeySpec.ECC_NIST_EDWARDS25519, KeyUsage.SIGN_VERIFY);
        assertThatThrownBy(() -> s.initVerify(ed.publicHandle())).isInstanceOf(InvalidKeyException.class);
    }
}
