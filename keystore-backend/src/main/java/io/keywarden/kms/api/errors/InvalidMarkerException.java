package io.keywarden.kms.api.errors;

/** A pagination marker is not one this service gave out. */
public class InvalidMarkerException extends KmsException {

    public InvalidMarkerException(String message) {
        super(message);
    }

    public InvalidMarkerException(String message, Throwable cause) {
        super(message, cause);
    }
}
