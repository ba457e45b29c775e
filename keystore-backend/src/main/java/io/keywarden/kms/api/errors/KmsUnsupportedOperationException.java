package io.keywarden.kms.api.errors;

/**
 * AWS KMS's {@code UnsupportedOperationException}: the operation is not valid for this key's type
 * or origin. Named apart from {@link java.lang.UnsupportedOperationException}.
 */
public class KmsUnsupportedOperationException extends KmsException {

    public KmsUnsupportedOperationException(String message) {
        super(message);
    }

    @Override
    public String errorType() {
        return "UnsupportedOperationException";
    }

    /** The error of an operation a backend does not implement (the default of newer KmsBackend operations). */
    public static KmsUnsupportedOperationException notImplemented(String operation) {
        return new KmsUnsupportedOperationException(operation + " is not supported by this backend.");
    }
}
