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
    private final MessageDigest aad;
    private final HeaderParser parser = new HeaderParser();
    private boolean started;
    private FrameCipher frames;
    private byte[] held;
    private byte[] plain;
    private int have;
    private AEADBadTagException failure;

    /** {@code appIv}: the IV the application gave at init, or null. */
    public EnvelopeDecryptor(DataKeyResolver resolver, byte[] contextHash, byte[] appIv) {
        this.resolver = resolver;
        this.contextHash = contextHash.clone();
        this.appIv = appIv == null ? null : appIv.clone();
        try {
            this.aad = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void updateAad(byte[] in, int off, int len) {
        if (started) {
            throw new IllegalStateException("AAD must be supplied before the data (as with AES-GCM)");
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

    /** Consumes the rest, verifies the final frame and writes its plaintext; else AEADBadTagException. */
    public int doFinal(byte[] in, int off, int len, byte[] out, int outOff) throws AEADBadTagException {
        int w = update(in, off, len, out, outOff);
        try {
            if (failure != null) {
                throw failure;
            }
            if (frames == null) {
                throw HeaderParser.bad("the message is truncated (incomplete header)");
            }
            if (have < TAG_LENGTH) {
                throw HeaderParser.bad("the message is truncated");
            }
            return w + release(held, 0, have, true, out, outOff + w);
        } finally {
            destroy();
        }
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
        int chunk = held.length;
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
                    EnvelopeEncryptor.headerDigest(h.encoded(), aad.digest()));
        } finally {
            schedule.destroy();
        }
        held = new byte[h.frameSize() + TAG_LENGTH];
        plain = new byte[h.frameSize()];
    }

    /** Decrypts one frame into the internal buffer; copies it out only once the tag verified. */
    private int release(byte[] in, int off, int len, boolean last, byte[] out, int outOff)
            throws AEADBadTagException {
        int n = frames.frame(in, off, len, last, plain, 0);
        System.arraycopy(plain, 0, out, outOff, n);
        Arrays.fill(plain, 0, n, (byte) 0);
        return n;
    }

    /** Zeroes held ciphertext and plaintext buffers. */
    public void destroy() {
        if (plain != null) {
            Arrays.fill(plain, (byte) 0);
        }
        if (held != null) {
            Arrays.fill(held, (byte) 0);
        }
        have = 0;
    }
}
