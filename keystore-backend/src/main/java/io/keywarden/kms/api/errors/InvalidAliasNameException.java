package io.keywarden.kms.api.errors;

/** An alias name breaks the naming rules. */
public class InvalidAliasNameException extends KmsException {

    public InvalidAliasNameException(String message) {
        super(message);
    }

    public InvalidAliasNameException(String message, Throwable cause) {
        super(message, cause);
    }
}
