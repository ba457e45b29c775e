package io.keywarden.kms.api.errors;

/** The key's state does not allow the operation. */
public class KMSInvalidStateException extends KmsException {

    public KMSInvalidStateException(String message) {
        super(message);
    }

    public KMSInvalidStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
