package io.keywarden.kms.store;

import io.keywarden.kms.api.RotationType;
import java.time.Instant;
import java.util.Objects;

/**
 * One key material of a key. Versions count from 1 and never repeat; {@code keyMaterialId} is the
 * 64-hex-digit id AWS KMS shows. {@code secret} is the plaintext material (raw bytes for symmetric
 * and HMAC keys, PKCS#8 for private keys); it exists only in memory: stores seal it under the root
 * key before it reaches the disk. {@code publicKey} is the DER SubjectPublicKeyInfo, or null.
 * {@code rotationType} is null for a key's first material.
 */
public record MaterialRecord(
        String keyId,
        int version,
        String keyMaterialId,
        Instant createdAt,
        RotationType rotationType,
        byte[] secret,
        byte[] publicKey) {

    public MaterialRecord {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(keyMaterialId, "keyMaterialId");
        Objects.requireNonNull(secret, "secret");
        if (version < 1) {
            throw new IllegalArgumentException("material versions start at 1");
        }
    }

    /** Names the material only: never its bytes. */
    @Override
    public String toString() {
        return "MaterialRecord[" + keyId + " v" + version + " " + keyMaterialId + "]";
    }
}
