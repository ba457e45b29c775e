package io.keywarden.provider.envelope;

import static io.keywarden.provider.envelope.EnvelopeFormat.*;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;

/**
 * Reads one envelope from input in pieces of any size, in bounded memory: the header (at most
 * {@link EnvelopeFormat#MAX_HEADER_LENGTH} bytes), then one frame at a time. A frame's plaintext is
 * released only after its tag verified, and only once a later byte proves the frame is not the
 * last; at {@link #doFinal} the held bytes must form a valid final frame.
 *
 * <p>{@code update} cannot throw a checked exception through {@code CipherSpi}, so an authentication
 * failure there is remembered: nothing more is released and {@link #doFinal} throws it.
 */
public final class EnvelopeDecryptor {

    /** Gives the plaintext data key for a parsed header (the caller's copy is zeroed after use). */
    @FunctionalInterface
    public interface DataKeyResolver {
        byte[] dataKey(EnvelopeHeader header) throws AEADBadTagException;
    }

    private final DataKeyResolver resolver;
    private final byte[] contextHash;
    private final byte[] appIv;
    /** The application AAD's digest; null until the first updateAad. */
    private MessageDigest aad;
    private final HeaderParser parser = new HeaderParser();
    private boolean started;
    private FrameCipher frames;
    /** Ciphertext of the frame being received; allocated (up to one frame and its tag) only when needed. */
    private byte[] held = new byte[0];
    private int frameSize;
    private int have;
    private AEADBadTagException failure;
    /** Inside a {@code doFinal} whose output array the caller drops if it fails. */
    private boolean privateOut;

    /** {@code appIv}: the IV the application gave at init, or null. */
    public EnvelopeDecryptor(DataKeyResolver resolver, byte[] contextHash, byte[] appIv) {
        this.resolver = resolver;
        this.contextHash = contextHash.clone();
        this.appIv = appIv == null ? null : appIv.clone();
    }

    public void updateAad(byte[] in, int off, int len) {
        if (started) {
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

    /** An upper bound of the plaintext the next call can release. */
    public long outputSize(int len) {
        return (long) have + Math.max(len, 0);
    }

    /** The header, once it has been read; null before. */
    public EnvelopeHeader header() {
        return parser.header();
    }

    /** Consumes ciphertext; writes the plaintext of every verified non-final frame. */
    public int update(byte[] in, int off, int len, byte[] out, int outOff) {
        started = true;
        if (failure != null) {
            return 0;
        }
        try {
            return consume(in, off, len, out, outOff);
        } catch (AEADBadTagException e) {
            failure = e;
            destroy();
            return 0;
        }
    }

    /**
     * Consumes the rest, verifies the final frame and writes its plaintext; else AEADBadTagException.
     * With nothing held, the frames are decrypted straight from {@code in}.
     */
    public int doFinal(byte[] in, int off, int len, byte[] out, int outOff) throws AEADBadTagException {
        return doFinal(in, off, len, out, outOff, false);
    }

    /**
     * {@link #doFinal(byte[], int, int, byte[], int)} into an array the caller made for this result
     * and drops (after zeroing it) if this throws: frames are then decrypted straight into it instead
     * of through the scratch buffer, since nothing unverified can reach the application.
     */
    public int doFinal(byte[] in, int off, int len, byte[] out, int outOff, boolean outIsPrivate)
            throws AEADBadTagException {
        privateOut = outIsPrivate;
        started = true;
        try {
            if (failure != null) {
                throw failure;
            }
            if (frames == null) {
                int used = parser.accept(in, off, len);
                off += used;
                len -= used;
                if (parser.header() == null) {
                    throw HeaderParser.bad("the message is truncated (incomplete header)");
                }
                begin(parser.header());
            }
            int w = 0;
            if (have > 0) {
                w = consume(in, off, len, out, outOff);
                in = held;
                off = 0;
                len = have;
            }
            int chunk = frameSize + TAG_LENGTH;
            while (len > chunk) {
                w += release(in, off, chunk, false, out, outOff + w);
                off += chunk;
                len -= chunk;
            }
            if (len < TAG_LENGTH) {
                throw HeaderParser.bad("the message is truncated");
            }
            return w + release(in, off, len, true, out, outOff + w);
        } catch (AEADBadTagException e) {
            failure = e;
            throw e;
        } finally {
            privateOut = false;
            destroy();
        }
    }

    /**
     * The exact plaintext length of a message whose remaining {@code len} bytes are all in
     * {@code in} and nothing was consumed yet; -1 when that cannot be told (the caller then uses
     * {@link #outputSize}). Reads the header's length fields without consuming anything.
     */
    public long exactFinalSize(byte[] in, int off, int len) {
        if (started || failure != null || len < FIXED_HEADER_LENGTH) {
            return -1;
        }
        int k = getShort(in, off + 10 + MESSAGE_ID_LENGTH);
        if (k < 1 || k > MAX_KEY_ID_LENGTH || len < FIXED_HEADER_LENGTH + k) {
            return -1;
        }
        int wrapped = getShort(in, off + 10 + MESSAGE_ID_LENGTH + 2 + k);
        int fs = getInt(in, off + 6);
        if (wrapped < 1 || wrapped > MAX_WRAPPED_KEY_LENGTH || fs < MIN_FRAME_SIZE || fs > MAX_FRAME_SIZE) {
            return -1;
        }
        long body = (long) len - FIXED_HEADER_LENGTH - k - wrapped;
        if (body < TAG_LENGTH) {
            return -1;
        }
        long chunk = fs + TAG_LENGTH;
        long last = body % chunk == 0 ? chunk : body % chunk;
        if (last < TAG_LENGTH) {
            return -1; // truncated: the frames before it would release more than this formula says
        }
        long frameCount = (body + chunk - 1) / chunk;
        return body - frameCount * TAG_LENGTH;
    }

    private int consume(byte[] in, int off, int len, byte[] out, int outOff) throws AEADBadTagException {
        if (frames == null) {
            int used = parser.accept(in, off, len);
            off += used;
            len -= used;
            if (parser.header() == null) {
                return 0;
            }
            begin(parser.header());
        }
        int chunk = frameSize + TAG_LENGTH;
        int w = 0;
        while (len > 0) {
            if (have == chunk) {
                w += release(held, 0, have, false, out, outOff + w);
                have = 0;
            } else if (have == 0 && len > chunk) {
                w += release(in, off, chunk, false, out, outOff + w);
                off += chunk;
                len -= chunk;
                continue;
            }
            int n = Math.min(chunk - have, len);
            reserve(have + n);
            System.arraycopy(in, off, held, have, n);
            have += n;
            off += n;
            len -= n;
        }
        return w;
    }

    private void begin(EnvelopeHeader h) throws AEADBadTagException {
        byte[] iv = null;
        if (h.hasAppIv()) {
            if (appIv == null) {
                throw HeaderParser.bad("the message was encrypted with an application IV; give it at init");
            }
            iv = appIv;
        } else if (appIv != null && !MessageDigest.isEqual(appIv, Arrays.copyOf(h.messageId(), IV_LENGTH))) {
            throw HeaderParser.bad("the IV given at init is not this message's IV");
        }
        byte[] dataKey = resolver.dataKey(h);
        KeySchedule schedule;
        try {
            schedule = KeySchedule.derive(dataKey, h.messageId(), contextHash, iv);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
        try {
            schedule.checkCommitment(h.commitment());
            frames = new FrameCipher(Cipher.DECRYPT_MODE, schedule,
                    EnvelopeEncryptor.headerDigest(h.encodedView(), EnvelopeEncryptor.aadHash(aad)),
                    LocalPrimitives.local().gcm);
        } finally {
            schedule.destroy();
        }
        frameSize = h.frameSize();
    }

    /** Grows the held-ciphertext buffer to {@code n} bytes (at most one frame and its tag). */
    private void reserve(int n) {
        if (held.length >= n) {
            return;
        }
        byte[] grown = new byte[Math.min(frameSize + TAG_LENGTH, Math.max(n, 2 * held.length))];
        System.arraycopy(held, 0, grown, 0, have);
        Arrays.fill(held, (byte) 0);
        held = grown;
    }

    /**
     * Decrypts one frame into the thread's scratch buffer; copies it out only once the tag verified,
     * then zeroes the scratch.
     */
    private int release(byte[] in, int off, int len, boolean last, byte[] out, int outOff)
            throws AEADBadTagException {
        if (privateOut) {
            return frames.frame(in, off, len, last, out, outOff);
        }
        byte[] plain = LocalPrimitives.local().scratch(Math.max(len - TAG_LENGTH, 0));
        int n;
        try {
            n = frames.frame(in, off, len, last, plain, 0);
        } catch (AEADBadTagException e) {
            Arrays.fill(plain, 0, Math.max(len - TAG_LENGTH, 0), (byte) 0);
            throw e;
        }
        System.arraycopy(plain, 0, out, outOff, n);
        Arrays.fill(plain, 0, n, (byte) 0);
        return n;
    }

    /** Zeroes held ciphertext. */
    public void destroy() {
        Arrays.fill(held, (byte) 0);
        have = 0;
    }
}
