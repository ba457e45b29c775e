package io.keywarden.kms.api.errors;

/** The caller is not authorized. */
public class AccessDeniedException extends KmsException {

    public AccessDeniedException(String message) {
        super(message);
    }

    public AccessDeniedException(String message, Throwable cause) {
        super(message, cause);
    }
}
