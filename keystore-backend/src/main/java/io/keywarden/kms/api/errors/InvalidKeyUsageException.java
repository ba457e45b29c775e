package io.keywarden.kms.api.errors;

/** The key's usage or spec does not allow the operation or algorithm. */
public class InvalidKeyUsageException extends KmsException {

    public InvalidKeyUsageException(String message) {
        super(message);
    }

    public InvalidKeyUsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
