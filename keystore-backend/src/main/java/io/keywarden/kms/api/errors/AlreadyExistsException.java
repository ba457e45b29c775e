package io.keywarden.kms.api.errors;

/** The alias or other resource already exists. */
public class AlreadyExistsException extends KmsException {

    public AlreadyExistsException(String message) {
        super(message);
    }

    public AlreadyExistsException(String message, Throwable cause) {
        super(message, cause);
    }
}
