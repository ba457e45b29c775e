package io.keywarden.conformance.wycheproof;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.jce.spec.ECNamedCurveSpec;

/**
 * Turns a vector's key encodings into JCA keys and into the PKCS#8 material ImportKeyMaterial
 * takes. The JDK decodes where it can, Bouncy Castle where it cannot (secp256k1 on JDK 17).
 */
public final class VectorKeys {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private VectorKeys() {
    }

    /** An X.509 SubjectPublicKeyInfo as a JCA public key of {@code algorithm} (RSA, EC, Ed25519, RSASSA-PSS). */
    public static PublicKey publicKey(String algorithm, byte[] der) throws GeneralSecurityException {
        try {
            return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            return KeyFactory.getInstance(algorithm, BC).generatePublic(new X509EncodedKeySpec(der));
        }
    }

    /**
     * The PKCS#8 CRT private key of an RSA group ({@code privateKeyPkcs8}, or the components when the
     * encoding lacks the CRT values: p and q are recovered from n, e and d).
     */
    public static PrivateKey rsaPrivateKey(JsonNode group) throws GeneralSecurityException {
        KeyFactory kf = KeyFactory.getInstance("RSA");
        byte[] pkcs8 = TestCase.hex(group, "privateKeyPkcs8");
        if (pkcs8.length > 0) {
            PrivateKey k = kf.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            if (k instanceof RSAPrivateCrtKey) {
                return k;
            }
        }
        JsonNode c = group.path("privateKey");
        BigInteger n = big(c, "modulus");
        BigInteger e = big(c, "publicExponent");
        BigInteger d = big(c, "privateExponent");
        BigInteger[] pq = factor(n, e, d);
        BigInteger p = pq[0];
        BigInteger q = pq[1];
        return kf.generatePrivate(new RSAPrivateCrtKeySpec(n, e, d, p, q, d.mod(p.subtract(BigInteger.ONE)),
                d.mod(q.subtract(BigInteger.ONE)), q.modInverse(p)));
    }

    /** Recovers p, q from n, e, d (the standard probabilistic method with fixed bases). */
    static BigInteger[] factor(BigInteger n, BigInteger e, BigInteger d) {
        BigInteger k = d.multiply(e).subtract(BigInteger.ONE);
        int t = k.getLowestSetBit();
        BigInteger r = k.shiftRight(t);
        BigInteger nMinus1 = n.subtract(BigInteger.ONE);
        for (int g = 2; g < 1000; g++) {
            BigInteger x = BigInteger.valueOf(g).modPow(r, n);
            for (int i = 0; i < t; i++) {
                BigInteger y = x.modPow(BigInteger.TWO, n);
                if (y.equals(BigInteger.ONE) && !x.equals(BigInteger.ONE) && !x.equals(nMinus1)) {
                    BigInteger p = x.subtract(BigInteger.ONE).gcd(n);
                    return new BigInteger[] {p.max(n.divide(p)), p.min(n.divide(p))};
                }
                x = y;
            }
        }
        throw new IllegalArgumentException("cannot factor the modulus from d");
    }

    /** The JDK/BC parameters of a named curve (Wycheproof names: secp256r1, secp384r1, secp521r1, secp256k1, …). */
    public static ECParameterSpec curve(String name) {
        ECNamedCurveParameterSpec bc = ECNamedCurveTable.getParameterSpec(name);
        if (bc == null) {
            throw new IllegalArgumentException("unknown curve " + name);
        }
        return new ECNamedCurveSpec(name, bc.getCurve(), bc.getG(), bc.getN(), bc.getH(), bc.getSeed());
    }

    /** An EC private key (PKCS#8-encodable) for the curve and scalar, decoded by the JDK where it can. */
    public static PrivateKey ecPrivateKey(String curveName, BigInteger s) throws GeneralSecurityException {
        ECParameterSpec params = jdkCurve(curveName);
        if (params != null) {
            return KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(s, params));
        }
        return KeyFactory.getInstance("EC", BC).generatePrivate(new ECPrivateKeySpec(s, curve(curveName)));
    }

    /** The JDK's parameters of a named curve, or null when the JDK lacks it. */
    static ECParameterSpec jdkCurve(String curveName) {
        try {
            java.security.AlgorithmParameters ap = java.security.AlgorithmParameters.getInstance("EC");
            ap.init(new java.security.spec.ECGenParameterSpec(curveName));
            return ap.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    /**
     * A public key from a raw SEC1 point: uncompressed points become a JDK key without any check
     * (so that an invalid point reaches the implementation under test); compressed points are
     * decompressed with Bouncy Castle. Malformed encodings throw.
     */
    public static PublicKey ecPublicKeyFromPoint(String curveName, byte[] point) throws GeneralSecurityException {
        ECParameterSpec params = jdkCurve(curveName);
        int size = (params.getCurve().getField().getFieldSize() + 7) / 8;
        BigInteger x;
        BigInteger y;
        if (point.length == 2 * size + 1 && point[0] == 4) {
            x = new BigInteger(1, Arrays.copyOfRange(point, 1, 1 + size));
            y = new BigInteger(1, Arrays.copyOfRange(point, 1 + size, point.length));
        } else if (point.length == size + 1 && (point[0] == 2 || point[0] == 3)) {
            try {
                org.bouncycastle.math.ec.ECPoint p = ECNamedCurveTable.getParameterSpec(curveName).getCurve()
                        .decodePoint(point).normalize();
                x = p.getAffineXCoord().toBigInteger();
                y = p.getAffineYCoord().toBigInteger();
            } catch (RuntimeException e) {
                throw new java.security.spec.InvalidKeySpecException("undecodable compressed point", e);
            }
        } else {
            throw new java.security.spec.InvalidKeySpecException("malformed point encoding (" + point.length + " bytes)");
        }
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), params));
    }

    private static BigInteger big(JsonNode node, String name) {
        return new BigInteger(node.path(name).asText(), 16);
    }
}
