package io.keywarden.kms.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Private keys parsed by {@link LocalCrypto}'s provider, kept in a small LRU cache so that a key
 * used again is not parsed again: with ACCP, parsing a PKCS#8 RSA key (AWS-LC builds its Montgomery
 * and blinding state) costs twice the RSA-2048 signature itself.
 *
 * <p>The cache is keyed by SHA-256 of the algorithm and the PKCS#8 bytes, so an entry can only ever
 * answer for the very material it was parsed from (a rotated, re-imported or different key has
 * another digest). It holds at most {@value #LIMIT} keys; a key of a deleted KMS key stays in memory
 * until it is evicted or the process ends, like the engine's other in-memory state.
 */
final class PrivateKeys {

    static final int LIMIT = 256;

    private static final Map<ByteBuffer, PrivateKey> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, PrivateKey> eldest) {
            return size() > LIMIT;
        }
    };

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw Checks.internal(e);
        }
    });

    private PrivateKeys() {
    }

    /** The private key in {@code pkcs8} ({@code algorithm} "RSA" or "EC"), parsed once. */
    static PrivateKey parse(String algorithm, byte[] pkcs8) throws GeneralSecurityException {
        MessageDigest sha = SHA256.get();
        sha.update(algorithm.getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) 0);
        ByteBuffer id = ByteBuffer.wrap(sha.digest(pkcs8));
        synchronized (CACHE) {
            PrivateKey k = CACHE.get(id);
            if (k != null) {
                return k;
            }
        }
        PrivateKey parsed = LocalCrypto.keyFactory(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        synchronized (CACHE) {
            CACHE.put(id, parsed);
        }
        return parsed;
    }

    /** How many keys are cached (for tests). */
    static int size() {
        synchronized (CACHE) {
            return CACHE.size();
        }
    }
}
