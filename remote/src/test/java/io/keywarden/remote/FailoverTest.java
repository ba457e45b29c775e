package io.keywarden.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.errors.KMSInternalException;
import io.keywarden.kms.api.errors.NotFoundException;
import io.keywarden.kms.api.errors.ThrottlingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Failover's decisions, on endpoints whose "clients" are names and a fake clock and sleeper. */
class FailoverTest {

    static final String A = "https://a:8443";
    static final String B = "https://b:8443";

    /** System.nanoTime may be negative: the fake clock is. */
    final AtomicLong now = new AtomicLong(-5_000_000_000L);
    final List<Duration> sleeps = new ArrayList<>();
    final List<String> calls = new ArrayList<>();

    Failover<String> failover(int maxAttempts, boolean retryNonIdempotent) {
        return new Failover<>(List.of(new Failover.Endpoint<>(A, A), new Failover.Endpoint<>(B, B)), maxAttempts,
                Duration.ofSeconds(30), retryNonIdempotent, now::get, sleeps::add);
    }

    /** A call that records the endpoint and fails with {@code failure} on {@code failing}, else answers "ok". */
    Function<String, String> call(String failing, SdkException failure) {
        return endpoint -> {
            calls.add(endpoint);
            if (failing == null || failing.equals(endpoint)) {
                throw failure;
            }
            return "ok from " + endpoint;
        };
    }

    static SdkException refused() {
        return SdkClientException.builder().message("Unable to execute HTTP request: Connection refused")
                .cause(new ConnectException("Connection refused")).build();
    }

    static SdkException readTimeout() {
        return SdkClientException.builder().message("Unable to execute HTTP request: Read timed out")
                .cause(new SocketTimeoutException("Read timed out")).build();
    }

    static SdkException service(int status, String code) {
        return AwsServiceException.builder().statusCode(status).message(code)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("from the server").build())
                .build();
    }

    @Test
    void anUnreachableEndpointFailsOverAtOnceAndCoolsDown() {
        Failover<String> f = failover(4, true);
        assertThat(f.call("encrypt", call(A, refused()))).isEqualTo("ok from " + B);
        assertThat(calls).containsExactly(A, B);
        assertThat(sleeps).as("moving to an endpoint not yet tried does not wait").isEmpty();
        assertThat(f.coolingDown(0)).isTrue();
        assertThat(f.coolingDown(1)).isFalse();

        calls.clear();
        Function<String, String> answer = e -> {
            calls.add(e);
            return e;
        };
        assertThat(f.call("encrypt", answer)).isEqualTo(B);
        assertThat(calls).as("the failed endpoint is passed over, the one that answered stays preferred")
                .containsExactly(B);

        now.addAndGet(Duration.ofSeconds(31).toNanos());
        assertThat(f.coolingDown(0)).as("the cool-down is over").isFalse();
        calls.clear();
        assertThat(f.call("encrypt", call(B, service(503, "ServiceUnavailable")))).isEqualTo("ok from " + A);
        assertThat(calls).containsExactly(B, A);
    }

    @Test
    void clientErrorsAreFinalAndTyped() {
        Failover<String> f = failover(4, true);
        assertThatThrownBy(() -> f.call("decrypt", call(A, service(400, "NotFoundException"))))
                .isInstanceOf(NotFoundException.class).hasMessage("from the server");
        assertThat(calls).containsExactly(A);
        assertThat(f.coolingDown(0)).isFalse();
    }

    @Test
    void faultsEverywhereStopAtMaxAttemptsNamingEveryEndpoint() {
        Failover<String> f = failover(5, true);
        assertThatThrownBy(() -> f.call("encrypt", call(null, service(500, "KMSInternalException"))))
                .isInstanceOf(KMSInternalException.class)
                .hasMessageContaining("encrypt failed on every endpoint tried [" + A + ", " + B + "] after 5 attempts")
                .hasMessageContaining(A + ": HTTP 500 KMSInternalException");
        assertThat(calls).containsExactly(A, B, A, B, A);
        assertThat(sleeps).as("the first move to B is immediate, the returns back off").hasSize(3)
                .allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Failover.MAX_DELAY));
        assertThat(sleeps.get(0)).isLessThanOrEqualTo(Failover.BASE_DELAY.multipliedBy(4));
    }

    @Test
    void throttlingIsRetriedWithBackoffWithoutFailingTheEndpoint() {
        Failover<String> f = failover(3, true);
        assertThatThrownBy(() -> f.call("encrypt", call(null, service(400, "ThrottlingException"))))
                .isInstanceOf(ThrottlingException.class);
        assertThat(calls).containsExactly(A, A, A);
        assertThat(sleeps).hasSize(2);
        assertThat(f.coolingDown(0)).isFalse();
    }

    @Test
    void aNonIdempotentWriteThatMayHaveAppliedIsNotRetriedWhenSoConfigured() {
        Failover<String> f = failover(4, false);
        assertThatThrownBy(() -> f.call("createKey", call(A, readTimeout())))
                .isInstanceOf(KMSInternalException.class)
                .hasMessageContaining("not retried: createKey is not idempotent")
                .hasMessageContaining(A);
        assertThat(calls).containsExactly(A);

        calls.clear();
        assertThat(f.call("createKey", call(B, refused()))).as("a refused connection never carried the request")
                .isEqualTo("ok from " + A);
        assertThat(calls).containsExactly(B, A);

        calls.clear();
        assertThat(f.call("encrypt", call(A, readTimeout()))).as("idempotent operations are retried")
                .isEqualTo("ok from " + B);
    }

    @Test
    void byDefaultNonIdempotentWritesAreRetriedAsTheAwsSdksDo() {
        Failover<String> f = failover(4, true);
        assertThat(f.call("createKey", call(A, readTimeout()))).isEqualTo("ok from " + B);
        assertThat(calls).containsExactly(A, B);
        assertThatThrownBy(() -> f.call("createKey", call(null, readTimeout())))
                .isInstanceOf(KMSInternalException.class).hasMessageContaining("after 4 attempts")
                .hasMessageNotContaining("not retried");
    }

    @Test
    void failuresAreClassified() {
        assertThat(RemoteErrors.describe(service(500, "KMSInternalException"))).isEqualTo("HTTP 500 KMSInternalException");
        assertThat(FailureKind.of(refused())).isEqualTo(FailureKind.UNREACHABLE);
        assertThat(FailureKind.of(readTimeout())).isEqualTo(FailureKind.FAULT);
        assertThat(FailureKind.of(service(408, "RequestTimeoutException"))).isEqualTo(FailureKind.FAULT);
        assertThat(FailureKind.of(service(400, "ValidationException"))).isEqualTo(FailureKind.FINAL);
        assertThat(FailureKind.of(SdkClientException.create("Unable to marshall request"))).isEqualTo(FailureKind.FINAL);
    }
}
