package io.keywarden.kms.api.errors;

/** The import token has expired. */
public class ExpiredImportTokenException extends KmsException {

    public ExpiredImportTokenException(String message) {
        super(message);
    }

    public ExpiredImportTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
