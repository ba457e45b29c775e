package io.keywarden.kms.crypto;

/**
 * The key material a strategy works with: the key id and material version (symmetric ciphertexts
 * name them), the secret (raw bytes for symmetric and HMAC keys, PKCS#8 for private keys) and the
 * public key (DER SubjectPublicKeyInfo, null for symmetric and HMAC keys).
 */
public record KeyMaterial(String keyId, int version, byte[] secret, byte[] publicKey) {

    /** Whether the material is an imported public key only (a Keywarden extension): it cannot sign. */
    public boolean isPublicOnly() {
        return secret != null && secret.length == 0 && publicKey != null;
    }

    @Override
    public String toString() {
        return "KeyMaterial[" + keyId + " v" + version + "]";
    }
}
