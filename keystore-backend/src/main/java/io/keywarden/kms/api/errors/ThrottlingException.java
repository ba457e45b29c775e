package io.keywarden.kms.api.errors;

/** The request rate is over the quota; retry with backoff. */
public class ThrottlingException extends KmsException {

    public ThrottlingException(String message) {
        super(message);
    }

    public ThrottlingException(String message, Throwable cause) {
        super(message, cause);
    }
}
