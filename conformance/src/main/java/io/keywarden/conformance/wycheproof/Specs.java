package io.keywarden.conformance.wycheproof;

import io.keywarden.kms.api.KeySpec;
import java.util.Map;

/** Maps vector parameters to AWS KMS key specs and JCA names; null where KMS has no match. */
public final class Specs {

    private static final Map<Integer, KeySpec> RSA = Map.of(2048, KeySpec.RSA_2048, 3072, KeySpec.RSA_3072,
            4096, KeySpec.RSA_4096);
    private static final Map<String, KeySpec> ECDSA_CURVES = Map.of("secp256r1", KeySpec.ECC_NIST_P256,
            "secp384r1", KeySpec.ECC_NIST_P384, "secp521r1", KeySpec.ECC_NIST_P521, "secp256k1", KeySpec.ECC_SECG_P256K1);
    private static final Map<String, KeySpec> ECDH_CURVES = Map.of("secp256r1", KeySpec.ECC_NIST_P256,
            "secp384r1", KeySpec.ECC_NIST_P384, "secp521r1", KeySpec.ECC_NIST_P521);

    private Specs() {
    }

    /** RSA_2048/3072/4096, or null. */
    public static KeySpec rsa(int bits) {
        return RSA.get(bits);
    }

    /** The ECDSA key spec of a curve, or null. */
    public static KeySpec ecdsaCurve(String curve) {
        return ECDSA_CURVES.get(curve);
    }

    /** The ECDH key spec of a curve, or null. */
    public static KeySpec ecdhCurve(String curve) {
        return ECDH_CURVES.get(curve);
    }

    /** The JCA digest name of a Wycheproof hash name ("SHA-256" → "SHA256", "SHA-512/224" → "SHA512/224"). */
    public static String jcaDigest(String sha) {
        return sha.startsWith("SHA-") ? "SHA" + sha.substring(4) : sha;
    }

    /** Whether Keywarden's RSA padding takes this Wycheproof hash (AWS KMS's, or through KeywardenRsaParameters). */
    public static boolean rsaHash(String sha) {
        return io.keywarden.provider.RsaDigests.canonical(sha) != null;
    }
}
