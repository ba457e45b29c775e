package io.keywarden.kms.store;

import io.keywarden.kms.api.errors.KMSInternalException;

/**
 * The root key cannot be obtained or does not open the store: a missing, unreadable, too widely
 * readable or malformed key file, an unset passphrase variable, or a wrong key or passphrase.
 * Messages name the problem, never a key or passphrase. On the wire this is an ordinary
 * {@code KMSInternalException}.
 */
public final class RootKeyException extends KMSInternalException {

    public RootKeyException(String message) {
        super(message);
    }

    public RootKeyException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String errorType() {
        return "KMSInternalException";
    }
}
