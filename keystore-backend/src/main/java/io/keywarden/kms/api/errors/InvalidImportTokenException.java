package io.keywarden.kms.api.errors;

/** The import token is not valid for this key. */
public class InvalidImportTokenException extends KmsException {

    public InvalidImportTokenException(String message) {
        super(message);
    }

    public InvalidImportTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
