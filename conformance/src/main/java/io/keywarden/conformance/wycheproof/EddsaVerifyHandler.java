package io.keywarden.conformance.wycheproof;

import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.conformance.ManagedKeys;
import io.keywarden.kms.api.KeySpec;
import java.util.Set;

/**
 * eddsa_verify_schema_v1 (Ed25519): the public key is imported as a verify-only
 * ECC_NIST_EDWARDS25519 key (a Keywarden extension) and verified in the backend (pure Ed25519 sends
 * the RAW message, so a message outside 1..4096 bytes is not applicable); locally with the JDK. See
 * {@link LocalVerifyHandler}.
 */
public final class EddsaVerifyHandler extends LocalVerifyHandler {

    /** A handler importing into {@code keys}. */
    public EddsaVerifyHandler(ManagedKeys keys) {
        super(keys);
    }

    @Override
    public Set<String> schemas() {
        return Set.of("eddsa_verify_schema_v1");
    }

    @Override
    Verification verification(VectorFile file, JsonNode group) throws Exception {
        return new Verification(VectorKeys.publicKey("Ed25519", TestCase.hex(group, "publicKeyDer")), "Ed25519",
                null, null);
    }

    @Override
    Managed managed(VectorFile file, JsonNode group, Verification local) {
        return Managed.of(KeySpec.ECC_NIST_EDWARDS25519, TestCase.hex(group, "publicKeyDer"), "Ed25519");
    }

    @Override
    NotApplicable caseReason(TestCase tc) {
        int n = tc.hex("msg").length;
        return n < 1 || n > 4096 ? NotApplicable.MESSAGE_LENGTH : null;
    }
}
