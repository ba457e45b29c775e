package io.keywarden.kms.api.errors;

/** The grant id is not valid. */
public class InvalidGrantIdException extends KmsException {

    public InvalidGrantIdException(String message) {
        super(message);
    }
}
