package io.keywarden.kms.api.errors;

/** A key ARN is malformed. */
public class InvalidArnException extends KmsException {

    public InvalidArnException(String message) {
        super(message);
    }

    public InvalidArnException(String message, Throwable cause) {
        super(message, cause);
    }
}
