package io.keywarden.kms.api.errors;

/** The key named in the request is not the key that encrypted the ciphertext. */
public class IncorrectKeyException extends KmsException {

    public IncorrectKeyException(String message) {
        super(message);
    }

    public IncorrectKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
