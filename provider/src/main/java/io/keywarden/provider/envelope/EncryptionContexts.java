package io.keywarden.provider.envelope;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** The canonical encoding of an encryption context (docs/envelope-format.md §2) and its hash. */
public final class EncryptionContexts {

    private EncryptionContexts() {
    }

    /** uint16(n) ‖ (uint16 len ‖ UTF-8 key ‖ uint16 len ‖ UTF-8 value)*, sorted by the unsigned key bytes. */
    public static byte[] canonical(Map<String, String> context) {
        if (context == null || context.isEmpty()) {
            return EMPTY_CANONICAL.clone(); // most messages: no sorting, no buffers
        }
        Map<String, String> ctx = context;
        if (ctx.size() > 0xFFFF) {
            throw new IllegalArgumentException("encryption context has more than 65535 entries");
        }
        TreeMap<byte[], byte[]> sorted = new TreeMap<>(Arrays::compareUnsigned);
        for (Map.Entry<String, String> e : ctx.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new IllegalArgumentException("encryption context keys and values must not be null");
            }
            sorted.put(utf8(e.getKey()), utf8(e.getValue()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeShort(out, sorted.size());
        sorted.forEach((k, v) -> {
            writeShort(out, k.length);
            out.writeBytes(k);
            writeShort(out, v.length);
            out.writeBytes(v);
        });
        return out.toByteArray();
    }

    /** SHA-256 of the canonical encoding. */
    public static byte[] hash(Map<String, String> context) {
        return sha256(canonical(context));
    }

    /** SHA-256 of an already canonical encoding (what {@link #hash} gives, without encoding again). */
    public static byte[] hashOfCanonical(byte[] canonical) {
        return Arrays.equals(canonical, EMPTY_CANONICAL) ? EMPTY_HASH.clone() : sha256(canonical);
    }

    /** The empty context (no pairs, which most messages have) and its hash, computed once. */
    private static final byte[] EMPTY_CANONICAL = {0, 0};
    private static final byte[] EMPTY_HASH = sha256(EMPTY_CANONICAL);

    static byte[] sha256(byte[] data) {
        MessageDigest sha = LocalPrimitives.local().sha256;
        sha.reset();
        return sha.digest(data);
    }

    private static byte[] utf8(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length > 0xFFFF) {
            throw new IllegalArgumentException("encryption context keys and values must be at most 65535 bytes");
        }
        return b;
    }

    private static void writeShort(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }
}
