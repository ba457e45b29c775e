package io.keywarden.kms.store;

import io.keywarden.kms.api.errors.KMSInternalException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The store-wide metadata every store keeps in its {@code meta} table (docs/store.md): schema
 * version, store id (the HKDF salt), the root key source's kind and parameters, and the verifier
 * that recognizes the right root key. Shared by the SQLite and the PostgreSQL store; the SQL that
 * reads and writes the table is theirs.
 */
final class StoreMeta {

    static final String SCHEMA_VERSION = "schema_version";
    static final String STORE_ID = "store_id";
    static final String ROOT_KIND = "root_kind";
    static final String VERIFIER = "root_verifier";
    /** Prefix of the root key source's parameters, for example {@code root_param.argon2id.salt}. */
    static final String PARAM_PREFIX = "root_param.";

    /** The metadata of a new store and the keys derived for it. */
    record Created(Map<String, String> meta, StoreKeys keys) {
    }

    private StoreMeta() {
    }

    /** Makes the metadata of a new store of schema {@code version}: a random store id, the source's parameters, the verifier. */
    static Created create(RootKeySource rootKey, int version) {
        byte[] storeId = new byte[16];
        new SecureRandom().nextBytes(storeId);
        Map<String, String> meta = new HashMap<>();
        meta.put(SCHEMA_VERSION, Integer.toString(version));
        meta.put(STORE_ID, Base64.getEncoder().encodeToString(storeId));
        meta.put(ROOT_KIND, rootKey.kind());
        Map<String, String> params = rootKey.newParameters();
        params.forEach((k, v) -> meta.put(PARAM_PREFIX + k, v));
        StoreKeys keys = new StoreKeys(rootKey.deriveRootKey(params, true), storeId);
        meta.put(VERIFIER, Base64.getEncoder().encodeToString(keys.verifier(verifiedMeta(meta))));
        return new Created(meta, keys);
    }

    /**
     * Derives the keys of an existing store and checks them against its verifier.
     *
     * @throws StoreCorruptedException when the metadata is incomplete or malformed
     * @throws RootKeyException when the root key is of another kind or does not open the store
     */
    static StoreKeys unlock(String label, Map<String, String> meta, RootKeySource rootKey, int maxVersion) {
        String storeId = meta.get(STORE_ID);
        String kind = meta.get(ROOT_KIND);
        String verifier = meta.get(VERIFIER);
        if (meta.get(SCHEMA_VERSION) == null || storeId == null || kind == null || verifier == null) {
            throw new StoreCorruptedException(label, "its metadata is incomplete (not a keywarden store?)");
        }
        version(label, meta, maxVersion);
        if (!kind.equals(rootKey.kind())) {
            throw new RootKeyException("store " + label + " was created with a root key of kind '" + kind
                    + "', but a " + rootKey.describe() + " was given");
        }
        Map<String, String> params = new HashMap<>();
        meta.forEach((k, v) -> {
            if (k.startsWith(PARAM_PREFIX)) {
                params.put(k.substring(PARAM_PREFIX.length()), v);
            }
        });
        byte[] id;
        byte[] expected;
        try {
            id = Base64.getDecoder().decode(storeId);
            expected = Base64.getDecoder().decode(verifier);
        } catch (IllegalArgumentException e) {
            throw new StoreCorruptedException(label, "its metadata is malformed");
        }
        StoreKeys keys = new StoreKeys(rootKey.deriveRootKey(params, false), id);
        if (!keys.verifierMatches(expected, verifiedMeta(meta))) {
            keys.destroy();
            throw new RootKeyException("store " + label + ": the " + rootKey.describe()
                    + " does not open this store (wrong root key or passphrase, or its metadata was altered)");
        }
        return keys;
    }

    /** The recorded schema version, checked to be between 1 and {@code maxVersion}. */
    static int version(String label, Map<String, String> meta, int maxVersion) {
        String version = meta.get(SCHEMA_VERSION);
        int v;
        try {
            v = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw new StoreCorruptedException(label, "its schema version is malformed");
        }
        if (v < 1 || v > maxVersion) {
            throw new KMSInternalException("store " + label + " has schema version " + version
                    + "; this Keywarden reads versions 1 to " + maxVersion);
        }
        return v;
    }

    /** {@code meta} at schema {@code version}, its verifier re-computed over the new version. */
    static Map<String, String> withVersion(Map<String, String> meta, StoreKeys keys, int version) {
        Map<String, String> updated = new HashMap<>(meta);
        updated.put(SCHEMA_VERSION, Integer.toString(version));
        updated.put(VERIFIER, Base64.getEncoder().encodeToString(keys.verifier(verifiedMeta(updated))));
        return updated;
    }

    /**
     * The metadata the root key verifier covers, in a fixed order: schema version, store id, root
     * kind, then every {@code root_param.*} entry as {@code name=value} in name order.
     */
    static Object[] verifiedMeta(Map<String, String> meta) {
        List<Object> out = new ArrayList<>();
        out.add(meta.get(SCHEMA_VERSION));
        out.add(meta.get(STORE_ID));
        out.add(meta.get(ROOT_KIND));
        new TreeMap<>(meta).forEach((k, v) -> {
            if (k.startsWith(PARAM_PREFIX)) {
                out.add(k + "=" + v);
            }
        });
        return out.toArray();
    }
}
