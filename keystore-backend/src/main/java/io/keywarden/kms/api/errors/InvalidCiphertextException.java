package io.keywarden.kms.api.errors;

/** The ciphertext was tampered with, is not ours, or its encryption context does not match. */
public class InvalidCiphertextException extends KmsException {

    public InvalidCiphertextException(String message) {
        super(message);
    }

    public InvalidCiphertextException(String message, Throwable cause) {
        super(message, cause);
    }
}
