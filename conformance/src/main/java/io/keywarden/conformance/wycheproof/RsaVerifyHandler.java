package io.keywarden.conformance.wycheproof;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Set;

/**
 * rsassa_pkcs1_verify_schema_v1, rsassa_pss_verify_schema_v1 and
 * rsassa_pss_with_parameters_verify_schema (the key as an id-RSASSA-PSS SubjectPublicKeyInfo):
 * public key only, verified locally (see {@link LocalVerifyHandler}).
 */
public final class RsaVerifyHandler extends LocalVerifyHandler {

    @Override
    public Set<String> schemas() {
        return Set.of("rsassa_pkcs1_verify_schema_v1", "rsassa_pss_verify_schema_v1",
                "rsassa_pss_with_parameters_verify_schema");
    }

    @Override
    Verification verification(VectorFile file, JsonNode group) throws Exception {
        byte[] der = TestCase.hex(group, "publicKeyDer");
        String sha = group.path("sha").asText();
        if (file.schema().startsWith("rsassa_pkcs1")) {
            return new Verification(VectorKeys.publicKey("RSA", der), Specs.jcaDigest(sha) + "withRSA", null, null);
        }
        PSSParameterSpec pss = new PSSParameterSpec(sha, "MGF1", new MGF1ParameterSpec(group.path("mgfSha").asText()),
                group.path("sLen").asInt(), 1);
        String keyAlgorithm = file.schema().startsWith("rsassa_pss_with_parameters") ? "RSASSA-PSS" : "RSA";
        return new Verification(VectorKeys.publicKey(keyAlgorithm, der), "RSASSA-PSS", pss, null);
    }
}
