package io.keywarden.kms.api.errors;

/** A request member fails its constraints. */
public class ValidationException extends KmsException {

    public ValidationException(String message) {
        super(message);
    }

    public ValidationException(String message, Throwable cause) {
        super(message, cause);
    }
}
