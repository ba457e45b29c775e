package io.keywarden.kms.api.errors;

/**
 * A failure of a KMS operation. Each subclass is one AWS KMS error type; {@link #errorType()} is
 * its wire name ({@code __type}). Messages follow AWS KMS's and never contain key material or
 * plaintext.
 */
public abstract class KmsException extends RuntimeException {

    protected KmsException(String message) {
        super(message);
    }

    protected KmsException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The AWS KMS error type, for example {@code NotFoundException}. */
    public String errorType() {
        return getClass().getSimpleName();
    }

    /** The HTTP status AWS KMS answers this error with: 400 for client errors, 5xx for faults. */
    public int httpStatus() {
        return 400;
    }
}
