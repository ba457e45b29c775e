package io.keywarden.kms.api;

import io.keywarden.kms.api.errors.KmsUnsupportedOperationException;

/**
 * What {@link KmsBackend}'s Keywarden extension operations answer on a backend that does not have
 * them (AWS KMS, or any backend written before them).
 */
public final class KeywardenExtensions {

    private KeywardenExtensions() {
    }

    /** The error of an extension operation the backend does not offer. */
    public static KmsUnsupportedOperationException unsupported(String operation) {
        return new KmsUnsupportedOperationException(operation + " is a Keywarden extension that this backend "
                + "does not offer.");
    }
}
