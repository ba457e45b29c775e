package io.keywarden.kms.crypto;

import static io.keywarden.kms.crypto.TestKeys.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.KeyAgreementAlgorithmSpec;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.MessageType;
import io.keywarden.kms.api.SigningAlgorithmSpec;
import io.keywarden.kms.api.errors.IncorrectKeyMaterialException;
import io.keywarden.kms.api.errors.InvalidKeyUsageException;
import io.keywarden.kms.api.errors.ValidationException;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import javax.crypto.KeyAgreement;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EccStrategyTest {

    private record Curve(String name, SigningAlgorithmSpec alg, String jdkSig, String hash) {
    }

    private static final Map<KeySpec, Curve> CURVES = Map.of(
            KeySpec.ECC_NIST_P256, new Curve("secp256r1", SigningAlgorithmSpec.ECDSA_SHA_256, "SHA256withECDSA", "SHA-256"),
            KeySpec.ECC_NIST_P384, new Curve("secp384r1", SigningAlgorithmSpec.ECDSA_SHA_384, "SHA384withECDSA", "SHA-384"),
            KeySpec.ECC_NIST_P521, new Curve("secp521r1", SigningAlgorithmSpec.ECDSA_SHA_512, "SHA512withECDSA", "SHA-512"),
            KeySpec.ECC_SECG_P256K1, new Curve("secp256k1", SigningAlgorithmSpec.ECDSA_SHA_256, "SHA256withECDSA", "SHA-256"));

    /** The JDK 17 SunEC has no secp256k1: test that curve against a separate BC provider instance. */
    private static final Provider BC = new BouncyCastleProvider();

    private final EccStrategy s = new EccStrategy();


    private static KeyPair peer(KeySpec spec) throws Exception {
        KeyPairGenerator g = spec == KeySpec.ECC_SECG_P256K1 ? KeyPairGenerator.getInstance("EC", BC)
                : KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec(CURVES.get(spec).name()));
        return g.generateKeyPair();
    }

    private static KeyFactory ecFactory(KeySpec spec) throws Exception {
        return spec == KeySpec.ECC_SECG_P256K1 ? KeyFactory.getInstance("EC", BC) : KeyFactory.getInstance("EC");
    }

    private static Signature sigFor(KeySpec spec) throws Exception {
        String name = CURVES.get(spec).jdkSig();
        return spec == KeySpec.ECC_SECG_P256K1 ? Signature.getInstance(name, BC) : Signature.getInstance(name);
    }

    @Test
    void describesUsagesAndAlgorithms() {
        for (KeySpec spec : s.keySpecs()) {
            assertThat(s.signingAlgorithms(spec, KeyUsage.SIGN_VERIFY)).containsExactly(CURVES.get(spec).alg());
            if (spec == KeySpec.ECC_SECG_P256K1) {
                assertThat(s.usages(spec)).containsExactly(KeyUsage.SIGN_VERIFY);
                assertThat(s.keyAgreementAlgorithms(spec, KeyUsage.KEY_AGREEMENT)).isEmpty();
            } else {
                assertThat(s.usages(spec)).containsExactlyInAnyOrder(KeyUsage.SIGN_VERIFY, KeyUsage.KEY_AGREEMENT);
                assertThat(s.keyAgreementAlgorithms(spec, KeyUsage.KEY_AGREEMENT))
                        .containsExactly(KeyAgreementAlgorithmSpec.ECDH);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256K1"})
    void signaturesInteropForRawAndDigest(KeySpec spec) throws Exception {
        Curve c = CURVES.get(spec);
        KeyMaterial key = TestKeys.key(spec);
        PublicKey pub = ecFactory(spec).generatePublic(new X509EncodedKeySpec(key.publicKey()));
        byte[] msg = bytes(1000);
        byte[] digest = MessageDigest.getInstance(c.hash()).digest(msg);
        for (byte[] sig : new byte[][] {s.sign(spec, key, c.alg(), MessageType.RAW, msg),
                s.sign(spec, key, c.alg(), MessageType.DIGEST, digest)}) {
            Signature v = sigFor(spec);
            v.initVerify(pub);
            v.update(msg);
            assertThat(v.verify(sig)).isTrue();
            assertThat(s.verify(spec, key, c.alg(), MessageType.RAW, msg, sig)).isTrue();
            assertThat(s.verify(spec, key, c.alg(), MessageType.DIGEST, digest, sig)).isTrue();
            assertThat(s.verify(spec, key, c.alg(), MessageType.RAW, bytes(999), sig)).isFalse();
            byte[] t = sig.clone();
            t[t.length - 1] ^= 1;
            assertThat(s.verify(spec, key, c.alg(), MessageType.RAW, msg, t)).isFalse();
            assertThat(s.verify(spec, key, c.alg(), MessageType.RAW, msg, new byte[] {0x30, 0x02, 0x01})).isFalse();
            assertThat(s.verify(spec, key, c.alg(), MessageType.RAW, msg, bytes(70))).isFalse();
        }
        Signature signer = sigFor(spec);
        signer.initSign(ecFactory(spec).generatePrivate(new PKCS8EncodedKeySpec(key.secret())));
        signer.update(msg);
        assertThat(s.verify(spec, key, c.alg(), MessageType.RAW, msg, signer.sign())).isTrue();
    }

    @ParameterizedTest
    @EnumSource(names = {"ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256K1"})
    void refusesWrongAlgorithmsAndSizes(KeySpec spec) {
        Curve c = CURVES.get(spec);
        KeyMaterial key = TestKeys.key(spec);
        for (SigningAlgorithmSpec other : SigningAlgorithmSpec.values()) {
            if (other != c.alg()) {
                assertThatThrownBy(() -> s.sign(spec, key, other, MessageType.RAW, bytes(5)))
                        .isInstanceOf(InvalidKeyUsageException.class);
            }
        }
        int hashLength = Integer.parseInt(c.hash().substring(4)) / 8;
        for (int n : new int[] {hashLength - 1, hashLength + 1}) {
            assertThatThrownBy(() -> s.sign(spec, key, c.alg(), MessageType.DIGEST, bytes(n)))
                    .isInstanceOf(ValidationException.class);
        }
        assertThatThrownBy(() -> s.sign(spec, key, c.alg(), MessageType.RAW, bytes(4097))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> s.sign(spec, key, c.alg(), MessageType.EXTERNAL_MU, bytes(64)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> s.encrypt(spec, key, null, bytes(5), null)).isInstanceOf(InvalidKeyUsageException.class);
    }

    @ParameterizedTest
    @EnumSource(names = {"ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521"})
    void ecdhMatchesTheJdk(KeySpec spec) throws Exception {
        KeyMaterial key = TestKeys.key(spec);
        KeyPair peer = peer(spec);
        byte[] ours = s.deriveSharedSecret(spec, key, peer.getPublic().getEncoded());
        KeyAgreement ka = KeyAgreement.getInstance("ECDH");
        ka.init(peer.getPrivate());
        ka.doPhase(KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(key.publicKey())), true);
        assertThat(ours).isEqualTo(ka.generateSecret());
        int fieldBytes = (((ECPublicKey) peer.getPublic()).getParams().getCurve().getField().getFieldSize() + 7) / 8;
        assertThat(ours).hasSize(fieldBytes);
    }

    @Test
    void ecdhRefusesBadPeerKeys() throws Exception {
        KeySpec spec = KeySpec.ECC_NIST_P256;
        KeyMaterial key = TestKeys.key(spec);
        byte[] p384 = peer(KeySpec.ECC_NIST_P384).getPublic().getEncoded();
        byte[] rsa = TestKeys.material(KeySpec.RSA_2048).publicKey();
        SubjectPublicKeyInfo good = SubjectPublicKeyInfo.getInstance(peer(spec).getPublic().getEncoded());
        byte[] point = good.getPublicKeyData().getOctets();
        point[point.length - 1] ^= 1; // no longer on the curve
        byte[] offCurve = new SubjectPublicKeyInfo(good.getAlgorithm(), point).getEncoded(ASN1Encoding.DER);
        for (byte[] bad : new byte[][] {p384, rsa, offCurve, bytes(91), new byte[] {0x30, 0x00}}) {
            assertThatThrownBy(() -> s.deriveSharedSecret(spec, key, bad)).isInstanceOf(ValidationException.class);
        }
        assertThatThrownBy(() -> s.deriveSharedSecret(spec, key, null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> s.deriveSharedSecret(KeySpec.ECC_SECG_P256K1, TestKeys.key(KeySpec.ECC_SECG_P256K1),
                peer(KeySpec.ECC_SECG_P256K1).getPublic().getEncoded())).isInstanceOf(InvalidKeyUsageException.class);
    }

    @ParameterizedTest
    @EnumSource(names = {"ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256K1"})
    void importsKeysOfTheSameCurveOnly(KeySpec spec) throws Exception {
        KeyPair kp = peer(spec);
        GeneratedMaterial m = s.importMaterial(spec, kp.getPrivate().getEncoded());
        ECPublicKey pub = (ECPublicKey) ecFactory(spec).generatePublic(new X509EncodedKeySpec(m.publicKey()));
        assertThat(pub.getW()).isEqualTo(((ECPublicKey) kp.getPublic()).getW());
        ECPrivateKey priv = (ECPrivateKey) ecFactory(spec).generatePrivate(new PKCS8EncodedKeySpec(m.secret()));
        assertThat(priv.getS()).isEqualTo(((ECPrivateKey) kp.getPrivate()).getS());
        for (KeySpec other : s.keySpecs()) {
            if (other != spec) {
                assertThatThrownBy(() -> s.importMaterial(other, kp.getPrivate().getEncoded()))
                        .isInstanceOf(IncorrectKeyMaterialException.class);
            }
        }
        byte[] rsa = TestKeys.material(KeySpec.RSA_2048).secret();
        for (byte[] bad : new byte[][] {null, new byte[0], bytes(40), rsa, kp.getPublic().getEncoded()}) {
            assertThatThrownBy(() -> s.importMaterial(spec, bad)).isInstanceOf(IncorrectKeyMaterialException.class);
        }
    }

    @Test
    void importRefusesMismatchedEmbeddedPublicKeyAndOutOfRangeScalar() throws Exception {
        KeySpec spec = KeySpec.ECC_NIST_P256;
        PrivateKeyInfo a = PrivateKeyInfo.getInstance(TestKeys.material(spec).secret());
        org.bouncycastle.asn1.sec.ECPrivateKey inner = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(a.parsePrivateKey());
        byte[] otherPoint = SubjectPublicKeyInfo.getInstance(peer(spec).getPublic().getEncoded()).getPublicKeyData().getOctets();
        byte[] mismatched = new PrivateKeyInfo(a.getPrivateKeyAlgorithm(), new org.bouncycastle.asn1.sec.ECPrivateKey(256,
                inner.getKey(), new DERBitString(otherPoint), null)).getEncoded(ASN1Encoding.DER);
        assertThatThrownBy(() -> s.importMaterial(spec, mismatched)).isInstanceOf(IncorrectKeyMaterialException.class);
        BigInteger n = new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
        for (BigInteger d : new BigInteger[] {BigInteger.ZERO, n}) {
            byte[] bad = new PrivateKeyInfo(a.getPrivateKeyAlgorithm(),
                    new org.bouncycastle.asn1.sec.ECPrivateKey(256, d)).getEncoded(ASN1Encoding.DER);
            assertThatThrownBy(() -> s.importMaterial(spec, bad)).isInstanceOf(IncorrectKeyMaterialException.class);
        }
    }
}
