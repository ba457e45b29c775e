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
}
