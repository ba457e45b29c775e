package io.keywarden.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON 1.1 protocol and SigV4 checks at the HTTP level, where the SDK cannot go. */
class ProtocolTest {

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

    private static JsonNode body(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    private static void assertError(HttpResponse<String> r, int status, String type) throws Exception {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
        assertThat(body(r).get("__type").asText()).isEqualTo(type);
        assertThat(body(r).get("message").asText()).isNotBlank();
    }

    @Test
    void successHasRequestIdPascalCaseAndEpochSeconds() throws Exception {
        HttpResponse<String> r = raw.call("CreateKey", "{\"Description\":\"raw\",\"SomethingNew\":{\"x\":1}}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("x-amzn-RequestId")).isPresent();
        JsonNode md = body(r).get("KeyMetadata");
        assertThat(md.get("AWSAccountId").asText()).isEqualTo("111122223333");
        assertThat(md.get("CreationDate").isNumber()).isTrue();
        assertThat(md.get("CreationDate").asDouble()).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60.0));
        assertThat(md.has("DeletionDate")).isFalse();

        HttpResponse<String> noOutput = raw.call("EnableKey", "{\"KeyId\":\"" + md.get("KeyId").asText() + "\"}");
        assertThat(noOutput.statusCode()).isEqualTo(200);
        assertThat(noOutput.body()).isEqualTo("{}");
    }

    @Test
    void emptyBodyIsEmptyInput() throws Exception {
        assertThat(raw.call("ListKeys", "").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownTargetIsUnknownOperation() throws Exception {
        assertError(raw.call("LaunchRockets", "{}"), 400, "UnknownOperationException");
    }

    @Test
    void malformedJsonAndWrongTypes() throws Exception {
        assertError(raw.call("ListKeys", "{not json"), 400, "SerializationException");
        HttpResponse<String> r = raw.call("CreateKey", "{\"KeySpec\":\"NO_SUCH_SPEC\"}");
        assertError(r, 400, "ValidationException");
        assertThat(body(r).get("message").asText()).contains("KeySpec").doesNotContain("NO_SUCH_SPEC");
        HttpResponse<String> blob = raw.call("Decrypt", "{\"CiphertextBlob\":\"s3cr3t plaintext!!\"}");
        assertError(blob, 400, "ValidationException");
        assertThat(blob.body()).doesNotContain("s3cr3t");
    }

    @Test
    void engineErrorsKeepTheirTypeAndStatus() throws Exception {
        HttpResponse<String> r = raw.call("DescribeKey", "{\"KeyId\":\"alias/none\"}");
        assertError(r, 400, "NotFoundException");
        assertThat(r.headers().firstValue("X-Amzn-ErrorType")).hasValue("NotFoundException");
    }

    @Test
    void bodyIsBounded() throws Exception {
        String big = "{\"Description\":\"" + "x".repeat((1 << 20) + 10) + "\"}";
        HttpResponse<String> tooLarge = raw.call("CreateKey", big);
        assertError(tooLarge, 413, "ValidationException");
        // the unread body stays behind on the connection: the server must not let a client reuse it
        assertThat(tooLarge.headers().firstValue("Connection")).hasValue("close");
    }

    @Test
    void authenticationFailures() throws Exception {
        assertError(raw.unsigned("ListKeys", "{}"), 403, "MissingAuthenticationTokenException");
        assertError(raw.call("ListKeys", "{}", Instant.now(), "wrong-secret-0123456789", null), 400, "InvalidSignatureException");
        HttpResponse<String> expired = raw.call("ListKeys", "{}", Instant.now().minusSeconds(600), TestServer.SECRET, null);
        assertError(expired, 400, "InvalidSignatureException");
        assertThat(body(expired).get("message").asText()).startsWith("Signature expired");
        assertError(raw.call("ListKeys", "{}", Instant.now(), TestServer.SECRET, "{\"Limit\":1}"), 400, "InvalidSignatureException");
    }

    @Test
    void healthReadinessMetrics() throws Exception {
        HttpResponse<String> health = raw.get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(raw.get("/ready").statusCode()).isEqualTo(200);
        raw.call("ListKeys", "{}");
        HttpResponse<String> metrics = raw.get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
        assertThat(metrics.body())
                .contains("# TYPE keywarden_requests_total counter")
                .contains("keywarden_requests_total{operation=\"ListKeys\",outcome=\"ok\"}")
                .contains("keywarden_request_duration_seconds_bucket{operation=\"ListKeys\",outcome=\"ok\",le=\"+Inf\"}");
        assertError(raw.get("/nothing"), 404, "UnknownOperationException");
    }
}
