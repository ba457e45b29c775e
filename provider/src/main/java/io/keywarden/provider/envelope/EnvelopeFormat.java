package io.keywarden.provider.envelope;

/**
 * The constants and small pure functions of envelope format version 1 (docs/envelope-format.md):
 * magic, version, suite, bounds, and the per-frame IV and AAD.
 */
public final class EnvelopeFormat {

    private EnvelopeFormat() {
    }

    public static final byte MAGIC_0 = 0x4B;
    public static final byte MAGIC_1 = 0x57;
    public static final int VERSION = 1;
    /** AES-256-GCM, HKDF-SHA-256 key derivation and commitment. */
    public static final int SUITE_AES256_GCM_HKDF_SHA256 = 0x0001;

    public static final int FLAG_APP_IV = 0x01;

    public static final int MESSAGE_ID_LENGTH = 32;
    public static final int COMMITMENT_LENGTH = 32;
    public static final int DATA_KEY_LENGTH = 32;
    public static final int TAG_LENGTH = 16;
    public static final int IV_LENGTH = 12;

    public static final int MIN_FRAME_SIZE = 64;
    public static final int MAX_FRAME_SIZE = 4 * 1024 * 1024;
    public static final int DEFAULT_FRAME_SIZE = 64 * 1024;
    public static final int MAX_KEY_ID_LENGTH = 2048;
    public static final int MAX_WRAPPED_KEY_LENGTH = 6144;
    public static final int MAX_APP_IV_LENGTH = 255;
    /** Frames are numbered with an unsigned 32-bit counter. */
    public static final long MAX_FRAMES = 0xFFFF_FFFFL;

    /** The fixed part of a header: everything but the key id and the wrapped key. */
    public static final int FIXED_HEADER_LENGTH = 2 + 1 + 2 + 1 + 4 + MESSAGE_ID_LENGTH + 2 + 2 + COMMITMENT_LENGTH;
    public static final int MAX_HEADER_LENGTH = FIXED_HEADER_LENGTH + MAX_KEY_ID_LENGTH + MAX_WRAPPED_KEY_LENGTH;

    /** iv(seq) = 8 zero bytes ‖ uint32(seq). */
    static byte[] frameIv(long seq) {
        byte[] iv = new byte[IV_LENGTH];
        putInt(iv, 8, (int) seq);
        return iv;
    }

    /** aad(seq, final) = headerDigest ‖ uint32(seq) ‖ uint8(final). */
    static byte[] frameAad(byte[] headerDigest, long seq, boolean last) {
        byte[] aad = new byte[headerDigest.length + 5];
        System.arraycopy(headerDigest, 0, aad, 0, headerDigest.length);
        putInt(aad, headerDigest.length, (int) seq);
        aad[aad.length - 1] = (byte) (last ? 1 : 0);
        return aad;
    }

    static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    static int getInt(byte[] b, int off) {
        return (b[off] & 0xFF) << 24 | (b[off + 1] & 0xFF) << 16 | (b[off + 2] & 0xFF) << 8 | b[off + 3] & 0xFF;
    }

    static int getShort(byte[] b, int off) {
        return (b[off] & 0xFF) << 8 | b[off + 1] & 0xFF;
    }

    /** Checks a frame size against the format's bounds. */
    public static int checkFrameSize(int frameSize) {
        if (frameSize < MIN_FRAME_SIZE || frameSize > MAX_FRAME_SIZE) {
            throw new IllegalArgumentException("frame size must be between " + MIN_FRAME_SIZE + " and "
                    + MAX_FRAME_SIZE + " bytes");
        }
        return frameSize;
    }
}
