package io.keywarden.conformance.wycheproof;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** eddsa_verify_schema_v1 (Ed25519): public key only, verified locally (see {@link LocalVerifyHandler}). */
public final class EddsaVerifyHandler extends LocalVerifyHandler {

    @Override
    public Set<String> schemas() {
        return Set.of("eddsa_verify_schema_v1");
    }

    @Override
    Verification verification(VectorFile file, JsonNode group) throws Exception {
        return new Verification(VectorKeys.publicKey("Ed25519", TestCase.hex(group, "publicKeyDer")), "Ed25519",
                null, null);
    }
}
