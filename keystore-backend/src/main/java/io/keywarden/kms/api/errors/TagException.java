package io.keywarden.kms.api.errors;

/** A tag breaks the tagging rules. */
public class TagException extends KmsException {

    public TagException(String message) {
        super(message);
    }

    public TagException(String message, Throwable cause) {
        super(message, cause);
    }
}
