package io.keywarden.kms.api.errors;

/** VerifyMac: the MAC is not valid. */
public class KMSInvalidMacException extends KmsException {

    public KMSInvalidMacException(String message) {
        super(message);
    }

    public KMSInvalidMacException(String message, Throwable cause) {
        super(message, cause);
    }
}
