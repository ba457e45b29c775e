package io.keywarden.kms.api.errors;

/** A key policy is malformed, or would lock the caller out. */
public class MalformedPolicyDocumentException extends KmsException {

    public MalformedPolicyDocumentException(String message) {
        super(message);
    }

    public MalformedPolicyDocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
