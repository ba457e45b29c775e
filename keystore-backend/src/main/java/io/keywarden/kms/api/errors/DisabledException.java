package io.keywarden.kms.api.errors;

/** The key is disabled. */
public class DisabledException extends KmsException {

    public DisabledException(String message) {
        super(message);
    }

    public DisabledException(String message, Throwable cause) {
        super(message, cause);
    }
}
