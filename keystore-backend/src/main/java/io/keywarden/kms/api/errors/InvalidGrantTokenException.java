package io.keywarden.kms.api.errors;

/** The grant token is not valid. */
public class InvalidGrantTokenException extends KmsException {

    public InvalidGrantTokenException(String message) {
        super(message);
    }
}
