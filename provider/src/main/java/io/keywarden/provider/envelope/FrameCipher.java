package io.keywarden.provider.envelope;

import static io.keywarden.provider.envelope.EnvelopeFormat.*;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts or decrypts one frame at a time with AES-GCM (LocalPrimitives) under the per-message key, with
 * the IV and AAD of docs/envelope-format.md §1.2. Counts frames and refuses the 2³²-th.
 */
final class FrameCipher {

    private final Cipher gcm;
    private final SecretKeySpec key;
    private final byte[] headerDigest;
    private final int mode;
    private long seq;

    private final byte[] iv = new byte[IV_LENGTH];
    private final byte[] aad;

    /**
     * @param gcm the JDK cipher to use: the thread's ({@link LocalPrimitives}) for messages with a
     *        random message id; a fresh one when the message id is given (test vectors), because the
     *        JDK refuses to encrypt twice in a row with the same key and IV on one Cipher object
     */
    FrameCipher(int mode, KeySchedule schedule, byte[] headerDigest, Cipher gcm) {
        this.mode = mode;
        this.key = schedule.messageKey();
        this.headerDigest = headerDigest.clone();
        this.aad = new byte[headerDigest.length + 5];
        System.arraycopy(headerDigest, 0, aad, 0, headerDigest.length);
        this.gcm = gcm;
    }

    /** Encrypts or decrypts frame number {@code seq}; returns the bytes written to {@code out}. */
    int frame(byte[] in, int off, int len, boolean last, byte[] out, int outOff) throws AEADBadTagException {
        if (seq >= MAX_FRAMES) {
            throw new IllegalStateException("an envelope holds at most 2^32-1 frames");
        }
        try {
            putInt(iv, 8, (int) seq);
            putInt(aad, headerDigest.length, (int) seq);
            aad[aad.length - 1] = (byte) (last ? 1 : 0);
            gcm.init(mode, key, new GCMParameterSpec(TAG_LENGTH * 8, iv));
            gcm.updateAAD(aad);
            int n = gcm.doFinal(in, off, len, out, outOff);
            seq++;
            return n;
        } catch (AEADBadTagException e) {
            throw new AEADBadTagException("Tag mismatch in frame " + seq + (last ? " (read as final)" : ""));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    long framesDone() {
        return seq;
    }
}
