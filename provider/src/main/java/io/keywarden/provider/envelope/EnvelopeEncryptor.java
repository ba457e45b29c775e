package io.keywarden.provider.envelope;

import static io.keywarden.provider.envelope.EnvelopeFormat.*;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;

/**
 * Writes one envelope: the header at the first data call, then frames as they fill. Holds at most
 * one frame of plaintext. Application AAD is accepted until the first data call.
 */
public final class EnvelopeEncryptor {

    private static final byte[] EMPTY_AAD_HASH = EncryptionContexts.sha256(new byte[0]);

    private final EnvelopeHeader header;
    private final KeySchedule schedule;
    private final int frameSize;
    /** The application AAD's digest; null until the first updateAad (no AAD: the hash of nothing). */
    private MessageDigest aad;
    /** Plaintext of the frame being filled; allocated (and grown up to frameSize) only when needed. */
    private byte[] pending = new byte[0];
    private int have;
    private FrameCipher frames;
    private long bytes;
    private final boolean fixedMessageId;

    /**
     * Starts a message with a random message id ({@link io.keywarden.kms.crypto.PublicRandom}). The caller keeps (and zeroes)
     * the data key, and hands over {@code wrappedKey} (a copy made for this message, never changed).
     */
    public static EnvelopeEncryptor start(byte[] dataKey, byte[] wrappedKey, String keyArn, byte[] contextHash,
                                          byte[] appIv, int frameSize) {
        byte[] messageId = io.keywarden.kms.crypto.PublicRandom.next(MESSAGE_ID_LENGTH);
        return new EnvelopeEncryptor(dataKey, wrappedKey, keyArn, messageId, contextHash, appIv, frameSize, false);
    }

    /** With a given message id: for the test vectors. */
    EnvelopeEncryptor(byte[] dataKey, byte[] wrappedKey, String keyArn, byte[] messageId, byte[] contextHash,
                      byte[] appIv, int frameSize) {
        this(dataKey, wrappedKey, keyArn, messageId, contextHash, appIv, frameSize, true);
    }

    private EnvelopeEncryptor(byte[] dataKey, byte[] wrappedKey, String keyArn, byte[] messageId, byte[] contextHash,
                      byte[] appIv, int frameSize, boolean fixedMessageId) {
        checkFrameSize(frameSize);
        boolean hasIv = appIv != null && appIv.length > 0;
        this.schedule = KeySchedule.derive(dataKey, messageId, contextHash, hasIv ? appIv : null);
        this.header = EnvelopeHeader.owning(hasIv ? FLAG_APP_IV : 0, frameSize, fixedMessageId ? messageId.clone()
                : messageId, keyArn, wrappedKey, schedule.commitment());
        this.frameSize = frameSize;
        this.fixedMessageId = fixedMessageId;
    }

    public EnvelopeHeader header() {
        return header;
    }

    /** Plaintext bytes encrypted so far. */
    public long bytes() {
        return bytes;
    }

    public void updateAad(byte[] in, int off, int len) {
        if (frames != null) {
            throw new IllegalStateException("AAD must be supplied before the data (as with AES-GCM)");
        }
        if (aad == null) {
            try {
                aad = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        aad.update(in, off, len);
    }

    /** An upper bound of the output of {@code update} ({@code last = false}) or {@code doFinal}. */
    public long outputSize(int len, boolean last) {
        long total = (long) have + Math.max(len, 0);
        long count = last ? Math.max(1, (total + frameSize - 1) / frameSize) : total == 0 ? 0 : (total - 1) / frameSize;
        long payload = last ? total : count * frameSize;
        return (frames == null ? header.length() : 0) + payload + count * TAG_LENGTH;
    }

    /** Encrypts; emits every frame known to be non-final. Returns the bytes written to {@code out}. */
    public int update(byte[] in, int off, int len, byte[] out, int outOff) {
        int w = begin(out, outOff);
        try {
            while (len > 0) {
                if (have == frameSize) {
                    w += frames.frame(pending, 0, have, false, out, outOff + w);
                    have = 0;
                } else if (have == 0 && len > frameSize) {
                    w += frames.frame(in, off, frameSize, false, out, outOff + w);
                    off += frameSize;
                    len -= frameSize;
                    bytes += frameSize;
                    continue;
                }
                int n = Math.min(frameSize - have, len);
                reserve(have + n);
                System.arraycopy(in, off, pending, have, n);
                have += n;
                off += n;
                len -= n;
                bytes += n;
            }
        } catch (AEADBadTagException e) {
            throw new IllegalStateException(e);
        }
        return w;
    }

    /** Grows the pending buffer to hold {@code n} bytes (at most frameSize), zeroing the old one. */
    private void reserve(int n) {
        if (pending.length >= n) {
            return;
        }
        byte[] grown = new byte[Math.min(frameSize, Math.max(n, 2 * pending.length))];
        System.arraycopy(pending, 0, grown, 0, have);
        Arrays.fill(pending, (byte) 0);
        pending = grown;
    }

    /**
     * Encrypts the rest and writes the final frame; zeroes the message key. With nothing buffered,
     * the frames are encrypted straight from {@code in} (no copy).
     */
    public int doFinal(byte[] in, int off, int len, byte[] out, int outOff) {
        int w = begin(out, outOff);
        try {
            if (have == 0) {
                while (len > frameSize) {
                    w += frames.frame(in, off, frameSize, false, out, outOff + w);
                    off += frameSize;
                    len -= frameSize;
                    bytes += frameSize;
                }
                bytes += len;
                return w + frames.frame(in, off, len, true, out, outOff + w);
            }
            w += update(in, off, len, out, outOff + w);
            w += frames.frame(pending, 0, have, true, out, outOff + w);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException(e);
        } finally {
            destroy();
        }
        return w;
    }

    private int begin(byte[] out, int outOff) {
        if (frames != null) {
            return 0;
        }
        byte[] h = header.encodedView();
        byte[] digest = headerDigest(h, aadHash(aad));
        frames = new FrameCipher(Cipher.ENCRYPT_MODE, schedule, digest,
                fixedMessageId ? LocalPrimitives.newGcm() : LocalPrimitives.local().gcm);
        System.arraycopy(h, 0, out, outOff, h.length);
        return h.length;
    }

    /** SHA-256 of the application AAD: of nothing when none was given. */
    static byte[] aadHash(MessageDigest aad) {
        return aad == null ? EMPTY_AAD_HASH.clone() : aad.digest();
    }

    static byte[] headerDigest(byte[] header, byte[] aadHash) {
        return LocalPrimitives.local().sha256(header, aadHash);
    }

    /** Zeroes the derived key and buffered plaintext. */
    public void destroy() {
        schedule.destroy();
        Arrays.fill(pending, (byte) 0);
        have = 0;
    }
}
