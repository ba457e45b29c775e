package io.keywarden.kms.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * An unambiguous byte encoding of a list of values, the input of row MACs and sealing AAD. Each value
 * is a one-byte type tag (0 null, 1 string, 2 integer, 3 bytes) followed, unless null, by a 4-byte
 * big-endian length and the bytes (UTF-8 for strings, 8-byte big-endian for integers).
 */
final class Canonical {

    private Canonical() {
    }

    static byte[] encode(Object... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        for (Object v : values) {
            if (v == null) {
                out.write(0);
            } else if (v instanceof String s) {
                field(out, 1, s.getBytes(StandardCharsets.UTF_8));
            } else if (v instanceof Integer || v instanceof Long) {
                long n = ((Number) v).longValue();
                byte[] b = new byte[8];
                for (int i = 7; i >= 0; i--) {
                    b[i] = (byte) n;
                    n >>>= 8;
                }
                field(out, 2, b);
            } else if (v instanceof byte[] b) {
                field(out, 3, b);
            } else {
                throw new IllegalArgumentException("unsupported field type " + v.getClass().getName());
            }
        }
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, int tag, byte[] b) {
        out.write(tag);
        out.write(b.length >>> 24);
        out.write(b.length >>> 16);
        out.write(b.length >>> 8);
        out.write(b.length);
        out.write(b, 0, b.length);
    }
}
