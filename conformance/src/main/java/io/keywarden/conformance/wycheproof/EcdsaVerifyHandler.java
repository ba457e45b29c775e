package io.keywarden.conformance.wycheproof;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * ecdsa_verify_schema_v1 (DER) and ecdsa_p1363_verify_schema_v1 (r‖s): public key only, verified
 * locally (see {@link LocalVerifyHandler}); Bouncy Castle verifies curves the JDK lacks (secp256k1).
 */
public final class EcdsaVerifyHandler extends LocalVerifyHandler {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    /** The curves SunEC signs and verifies on JDK 17 (it still names secp256k1 but refuses to use it). */
    private static final Set<String> JDK_CURVES = Set.of("secp256r1", "secp384r1", "secp521r1");

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
}
