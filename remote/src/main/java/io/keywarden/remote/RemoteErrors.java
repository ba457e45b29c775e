package io.keywarden.remote;

import io.keywarden.kms.api.errors.AccessDeniedException;
import io.keywarden.kms.api.errors.KMSInternalException;
import io.keywarden.kms.api.errors.KmsException;
import io.keywarden.kms.api.errors.KmsUnsupportedOperationException;
import io.keywarden.kms.api.errors.ThrottlingException;
import java.lang.reflect.Constructor;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Maps the SDK's exceptions back to the API's typed KMS errors: the error code the service sent
 * (its {@code __type}) names the class in {@code io.keywarden.kms.api.errors}
 * ({@code UnsupportedOperationException} is {@link KmsUnsupportedOperationException}); authentication
 * failures become {@link AccessDeniedException}; anything else, and a service that cannot be reached,
 * is {@link KMSInternalException} naming the endpoint and the code, never a request's content.
 */
final class RemoteErrors {

    private static final Set<String> AUTHENTICATION = Set.of("UnrecognizedClientException", "InvalidSignatureException",
            "IncompleteSignature", "MissingAuthenticationTokenException", "ExpiredTokenException", "InvalidClientTokenId");

    private RemoteErrors() {
    }

    static KmsException map(SdkException e, String where) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String code = service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails().errorMessage();
            if (message == null) {
                message = code;
            }
            if (code != null) {
                if (AUTHENTICATION.contains(code)) {
                    return new AccessDeniedException(where + " refused the credentials (" + code + "): " + message);
                }
                if (code.equals("UnsupportedOperationException")) {
                    return new KmsUnsupportedOperationException(message);
                }
                if (code.equals("ThrottlingException")) {
                    return new ThrottlingException(message);
                }
                KmsException typed = byName(code, message);
                if (typed != null) {
                    return typed;
                }
            }
            return new KMSInternalException(where + " answered " + code + " (HTTP " + service.statusCode() + "): " + message);
        }
        return new KMSInternalException("cannot reach " + where + ": " + e.getMessage(), e);
    }

    /** A short account of a failure for a message: status and error code, or the client error; never a request's content. */
    static String describe(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return "HTTP " + service.statusCode() + " " + service.awsErrorDetails().errorCode();
        }
        return e.getMessage();
    }

    private static KmsException byName(String code, String message) {
        try {
            Class<?> c = Class.forName("io.keywarden.kms.api.errors." + code, false, RemoteErrors.class.getClassLoader());
            if (!KmsException.class.isAssignableFrom(c) || java.lang.reflect.Modifier.isAbstract(c.getModifiers())) {
                return null;
            }
            Constructor<?> ctor = c.getConstructor(String.class);
            return (KmsException) ctor.newInstance(message);
        } catch (ReflectiveOperationException | LinkageError ex) {
            return null;
        }
    }
}
