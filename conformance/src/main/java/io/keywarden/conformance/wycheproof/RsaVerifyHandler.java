package io.keywarden.conformance.wycheproof;

import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.conformance.ManagedKeys;
import io.keywarden.kms.api.KeySpec;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Set;

/**
 * rsassa_pkcs1_verify_schema_v1, rsassa_pss_verify_schema_v1 and
 * rsassa_pss_with_parameters_verify_schema (the key as an id-RSASSA-PSS SubjectPublicKeyInfo): the
 * public key is imported, re-encoded as rsaEncryption, as a verify-only RSA_2048/3072/4096 key (a
 * Keywarden extension) and verified in the backend with {@code SHA*withRSA} or {@code RSASSA-PSS}
 * with the vector's {@link PSSParameterSpec} (parameters other than AWS KMS's go through the
 * KeywardenRsaParameters extension); and locally with the same parameters. See
 * {@link LocalVerifyHandler}.
 */
public final class RsaVerifyHandler extends LocalVerifyHandler {

    /** A handler importing into {@code keys}. */
    public RsaVerifyHandler(ManagedKeys keys) {
        super(keys);
    }

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

    @Override
    Managed managed(VectorFile file, JsonNode group, Verification local) throws Exception {
        RSAPublicKey key = (RSAPublicKey) local.key();
        KeySpec spec = Specs.rsa(key.getModulus().bitLength());
        String sha = group.path("sha").asText();
        if (spec == null) {
            return Managed.notApplicable(NotApplicable.RSA_KEY_SIZE);
        }
        if (!Specs.rsaHash(sha) || (file.schema().startsWith("rsassa_pss") && !Specs.rsaHash(group.path("mgfSha").asText()))) {
            return Managed.notApplicable(NotApplicable.HASH);
        }
        byte[] der = KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent())).getEncoded();
        if (file.schema().startsWith("rsassa_pkcs1")) {
            return Managed.of(spec, der, Specs.jcaDigest(sha) + "withRSA");
        }
        // AWS KMS's PSS parameters go as RSASSA_PSS_SHA_*, any others through KeywardenRsaParameters.
        return Managed.of(spec, der, "RSASSA-PSS", local.params());
    }
}
