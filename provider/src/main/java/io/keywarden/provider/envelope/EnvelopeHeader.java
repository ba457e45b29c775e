package io.keywarden.provider.envelope;

import static io.keywarden.provider.envelope.EnvelopeFormat.*;

import java.nio.charset.StandardCharsets;

/**
 * The header of an envelope (docs/envelope-format.md §1.1). Immutable; the byte arrays are copied
 * in and out. {@link #toString()} shows lengths and the key id only.
 */
public final class EnvelopeHeader {

    private final int flags;
    private final int frameSize;
    private final byte[] messageId;
    private final String keyId;
    private final byte[] wrappedKey;
    private final byte[] commitment;
    private final byte[] encoded;

    public EnvelopeHeader(int flags, int frameSize, byte[] messageId, String keyId, byte[] wrappedKey,
                          byte[] commitment) {
        this(flags, frameSize, messageId.clone(), keyId, wrappedKey.clone(), commitment.clone(), null);
    }

    /**
     * A header over the given arrays themselves, not copies: for this package's writer and parser,
     * which made them for this header and never change them afterwards (a 1 KiB message otherwise
     * pays for five copies of the wrapped key).
     */
    static EnvelopeHeader owning(int flags, int frameSize, byte[] messageId, String keyId, byte[] wrappedKey,
                                 byte[] commitment) {
        return new EnvelopeHeader(flags, frameSize, messageId, keyId, wrappedKey, commitment, null);
    }

    /**
     * A header read by {@link HeaderParser}, whose {@code encoded} bytes are exactly what these
     * fields encode to (every byte of a header belongs to one field, read at its fixed place, and the
     * key id is strict UTF-8, which round-trips), so they are kept instead of encoded again.
     */
    static EnvelopeHeader parsed(int flags, int frameSize, byte[] messageId, String keyId, byte[] wrappedKey,
                                 byte[] commitment, byte[] encoded) {
        return new EnvelopeHeader(flags, frameSize, messageId, keyId, wrappedKey, commitment, encoded);
    }

    private EnvelopeHeader(int flags, int frameSize, byte[] messageId, String keyId, byte[] wrappedKey,
                           byte[] commitment, byte[] encoded) {
        if ((flags & ~FLAG_APP_IV) != 0) {
            throw new IllegalArgumentException("unknown header flags");
        }
        checkFrameSize(frameSize);
        byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
        if (messageId.length != MESSAGE_ID_LENGTH || commitment.length != COMMITMENT_LENGTH
                || id.length < 1 || id.length > MAX_KEY_ID_LENGTH
                || wrappedKey.length < 1 || wrappedKey.length > MAX_WRAPPED_KEY_LENGTH) {
            throw new IllegalArgumentException("header field out of bounds");
        }
        this.flags = flags;
        this.frameSize = frameSize;
        this.messageId = messageId;
        this.keyId = keyId;
        this.wrappedKey = wrappedKey;
        this.commitment = commitment;
        this.encoded = encoded != null ? encoded : encode(id);
    }

    private byte[] encode(byte[] id) {
        byte[] h = new byte[FIXED_HEADER_LENGTH + id.length + wrappedKey.length];
        int p = 0;
        h[p++] = MAGIC_0;
        h[p++] = MAGIC_1;
        h[p++] = VERSION;
        h[p++] = (byte) (SUITE_AES256_GCM_HKDF_SHA256 >>> 8);
        h[p++] = (byte) SUITE_AES256_GCM_HKDF_SHA256;
        h[p++] = (byte) flags;
        putInt(h, p, frameSize);
        p += 4;
        System.arraycopy(messageId, 0, h, p, MESSAGE_ID_LENGTH);
        p += MESSAGE_ID_LENGTH;
        p = putBlock(h, p, id);
        p = putBlock(h, p, wrappedKey);
        System.arraycopy(commitment, 0, h, p, COMMITMENT_LENGTH);
        return h;
    }

    private static int putBlock(byte[] h, int p, byte[] block) {
        h[p] = (byte) (block.length >>> 8);
        h[p + 1] = (byte) block.length;
        System.arraycopy(block, 0, h, p + 2, block.length);
        return p + 2 + block.length;
    }

    public boolean hasAppIv() {
        return (flags & FLAG_APP_IV) != 0;
    }

    public int flags() {
        return flags;
    }

    public int frameSize() {
        return frameSize;
    }

    public byte[] messageId() {
        return messageId.clone();
    }

    public String keyId() {
        return keyId;
    }

    public byte[] wrappedKey() {
        return wrappedKey.clone();
    }

    public byte[] commitment() {
        return commitment.clone();
    }

    /** The header as written on the wire. */
    public byte[] encoded() {
        return encoded.clone();
    }

    /** The encoded header itself, not a copy: for this package's code, which never changes it. */
    byte[] encodedView() {
        return encoded;
    }

    public int length() {
        return encoded.length;
    }

    @Override
    public String toString() {
        return "EnvelopeHeader[v" + VERSION + ", frameSize=" + frameSize + ", keyId=" + keyId
                + ", wrappedKey=<" + wrappedKey.length + " bytes>, appIv=" + hasAppIv() + "]";
    }
}
