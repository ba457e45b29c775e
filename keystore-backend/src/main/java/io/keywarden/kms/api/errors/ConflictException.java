package io.keywarden.kms.api.errors;

/** A conflicting operation is in progress. */
public class ConflictException extends KmsException {

    public ConflictException(String message) {
        super(message);
    }

    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
