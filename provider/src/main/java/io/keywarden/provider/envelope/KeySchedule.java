package io.keywarden.provider.envelope;

import static io.keywarden.provider.envelope.EnvelopeFormat.*;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key schedule of docs/envelope-format.md §3: HKDF-SHA-256 (RFC 5869, over the JDK's
 * HmacSHA256) from the data key with the message id as salt, giving the per-message key and the
 * commitment value. The caller zeroes the data key; {@link #destroy()} zeroes the derived key.
 */
public final class KeySchedule implements AutoCloseable {

    private static final byte[] KEY_LABEL = "KWENV1 key".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] COMMIT_LABEL = "KWENV1 commit".getBytes(StandardCharsets.US_ASCII);

    private final byte[] messageKey;
    private final byte[] commitment;

    private KeySchedule(byte[] messageKey, byte[] commitment) {
        this.messageKey = messageKey;
        this.commitment = commitment;
    }

    /**
     * Derives from the data key (not kept), message id, context hash and the application IV (null or
     * empty when none).
     */
    public static KeySchedule derive(byte[] dataKey, byte[] messageId, byte[] contextHash, byte[] appIv) {
        if (dataKey == null || dataKey.length != DATA_KEY_LENGTH) {
            throw new IllegalArgumentException("the data key must be " + DATA_KEY_LENGTH + " bytes");
        }
        byte[] iv = appIv == null ? new byte[0] : appIv;
        if (iv.length > MAX_APP_IV_LENGTH) {
            throw new IllegalArgumentException("the IV must be at most " + MAX_APP_IV_LENGTH + " bytes");
        }
        byte[] tail = new byte[2 + contextHash.length + 1 + iv.length];
        tail[0] = (byte) (SUITE_AES256_GCM_HKDF_SHA256 >>> 8);
        tail[1] = (byte) SUITE_AES256_GCM_HKDF_SHA256;
        System.arraycopy(contextHash, 0, tail, 2, contextHash.length);
        tail[2 + contextHash.length] = (byte) iv.length;
        System.arraycopy(iv, 0, tail, 3 + contextHash.length, iv.length);
        Mac mac = LocalPrimitives.local().hmacSha256;
        byte[] prk = null;
        try {
            mac.init(new SecretKeySpec(messageId, "HmacSHA256")); // HKDF-Extract: PRK = HMAC(salt, IKM)
            prk = mac.doFinal(dataKey);
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            return new KeySchedule(expand(mac, KEY_LABEL, tail), expand(mac, COMMIT_LABEL, tail));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        } finally {
            if (prk != null) {
                Arrays.fill(prk, (byte) 0);
            }
        }
    }

    /** HKDF-Expand for one block (L = 32) with the Mac keyed by the PRK: T(1) = HMAC(PRK, label ‖ tail ‖ 0x01). */
    private static byte[] expand(Mac prk, byte[] label, byte[] tail) {
        prk.update(label);
        prk.update(tail);
        prk.update((byte) 1);
        return prk.doFinal(); // the Mac keeps the PRK for the next expansion
    }

    /** The commitment value written in the header. */
    public byte[] commitment() {
        return commitment.clone();
    }

    /** Constant-time check of a header's commitment; AEADBadTagException on mismatch. */
    public void checkCommitment(byte[] fromHeader) throws AEADBadTagException {
        if (!MessageDigest.isEqual(commitment, fromHeader)) {
            throw new AEADBadTagException("Key commitment mismatch: the message is not for this data key, "
                    + "encryption context or IV");
        }
    }

    /** The per-message AES key (a JCA key object over a copy of the bytes). */
    SecretKeySpec messageKey() {
        return new SecretKeySpec(messageKey, "AES");
    }

    /** Zeroes the derived key. */
    public void destroy() {
        Arrays.fill(messageKey, (byte) 0);
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return "KeySchedule[<secret>]";
    }
}
