package io.keywarden.kms.api.errors;

/** An internal failure of the service (for example a store that cannot be read). */
public class KMSInternalException extends KmsException {

    public KMSInternalException(String message) {
        super(message);
    }

    public KMSInternalException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int httpStatus() {
        return 500;
    }
}
