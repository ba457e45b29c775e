package io.keywarden.kms.crypto;

/**
 * New or imported key material, normalized: the secret (raw bytes for symmetric and HMAC keys,
 * PKCS#8 for private keys) and the public key (DER SubjectPublicKeyInfo, null for secret keys).
 */
public record GeneratedMaterial(byte[] secret, byte[] publicKey) {

    /**
     * Verify-only material of a Keywarden extension: an imported public key with no private key.
     * The secret is empty (the store needs one); strategies then verify with the public key and
     * refuse to sign (see {@link Checks#requirePrivate}).
     */
    public static GeneratedMaterial publicOnly(byte[] subjectPublicKeyInfo) {
        return new GeneratedMaterial(new byte[0], subjectPublicKeyInfo);
    }

    /** Whether this is verify-only material (an imported public key). */
    public boolean isPublicOnly() {
        return secret.length == 0 && publicKey != null;
    }

    @Override
    public String toString() {
        return "GeneratedMaterial[" + secret.length + " secret bytes]";
    }
}
