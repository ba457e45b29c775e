package io.keywarden.conformance.wycheproof;

import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.conformance.ManagedKeys;
import io.keywarden.kms.api.KeySpec;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * ecdsa_verify_schema_v1 (DER) and ecdsa_p1363_verify_schema_v1 (r‖s): the public key is imported as
 * a verify-only key of the curve's ECC_* spec (a Keywarden extension) and verified in the backend
 * with the spec's one hash; locally, the JDK verifies, and Bouncy Castle for curves the JDK lacks
 * (secp256k1). See {@link LocalVerifyHandler}.
 */
public final class EcdsaVerifyHandler extends LocalVerifyHandler {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    /** The curves SunEC signs and verifies on JDK 17 (it still names secp256k1 but refuses to use it). */
    private static final Set<String> JDK_CURVES = Set.of("secp256r1", "secp384r1", "secp521r1");
    /** The one hash AWS KMS's ECDSA uses per key spec. */
    private static final Map<KeySpec, String> KMS_HASH = Map.of(KeySpec.ECC_NIST_P256, "SHA-256",
            KeySpec.ECC_NIST_P384, "SHA-384", KeySpec.ECC_NIST_P521, "SHA-512", KeySpec.ECC_SECG_P256K1, "SHA-256");

    /** A handler importing into {@code keys}. */
    public EcdsaVerifyHandler(ManagedKeys keys) {
        super(keys);
    }

    @Override
    public Set<String> schemas() {
        return Set.of("ecdsa_verify_schema_v1", "ecdsa_p1363_verify_schema_v1");
    }

    @Override
    Verification verification(VectorFile file, JsonNode group) throws Exception {
        boolean p1363 = file.schema().startsWith("ecdsa_p1363");
        String curve = group.path("publicKey").path("curve").asText();
        String hash = Specs.jcaDigest(group.path("sha").asText());
        boolean jdk = JDK_CURVES.contains(curve);
        var key = VectorKeys.publicKey("EC", TestCase.hex(group, "publicKeyDer"));
        if (jdk) {
            return new Verification(key, hash + "withECDSA" + (p1363 ? "inP1363Format" : ""), null, null);
        }
        return new Verification(key, hash + (p1363 ? "withPLAIN-ECDSA" : "withECDSA"), null, BC);
    }

    @Override
    Managed managed(VectorFile file, JsonNode group, Verification local) {
        KeySpec spec = Specs.ecdsaCurve(group.path("publicKey").path("curve").asText());
        String sha = group.path("sha").asText();
        if (spec == null) {
            return Managed.notApplicable(NotApplicable.CURVE);
        }
        if (!KMS_HASH.get(spec).equals(sha)) {
            return Managed.notApplicable(NotApplicable.HASH);
        }
        boolean p1363 = file.schema().startsWith("ecdsa_p1363");
        return Managed.of(spec, TestCase.hex(group, "publicKeyDer"),
                Specs.jcaDigest(sha) + "withECDSA" + (p1363 ? "inP1363Format" : ""));
    }
}
