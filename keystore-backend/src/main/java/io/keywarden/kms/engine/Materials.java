package io.keywarden.kms.engine;

import io.keywarden.kms.api.RotationType;
import io.keywarden.kms.api.errors.KMSInternalException;
import io.keywarden.kms.crypto.GeneratedMaterial;
import io.keywarden.kms.crypto.KeyMaterial;
import io.keywarden.kms.crypto.KeySpecStrategies;
import io.keywarden.kms.store.KeyRecord;
import io.keywarden.kms.store.MaterialRecord;
import io.keywarden.kms.store.StoreTransaction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** Key materials: new versions, their ids, and loading them for a strategy. */
final class Materials {

    private Materials() {
    }

    /**
     * The 64-hex-digit KeyMaterialId of a version: SHA-256 over the key id and version, so it
     * names the material without saying anything of it.
     */
    static String keyMaterialId(String keyId, int version) {
        String key = keyId + ":" + version;
        String id = MATERIAL_IDS.get(key);
        if (id == null) {
            id = computeKeyMaterialId(keyId, version);
            if (MATERIAL_IDS.size() >= 10_000) {
                MATERIAL_IDS.clear();
            }
            MATERIAL_IDS.put(key, id);
        }
        return id;
    }

    /** Ids already computed (they are public values derived from the key id and version). */
    private static final java.util.Map<String, String> MATERIAL_IDS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String computeKeyMaterialId(String keyId, int version) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(
                    ("keywarden-key-material:" + keyId + ":" + version).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Generates and stores the next material version of {@code key}; returns the updated key. */
    static KeyRecord addVersion(StoreTransaction tx, KeyRecord key, RotationType type, Instant createdAt) {
        GeneratedMaterial generated = KeySpecStrategies.forSpec(key.keySpec()).generate(key.keySpec());
        return addVersion(tx, key, type, createdAt, generated);
    }

    static KeyRecord addVersion(StoreTransaction tx, KeyRecord key, RotationType type, Instant createdAt,
            GeneratedMaterial material) {
        int version = nextVersion(tx, key);
        tx.putMaterial(new MaterialRecord(key.keyId(), version, keyMaterialId(key.keyId(), version), createdAt,
                type, material.secret(), material.publicKey()));
        int onDemand = key.onDemandRotations() + (type == RotationType.ON_DEMAND ? 1 : 0);
        return key.withCurrentVersion(version, onDemand);
    }

    private static int nextVersion(StoreTransaction tx, KeyRecord key) {
        int max = key.currentVersion();
        for (MaterialRecord m : tx.listMaterials(key.keyId())) {
            max = Math.max(max, m.version());
        }
        return max + 1;
    }

    /** The newest material of a key whose state allows its use. */
    static KeyMaterial current(StoreTransaction tx, KeyRecord key) {
        return version(tx, key, key.currentVersion());
    }

    /** The given material version; a version the key does not have is KMSInternalException. */
    static KeyMaterial version(StoreTransaction tx, KeyRecord key, int version) {
        MaterialRecord m = tx.findMaterial(key.keyId(), version).orElseThrow(() ->
                new KMSInternalException("Key material version " + version + " of key " + key.keyId() + " is missing"));
        return new KeyMaterial(m.keyId(), m.version(), m.secret(), m.publicKey());
    }
}
