package io.keywarden.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.server.AccessKey;
import io.keywarden.server.AuthenticatedCaller;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** The authenticator alone, on requests signed by the SDK's signer and then altered. */
class SigV4AuthenticatorTest {

    static final Instant NOW = Instant.parse("2026-11-22T04:42:46Z");
    static final AccessKey KEY = new AccessKey("AKIDEXAMPLE000001", "secret-0123456789abcdef", "arn:aws:iam::111122223333:user/a");
    final SigV4Authenticator auth = new SigV4Authenticator(List.of(KEY), "us-east-1", Duration.ofMinutes(5),
            Clock.fixed(NOW, ZoneOffset.UTC));
    static final byte[] BODY = "{\"KeyId\":\"k\"}".getBytes(StandardCharsets.UTF_8);

    static ReceivedRequest signed(String keyId, String secret, String region, Instant at, byte[] body) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                .uri(URI.create("http://127.0.0.1:8080")).encodedPath("/")
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "TrentService.DescribeKey").build();
        SdkHttpRequest s = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(keyId, secret)).request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "kms")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4FamilyHttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC))).request();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        s.forEachHeader((n, v) -> headers.put(n.toLowerCase(Locale.ROOT), new ArrayList<>(v)));
        headers.putIfAbsent("host", List.of("127.0.0.1:8080"));
        return new ReceivedRequest("POST", "http", "/", null, headers, body, "127.0.0.9");
    }

    static ReceivedRequest good() {
        return signed(KEY.accessKeyId(), KEY.secretAccessKey(), "us-east-1", NOW, BODY);
    }

    static ReceivedRequest withHeader(ReceivedRequest r, String name, String value) {
        Map<String, List<String>> h = new LinkedHashMap<>(r.headers());
        h.put(name, List.of(value));
        return new ReceivedRequest(r.method(), r.scheme(), r.path(), r.rawQuery(), h, r.body(), r.remoteAddress());
    }

    private void assertRefused(ReceivedRequest r, String type) {
        assertThatThrownBy(() -> auth.authenticate(r)).isInstanceOf(AuthenticationException.class)
                .satisfies(e -> assertThat(((AuthenticationException) e).errorType()).isEqualTo(type))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY.secretAccessKey()));
    }

    @Test
    void aCorrectSignatureNamesTheCaller() {
        AuthenticatedCaller caller = auth.authenticate(good());
        assertThat(caller.principalArn()).isEqualTo(KEY.principalArn());
        assertThat(caller.sourceAddress()).isEqualTo("127.0.0.9");
    }

    /** As botocore (the AWS CLI) signs: content-type, host, x-amz-date, x-amz-target; no x-amz-content-sha256. */
    @SuppressWarnings("deprecation")
    static ReceivedRequest signedWithoutContentHash(String secret, byte[] body) {
        software.amazon.awssdk.http.SdkHttpFullRequest request = software.amazon.awssdk.http.SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST).uri(URI.create("http://127.0.0.1:8080")).encodedPath("/")
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "TrentService.DescribeKey")
                .contentStreamProvider(ContentStreamProvider.fromByteArray(body)).build();
        software.amazon.awssdk.http.SdkHttpFullRequest s = software.amazon.awssdk.auth.signer.Aws4Signer.create().sign(request,
                software.amazon.awssdk.auth.signer.params.Aws4SignerParams.builder()
                        .awsCredentials(software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(KEY.accessKeyId(), secret))
                        .signingName("kms").signingRegion(software.amazon.awssdk.regions.Region.US_EAST_1)
                        .signingClockOverride(Clock.fixed(NOW, ZoneOffset.UTC)).build());
        Map<String, List<String>> headers = new LinkedHashMap<>();
        s.forEachHeader((n, v) -> headers.put(n.toLowerCase(Locale.ROOT), new ArrayList<>(v)));
        assertThat(headers).doesNotContainKey("x-amz-content-sha256");
        return new ReceivedRequest("POST", "http", "/", null, headers, BODY, "127.0.0.9");
    }

    @Test
    void requestsThatDoNotSignTheContentHashAreVerifiedToo() {
        assertThat(auth.authenticate(signedWithoutContentHash(KEY.secretAccessKey(), BODY)).principalArn())
                .isEqualTo(KEY.principalArn());
        assertRefused(signedWithoutContentHash("another-secret-0123456789", BODY), "InvalidSignatureException");
        ReceivedRequest r = signedWithoutContentHash(KEY.secretAccessKey(), BODY);
        assertRefused(new ReceivedRequest("POST", "http", "/", null, r.headers(), "{\"KeyId\":\"y\"}".getBytes(StandardCharsets.UTF_8),
                "127.0.0.9"), "InvalidSignatureException");
    }

    @Test
    void clockSkewIsBounded() {
        assertThat(auth.authenticate(signed(KEY.accessKeyId(), KEY.secretAccessKey(), "us-east-1", NOW.minusSeconds(290), BODY)))
                .isNotNull();
        assertRefused(signed(KEY.accessKeyId(), KEY.secretAccessKey(), "us-east-1", NOW.plusSeconds(301), BODY), "InvalidSignatureException");
        assertRefused(signed(KEY.accessKeyId(), KEY.secretAccessKey(), "us-east-1", NOW.minusSeconds(301), BODY), "InvalidSignatureException");
    }

    @Test
    void scopeKeyAndBodyAreChecked() {
        assertRefused(signed(KEY.accessKeyId(), KEY.secretAccessKey(), "eu-west-1", NOW, BODY), "InvalidSignatureException");
        assertRefused(signed("AKIDUNKNOWN000001", KEY.secretAccessKey(), "us-east-1", NOW, BODY), "UnrecognizedClientException");
        ReceivedRequest r = good();
        assertRefused(new ReceivedRequest("POST", "http", "/", null, r.headers(), "{\"KeyId\":\"x\"}".getBytes(StandardCharsets.UTF_8),
                "127.0.0.9"), "InvalidSignatureException");
        assertRefused(withHeader(r, "x-amz-target", "TrentService.ScheduleKeyDeletion"), "InvalidSignatureException");
    }

    @Test
    void malformedAuthorization() {
        assertRefused(withHeader(good(), "authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE000001/20261122/us-east-1/kms/aws4_request"),
                "IncompleteSignature");
        assertRefused(withHeader(good(), "authorization", "Basic dXNlcjpwYXNz"), "IncompleteSignature");
        Map<String, List<String>> none = new LinkedHashMap<>(good().headers());
        none.remove("authorization");
        assertRefused(new ReceivedRequest("POST", "http", "/", null, none, BODY, "x"), "MissingAuthenticationTokenException");
    }
}
