package io.keywarden.conformance.wycheproof;

import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.conformance.ManagedKeys;
import io.keywarden.kms.api.KeySpec;
import java.util.Set;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * ecdsa_verify_schema_v1 (DER) and ecdsa_p1363_verify_schema_v1 (r‖s): the public key is imported as
 * a verify-only key of the curve's ECC_* spec (a Keywarden extension) and verified in the backend
 * through {@code <hash>withECDSA[inP1363Format]} on the handle, for any SHA-2/SHA-3 hash (the
 * provider hashes locally and sends the hash fitted to the curve's one KMS algorithm); locally, the JDK verifies, and Bouncy Castle for curves the JDK lacks
 * (secp256k1). See {@link LocalVerifyHandler}.
 */
public final class EcdsaVerifyHandler extends LocalVerifyHandler {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    /** The curves SunEC signs and verifies on JDK 17 (it still names secp256k1 but refuses to use it). */
    private static final Set<String> JDK_CURVES = Set.of("secp256r1", "secp384r1", "secp521r1");
    /**
     * The hashes of Keywarden's {@code <hash>withECDSA} services on every curve's handle (the hash is
     * fitted to the curve's KMS digest, see the provider's EcdsaSignature); SHA-512/t has no service.
     */
    private static final Set<String> PROVIDER_HASHES = Set.of("SHA-224", "SHA-256", "SHA-384", "SHA-512",
            "SHA3-224", "SHA3-256", "SHA3-384", "SHA3-512");

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
        if (!PROVIDER_HASHES.contains(sha)) {
            return Managed.notApplicable(NotApplicable.HASH);
        }
        boolean p1363 = file.schema().startsWith("ecdsa_p1363");
        return Managed.of(spec, TestCase.hex(group, "publicKeyDer"),
                Specs.jcaDigest(sha) + "withECDSA" + (p1363 ? "inP1363Format" : ""));
    }
}
