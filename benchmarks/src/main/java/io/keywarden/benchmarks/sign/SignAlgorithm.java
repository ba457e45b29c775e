package io.keywarden.benchmarks.sign;

import io.keywarden.kms.api.KeySpec;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Map;

/**
 * A signature algorithm as each implementation spells it: the managed key spec, the JCA key-pair
 * generator, the signature names (Bouncy Castle names RSA-PSS with SHA-256/MGF1-SHA-256/32-byte salt
 * {@code SHA256withRSAandMGF1}) and their parameters.
 */
public record SignAlgorithm(KeySpec keySpec, String keyAlgorithm, AlgorithmParameterSpec keyGenSpec,
                            String jcaName, String bcName, AlgorithmParameterSpec signatureParameters,
                            String jdkProvider) {

    public static final Map<String, SignAlgorithm> TABLE = Map.of(
            "ecdsa-p256", new SignAlgorithm(KeySpec.ECC_NIST_P256, "EC", new ECGenParameterSpec("secp256r1"),
                    "SHA256withECDSA", "SHA256withECDSA", null, "SunEC"),
            "rsa-pss-2048", new SignAlgorithm(KeySpec.RSA_2048, "RSA",
                    new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4), "RSASSA-PSS", "SHA256withRSAandMGF1",
                    new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1), "SunRsaSign"));

    public static SignAlgorithm named(String name) {
        SignAlgorithm a = TABLE.get(name);
        if (a == null) {
            throw new IllegalArgumentException("unknown signature algorithm " + name + "; known: " + TABLE.keySet());
        }
        return a;
    }
}
