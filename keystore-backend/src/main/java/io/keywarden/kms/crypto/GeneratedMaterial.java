package io.keywarden.kms.crypto;

/**
 * New or imported key material, normalized: the secret (raw bytes for symmetric and HMAC keys,
 * PKCS#8 for private keys) and the public key (DER SubjectPublicKeyInfo, null for secret keys).
 */
public record GeneratedMaterial(byte[] secret, byte[] publicKey) {

    @Override
    public String toString() {
        return "GeneratedMaterial[" + secret.length + " secret bytes]";
    }
}
