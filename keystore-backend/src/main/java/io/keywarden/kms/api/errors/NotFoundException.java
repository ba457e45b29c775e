package io.keywarden.kms.api.errors;

/** The key, alias, grant or other resource does not exist. */
public class NotFoundException extends KmsException {

    public NotFoundException(String message) {
        super(message);
    }

    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
