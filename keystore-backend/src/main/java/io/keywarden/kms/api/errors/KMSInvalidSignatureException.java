package io.keywarden.kms.api.errors;

/** Verify: the signature is not valid. */
public class KMSInvalidSignatureException extends KmsException {

    public KMSInvalidSignatureException(String message) {
        super(message);
    }

    public KMSInvalidSignatureException(String message, Throwable cause) {
        super(message, cause);
    }
}
