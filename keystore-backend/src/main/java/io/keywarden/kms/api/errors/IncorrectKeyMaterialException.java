package io.keywarden.kms.api.errors;

/** The imported key material does not fit the key. */
public class IncorrectKeyMaterialException extends KmsException {

    public IncorrectKeyMaterialException(String message) {
        super(message);
    }

    public IncorrectKeyMaterialException(String message, Throwable cause) {
        super(message, cause);
    }
}
