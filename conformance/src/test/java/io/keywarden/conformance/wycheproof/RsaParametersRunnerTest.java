package io.keywarden.conformance.wycheproof;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner on small synthetic RSA files with parameters other than AWS KMS's: PSS with SHA-1 and
 * salt 0, PKCS#1 v1.5 signing with SHA-224, OAEP with SHA-512/MGF1-SHA-1 and a label. Every case runs
 * on a managed key (none is not applicable); valid ones pass and invalid ones are rejected.
 */
class RsaParametersRunnerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path dir;

    @Test
    void rsaVectorsWithOtherParametersRunOnManagedKeys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair kp = g.generateKeyPair();
        byte[] msg = "a message".getBytes(StandardCharsets.UTF_8);

        Signature pss = Signature.getInstance("RSASSA-PSS");
        pss.setParameter(new PSSParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1, 0, 1));
        pss.initSign(kp.getPrivate());
        pss.update(msg);
        byte[] pssSig = pss.sign();
        ObjectNode pssFile = file("rsassa_pss_verify_schema_v1.json", "RSASSA-PSS");
        ObjectNode pg = group(pssFile);
        pg.put("publicKeyDer", HEX.formatHex(kp.getPublic().getEncoded()));
        pg.put("sha", "SHA-1").put("mgf", "MGF1").put("mgfSha", "SHA-1").put("sLen", 0);
        test(pg, 1, "valid").put("msg", HEX.formatHex(msg)).put("sig", HEX.formatHex(pssSig));
        test(pg, 2, "invalid").put("msg", HEX.formatHex("another".getBytes(StandardCharsets.UTF_8)))
                .put("sig", HEX.formatHex(pssSig));
        write(pssFile, "rsa_pss_2048_sha1_mgf1_0_test.json");

        Signature pkcs1 = Signature.getInstance("SHA224withRSA");
        pkcs1.initSign(kp.getPrivate());
        pkcs1.update(msg);
        ObjectNode genFile = file("rsassa_pkcs1_generate_schema_v1.json", "RSASSA-PKCS1-v1_5");
        ObjectNode gg = group(genFile);
        gg.put("keySize", 2048).put("sha", "SHA-224");
        gg.put("privateKeyPkcs8", HEX.formatHex(kp.getPrivate().getEncoded()));
        test(gg, 1, "valid").put("msg", HEX.formatHex(msg)).put("sig", HEX.formatHex(pkcs1.sign()));
        write(genFile, "rsa_pkcs1_2048_sha224_sig_gen_test.json");

        byte[] label = {1, 2, 3, 4};
        OAEPParameterSpec oaep = new OAEPParameterSpec("SHA-512", "MGF1", MGF1ParameterSpec.SHA1,
                new PSource.PSpecified(label));
        Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding");
        c.init(Cipher.ENCRYPT_MODE, kp.getPublic(), oaep);
        byte[] ct = c.doFinal(msg);
        ObjectNode oaepFile = file("rsaes_oaep_decrypt_schema_v1.json", "RSAES-OAEP");
        ObjectNode og = group(oaepFile);
        og.put("keySize", 2048).put("sha", "SHA-512").put("mgf", "MGF1").put("mgfSha", "SHA-1");
        og.put("privateKeyPkcs8", HEX.formatHex(kp.getPrivate().getEncoded()));
        test(og, 1, "valid").put("msg", HEX.formatHex(msg)).put("ct", HEX.formatHex(ct)).put("label", HEX.formatHex(label));
        test(og, 2, "invalid").put("msg", HEX.formatHex(msg)).put("ct", HEX.formatHex(ct)).put("label", "05");
        write(oaepFile, "rsa_oaep_2048_sha512_mgf1sha1_test.json");

        Report report = WycheproofRunner.run(dir);

        assertThat(report.failed()).as(report.totalLine()).isFalse();
        assertThat(report.total(CaseOutcome.Status.NOT_APPLICABLE)).isZero();
        assertThat(report.total(CaseOutcome.Status.PASSED)).isEqualTo(5);
        assertThat(report.files()).allSatisfy(f -> assertThat(f.count(CaseOutcome.Status.PASSED)).isPositive());
    }

    private void write(ObjectNode file, String name) throws Exception {
        JSON.writeValue(dir.resolve(name).toFile(), file);
    }

    private static ObjectNode file(String schema, String algorithm) {
        ObjectNode root = JSON.createObjectNode();
        root.put("algorithm", algorithm);
        root.put("schema", schema);
        root.putArray("testGroups");
        return root;
    }

    private static ObjectNode group(ObjectNode file) {
        return ((ArrayNode) file.get("testGroups")).addObject();
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
