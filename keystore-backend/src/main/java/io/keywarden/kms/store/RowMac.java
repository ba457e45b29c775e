package io.keywarden.kms.store;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The MAC of a row: HMAC-SHA256 under the row MAC key over the canonical encoding of
 * {@code "keywarden/v1/row"}, the table name and every column of the row in schema order (the row's
 * identity included), so a changed, moved or swapped row does not verify.
 */
final class RowMac {

    private final byte[] key;

    RowMac(byte[] key) {
        this.key = key;
    }

    byte[] compute(String table, Object... columns) {
        Object[] all = new Object[columns.length + 2];
        all[0] = "keywarden/v1/row";
        all[1] = table;
        System.arraycopy(columns, 0, all, 2, columns.length);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(Canonical.encode(all));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    boolean verify(byte[] stored, String table, Object... columns) {
        return stored != null && MessageDigest.isEqual(stored, compute(table, columns));
    }

    void destroy() {
        Arrays.fill(key, (byte) 0);
    }
}
