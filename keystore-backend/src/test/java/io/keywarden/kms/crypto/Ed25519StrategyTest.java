package io.keywarden.kms.crypto;

import static io.keywarden.kms.crypto.TestKeys.bytes;
import static io.keywarden.kms.crypto.TestKeys.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.MessageType;
import io.keywarden.kms.api.SigningAlgorithmSpec;
import io.keywarden.kms.api.errors.IncorrectKeyMaterialException;
import io.keywarden.kms.api.errors.InvalidKeyUsageException;
import io.keywarden.kms.api.errors.ValidationException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519phSigner;
import org.junit.jupiter.api.Test;

class Ed25519StrategyTest {

    private static final KeySpec SPEC = KeySpec.ECC_NIST_EDWARDS25519;
    private static final SigningAlgorithmSpec PURE = SigningAlgorithmSpec.ED25519_SHA_512;
    private static final SigningAlgorithmSpec PH = SigningAlgorithmSpec.ED25519_PH_SHA_512;
    private final Ed25519Strategy s = new Ed25519Strategy();
    private final KeyMaterial key = TestKeys.key(SPEC);

    private static byte[] pkcs8(String seedHex) throws Exception {
        return new PrivateKeyInfo(new AlgorithmIdentifier(new ASN1ObjectIdentifier("1.3.101.112")),
                new DEROctetString(hex(seedHex))).getEncoded(ASN1Encoding.DER);
    }

    private KeyMaterial imported(String seedHex) throws Exception {
        GeneratedMaterial m = s.importMaterial(SPEC, pkcs8(seedHex));
        return new KeyMaterial("k", 1, m.secret(), m.publicKey());
    }

    @Test
    void describesTheSpec() {
        assertThat(s.usages(SPEC)).containsExactly(KeyUsage.SIGN_VERIFY);
        assertThat(s.signingAlgorithms(SPEC, KeyUsage.SIGN_VERIFY)).containsExactly(PURE, PH);
    }

    @Test
    void rfc8032PureTest2() throws Exception {
        KeyMaterial k = imported("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb");
        assertThat(k.publicKey()).endsWith(hex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"));
        byte[] expected = hex("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
        assertThat(s.sign(SPEC, k, PURE, MessageType.RAW, hex("72"))).isEqualTo(expected);
        assertThat(s.verify(SPEC, k, PURE, MessageType.RAW, hex("72"), expected)).isTrue();
    }

    @Test
    void rfc8032PhTestAbc() throws Exception {
        KeyMaterial k = imported("833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42");
        byte[] expected = hex("98a70222f0b8121aa9d30f813d683f809e462b469c7ff87639499bb94e6dae41"
                + "31f85042463c2a355a2003d062adf5aaa10b8c61e636062aaad11c2a26083406");
        byte[] abc = hex("616263");
        byte[] digest = MessageDigest.getInstance("SHA-512").digest(abc);
        assertThat(s.sign(SPEC, k, PH, MessageType.RAW, abc)).isEqualTo(expected);
        assertThat(s.sign(SPEC, k, PH, MessageType.DIGEST, digest)).isEqualTo(expected);
        assertThat(s.verify(SPEC, k, PH, MessageType.RAW, abc, expected)).isTrue();
        assertThat(s.verify(SPEC, k, PH, MessageType.DIGEST, digest, expected)).isTrue();
    }

    @Test
    void pureSignaturesInteropWithTheJdk() throws Exception {
        byte[] msg = bytes(4096);
        byte[] sig = s.sign(SPEC, key, PURE, MessageType.RAW, msg);
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(key.publicKey())));
        jdk.update(msg);
        assertThat(jdk.verify(sig)).isTrue();

        jdk.initSign(KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(key.secret())));
        jdk.update(msg);
        assertThat(s.verify(SPEC, key, PURE, MessageType.RAW, msg, jdk.sign())).isTrue();
        assertThat(s.verify(SPEC, key, PURE, MessageType.RAW, bytes(4095), sig)).isFalse();
        assertThat(s.verify(SPEC, key, PH, MessageType.RAW, msg, sig)).isFalse();
    }

    @Test
    void phSignaturesMatchBouncyCastlesEd25519ph() {
        byte[] msg = bytes(500);
        byte[] sig = s.sign(SPEC, key, PH, MessageType.RAW, msg);
        Ed25519phSigner v = new Ed25519phSigner(new byte[0]);
        byte[] rawPub = org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(key.publicKey())
                .getPublicKeyData().getOctets();
        v.init(false, new Ed25519PublicKeyParameters(rawPub));
        v.update(msg, 0, msg.length);
        assertThat(v.verifySignature(sig)).isTrue();
    }

    @Test
    void malformedSignaturesAreFalse() {
        byte[] sig = s.sign(SPEC, key, PURE, MessageType.RAW, bytes(5));
        byte[] t = sig.clone();
        t[3] ^= 1;
        assertThat(s.verify(SPEC, key, PURE, MessageType.RAW, bytes(5), t)).isFalse();
        assertThat(s.verify(SPEC, key, PURE, MessageType.RAW, bytes(5), bytes(63))).isFalse();
        assertThat(s.verify(SPEC, key, PURE, MessageType.RAW, bytes(5), bytes(65))).isFalse();
        byte[] ff = new byte[64];
        java.util.Arrays.fill(ff, (byte) 0xff);
        assertThat(s.verify(SPEC, key, PURE, MessageType.RAW, bytes(5), ff)).isFalse();
    }

    @Test
    void refusesWrongMessageTypesSizesAndAlgorithms() {
        assertThatThrownBy(() -> s.sign(SPEC, key, PURE, MessageType.DIGEST, bytes(64))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> s.sign(SPEC, key, PURE, MessageType.EXTERNAL_MU, bytes(64))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> s.sign(SPEC, key, PH, MessageType.EXTERNAL_MU, bytes(64))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> s.sign(SPEC, key, PH, MessageType.DIGEST, bytes(63))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> s.sign(SPEC, key, PH, MessageType.DIGEST, bytes(32))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> s.sign(SPEC, key, PURE, MessageType.RAW, bytes(4097))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> s.sign(SPEC, key, PURE, MessageType.RAW, new byte[0])).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> s.sign(SPEC, key, SigningAlgorithmSpec.ECDSA_SHA_512, MessageType.RAW, bytes(5)))
                .isInstanceOf(InvalidKeyUsageException.class);
        assertThatThrownBy(() -> s.deriveSharedSecret(SPEC, key, bytes(5))).isInstanceOf(InvalidKeyUsageException.class);
    }

    @Test
    void importsJdkKeysAndRefusesOthers() throws Exception {
        KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        GeneratedMaterial m = s.importMaterial(SPEC, kp.getPrivate().getEncoded());
        assertThat(m.publicKey()).isEqualTo(kp.getPublic().getEncoded());
        byte[] ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair().getPrivate().getEncoded();
        byte[] shortSeed = new PrivateKeyInfo(new AlgorithmIdentifier(new ASN1ObjectIdentifier("1.3.101.112")),
                new DEROctetString(bytes(31))).getEncoded(ASN1Encoding.DER);
        byte[] p256 = TestKeys.material(KeySpec.ECC_NIST_P256).secret();
        for (byte[] bad : new byte[][] {null, new byte[0], bytes(32), ed448, shortSeed, p256, kp.getPublic().getEncoded()}) {
            assertThatThrownBy(() -> s.importMaterial(SPEC, bad)).isInstanceOf(IncorrectKeyMaterialException.class);
        }
    }
}
