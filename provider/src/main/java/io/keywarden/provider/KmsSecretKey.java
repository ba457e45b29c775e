package io.keywarden.provider;

import javax.crypto.SecretKey;

/**
 * A handle to a symmetric (algorithm {@code AES}) or HMAC ({@code HmacSHA256}, …) managed key.
 * {@link #getFormat()} and {@link #getEncoded()} return null.
 */
public final class KmsSecretKey extends KmsHandle implements SecretKey {

    private static final long serialVersionUID = 1L;

    public KmsSecretKey(KeywardenRuntime runtime, String keyId, String algorithm) {
        super(runtime, keyId, algorithm);
    }
}
