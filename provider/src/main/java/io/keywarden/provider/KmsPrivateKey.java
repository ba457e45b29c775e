package io.keywarden.provider;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;

/**
 * A handle to the private half of an asymmetric managed key (algorithm {@code RSA}, {@code EC},
 * {@code Ed25519}, {@code ML-DSA}), with its real public key (from GetPublicKey). It never
 * implements {@code RSAPrivateKey} or {@code ECPrivateKey}; the RSA and EC subclasses expose the
 * modulus or the curve (taken from the public key), which is what JSSE and jarsigner ask of a key.
 */
public class KmsPrivateKey extends KmsHandle implements PrivateKey {

    private static final long serialVersionUID = 1L;

    private final PublicKey publicKey;

    public KmsPrivateKey(KeywardenRuntime runtime, String keyId, String algorithm, PublicKey publicKey) {
        super(runtime, keyId, algorithm);
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
    }

    /** The public key of the pair. */
    public PublicKey publicKey() {
        return publicKey;
    }

    /** A handle for verifying with the backend (Verify) instead of locally; see {@link KmsPublicKey}. */
    public KmsPublicKey publicHandle() {
        return new KmsPublicKey(runtime(), keyId(), getAlgorithm(), publicKey);
    }
}
