package io.keywarden.provider;

import java.security.PublicKey;
import java.util.Objects;

/**
 * A verification handle: the public half of an asymmetric managed key, used with
 * {@code Signature.initVerify} when the verification should be done by the backend (AWS KMS's
 * Verify) rather than locally. Like every handle it has no encoding, so the JCA routes it to
 * Keywarden only; to verify locally with any provider use {@link #publicKey()}, the real public
 * key. Obtain one with {@link KmsPrivateKey#publicHandle()}.
 */
public final class KmsPublicKey extends KmsHandle implements PublicKey {

    private static final long serialVersionUID = 1L;

    private final PublicKey publicKey;

    public KmsPublicKey(KeywardenRuntime runtime, String keyId, String algorithm, PublicKey publicKey) {
        super(runtime, keyId, algorithm);
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
    }

    /** The real public key (from GetPublicKey), usable with any provider. */
    public PublicKey publicKey() {
        return publicKey;
    }
}
