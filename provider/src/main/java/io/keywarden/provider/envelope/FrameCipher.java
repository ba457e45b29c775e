package io.keywarden.provider.envelope;

import static io.keywarden.provider.envelope.EnvelopeFormat.*;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts or decrypts one frame at a time with the JDK's AES-GCM under the per-message key, with
 * the IV and AAD of docs/envelope-format.md §1.2. Counts frames and refuses the 2³²-th.
 */
final class FrameCipher {

    private final Cipher gcm;
    private final SecretKeySpec key;
    private final byte[] headerDigest;
    private final int mode;
    private long seq;

    FrameCipher(int mode, KeySchedule schedule, byte[] headerDigest) {
        this.mode = mode;
        this.key = schedule.messageKey();
        this.headerDigest = headerDigest.clone();
        try {
            this.gcm = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's AES/GCM/NoPadding is unavailable", e);
        }
    }

    /** Encrypts or decrypts frame number {@code seq}; returns the bytes written to {@code out}. */
    int frame(byte[] in, int off, int len, boolean last, byte[] out, int outOff) throws AEADBadTagException {
        if (seq >= MAX_FRAMES) {
            throw new IllegalStateException("an envelope holds at most 2^32-1 frames");
        }
        try {
            gcm.init(mode, key, new GCMParameterSpec(TAG_LENGTH * 8, frameIv(seq)));
            gcm.updateAAD(frameAad(headerDigest, seq, last));
            int n = gcm.doFinal(in, off, len, out, outOff);
            seq++;
            return n;
        } catch (AEADBadTagException e) {
            throw new AEADBadTagException("Tag mismatch in frame " + seq + (last ? " (read as final)" : ""));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's AES-GCM failed", e);
        }
    }

    long framesDone() {
        return seq;
    }
}
