package io.keywarden.conformance.wycheproof;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner on small synthetic vector files: ECDSA with a hash other than the curve's KMS one runs
 * on the managed key (valid accepted, invalid rejected), and a file of an unsupported schema counts
 * every case as UNSUPPORTED_SCHEMA without failing.
 */
class RunnerAccountingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path dir;

    @Test
    void ecdsaWithAnotherHashRunsAndUnsupportedSchemasAreCounted() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair kp = g.generateKeyPair();
        byte[] msg = "a message".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Signature s = Signature.getInstance("SHA512withECDSA");
        s.initSign(kp.getPrivate());
        s.update(msg);
        byte[] sig = s.sign();
        byte[] wrongMsg = msg.clone();
        wrongMsg[0] ^= 1;

        ObjectNode ecdsa = file("ecdsa_verify_schema_v1.json", "ECDSA", 2);
        ObjectNode group = ((ArrayNode) ecdsa.get("testGroups")).addObject();
        group.put("publicKeyDer", HEX.formatHex(kp.getPublic().getEncoded()));
        group.putObject("publicKey").put("curve", "secp256r1");
        group.put("sha", "SHA-512");
        test(group, 1, "valid").put("msg", HEX.formatHex(msg)).put("sig", HEX.formatHex(sig));
        test(group, 2, "invalid").put("msg", HEX.formatHex(wrongMsg)).put("sig", HEX.formatHex(sig));
        JSON.writeValue(dir.resolve("ecdsa_secp256r1_sha512_test.json").toFile(), ecdsa);

        ObjectNode hkdf = file("hkdf_test_schema_v1.json", "HKDF-SHA-256", 3);
        ObjectNode hg = ((ArrayNode) hkdf.get("testGroups")).addObject();
        for (int i = 1; i <= 3; i++) {
            test(hg, i, "valid");
        }
        JSON.writeValue(dir.resolve("hkdf_sha256_test.json").toFile(), hkdf);

        Report report = WycheproofRunner.run(dir);

        assertThat(report.failed()).isFalse();
        assertThat(report.files()).hasSize(2);
        FileReport e = report.files().get(0);
        assertThat(e.file()).isEqualTo("ecdsa_secp256r1_sha512_test.json");
        assertThat(e.count(CaseOutcome.Status.PASSED)).isEqualTo(2);
        assertThat(e.count(CaseOutcome.Status.NOT_APPLICABLE)).isZero();
        FileReport h = report.files().get(1);
        assertThat(h.supported()).isFalse();
        assertThat(h.failed()).isFalse();
        assertThat(h.notApplicableByReason()).isEqualTo(Map.of(NotApplicable.UNSUPPORTED_SCHEMA, 3L));
        assertThat(report.notApplicableByReason()).isEqualTo(Map.of(NotApplicable.UNSUPPORTED_SCHEMA, 3L));
        assertThat(report.run()).isEqualTo(5);

        Path json = dir.resolve("out/report.json");
        report.writeJson(json);
        var root = JSON.readTree(json.toFile());
        assertThat(root.path("totals").path("notApplicableByReason").path("UNSUPPORTED_SCHEMA").asInt()).isEqualTo(3);
        assertThat(root.path("files").get(1).path("status").asText()).isEqualTo("unsupported schema");
        assertThat(root.path("files").get(1).path("cases")).hasSize(3);
    }

    private static ObjectNode file(String schema, String algorithm, int tests) {
        ObjectNode root = JSON.createObjectNode();
        root.put("algorithm", algorithm);
        root.put("schema", schema);
        root.put("numberOfTests", tests);
        root.putArray("testGroups");
        return root;
    }

    private static ObjectNode test(ObjectNode group, int tcId, String result) {
        ArrayNode tests = group.has("tests") ? (ArrayNode) group.get("tests") : group.putArray("tests");
        ObjectNode t = tests.addObject();
        t.put("tcId", tcId);
        t.put("result", result);
        t.putArray("flags");
        return t;
    }
}
