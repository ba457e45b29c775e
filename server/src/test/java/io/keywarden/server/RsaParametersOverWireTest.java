package io.keywarden.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The KeywardenRsaParameters request member reaches the engine through the JSON 1.1 protocol. */
class RsaParametersOverWireTest {

    @TempDir
    static Path dir;
    static TestServer server;
    static RawClient raw;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        server = TestServer.plaintext(dir);
        raw = new RawClient(server.endpoint());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode ok(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void pssWithSha1AndNoSaltIsSignedAsAsked() throws Exception {
        String keyId = ok(raw.call("CreateKey", "{\"KeySpec\":\"RSA_2048\",\"KeyUsage\":\"SIGN_VERIFY\"}"))
                .get("KeyMetadata").get("KeyId").asText();
        byte[] message = "over the wire".getBytes(StandardCharsets.UTF_8);
        String b64 = Base64.getEncoder().encodeToString(message);
        String params = "\"KeywardenRsaParameters\":{\"Hash\":\"SHA-1\",\"MgfHash\":\"SHA-1\",\"SaltLength\":0}";
        JsonNode signed = ok(raw.call("Sign", "{\"KeyId\":\"" + keyId + "\",\"Message\":\"" + b64
                + "\",\"SigningAlgorithm\":\"RSASSA_PSS_SHA_256\"," + params + "}"));
        assertThat(signed.get("SigningAlgorithm").asText()).isEqualTo("RSASSA_PSS_SHA_256");
        byte[] signature = Base64.getDecoder().decode(signed.get("Signature").asText());

        PublicKey pub = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                .decode(ok(raw.call("GetPublicKey", "{\"KeyId\":\"" + keyId + "\"}")).get("PublicKey").asText())));
        Signature jdk = Signature.getInstance("RSASSA-PSS");
        jdk.setParameter(new PSSParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1, 0, 1));
        jdk.initVerify(pub);
        jdk.update(message);
        assertThat(jdk.verify(signature)).isTrue();

        String sig64 = signed.get("Signature").asText();
        ok(raw.call("Verify", "{\"KeyId\":\"" + keyId + "\",\"Message\":\"" + b64 + "\",\"Signature\":\"" + sig64
                + "\",\"SigningAlgorithm\":\"RSASSA_PSS_SHA_384\"," + params + "}"));
        HttpResponse<String> plain = raw.call("Verify", "{\"KeyId\":\"" + keyId + "\",\"Message\":\"" + b64
                + "\",\"Signature\":\"" + sig64 + "\",\"SigningAlgorithm\":\"RSASSA_PSS_SHA_256\"}");
        assertThat(plain.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(plain.body()).get("__type").asText()).isEqualTo("KMSInvalidSignatureException");

        HttpResponse<String> bad = raw.call("Sign", "{\"KeyId\":\"" + keyId + "\",\"Message\":\"" + b64
                + "\",\"SigningAlgorithm\":\"ECDSA_SHA_256\"," + params + "}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("__type").asText()).isEqualTo("ValidationException");
    }
}
