package io.keywarden.remote;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** What a failed remote call means for retrying it ({@link Failover}). */
enum FailureKind {

    /** A client error (HTTP 4xx other than throttling) or a local fault: the answer, not retried. */
    FINAL,
    /** The service throttled the request: retried after a backoff; the endpoint is healthy. */
    THROTTLED,
    /** No connection was made (refused, unknown host, no route): the request never left, safe to retry anywhere. */
    UNREACHABLE,
    /** A timeout, an I/O error after connecting, or a 5xx fault: the request may have been applied. */
    FAULT;

    /** Server error codes that mean the request was not processed though the status is 4xx. */
    private static final Set<String> NOT_PROCESSED = Set.of("RequestTimeoutException", "RequestTimeout");

    static FailureKind of(SdkException e) {
        if (e instanceof AwsServiceException s) {
            String code = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
            if (s.isThrottlingException() || "ThrottlingException".equals(code)) {
                return THROTTLED;
            }
            if (s.statusCode() >= 500 || NOT_PROCESSED.contains(code)) {
                return FAULT;
            }
            return FINAL;
        }
        if (e instanceof ApiCallAttemptTimeoutException || e instanceof ApiCallTimeoutException) {
            return FAULT;
        }
        if (e instanceof SdkClientException) {
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof ConnectException || c instanceof UnknownHostException
                        || c instanceof NoRouteToHostException) {
                    return UNREACHABLE;
                }
                if (c instanceof IOException) {
                    return FAULT;
                }
            }
        }
        return FINAL;
    }
}
