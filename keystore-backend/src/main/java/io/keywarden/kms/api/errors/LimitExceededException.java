package io.keywarden.kms.api.errors;

/** A resource quota would be exceeded. */
public class LimitExceededException extends KmsException {

    public LimitExceededException(String message) {
        super(message);
    }

    public LimitExceededException(String message, Throwable cause) {
        super(message, cause);
    }
}
