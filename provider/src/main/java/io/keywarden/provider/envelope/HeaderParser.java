package io.keywarden.provider.envelope;

import static io.keywarden.provider.envelope.EnvelopeFormat.*;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;

/**
 * Reads a header from input that arrives in pieces of any size. Every length is checked against its
 * bound before the bytes it announces are buffered, so at most {@link EnvelopeFormat#MAX_HEADER_LENGTH}
 * bytes are held. Malformed input is an {@link AEADBadTagException} (it cannot be authentic).
 */
final class HeaderParser {

    /** Typical headers (a key ARN, a KMS ciphertext blob) fit without growing; longer ones grow, bounded. */
    private byte[] buf = new byte[512];
    private int have;
    /** Bytes needed before the next check; grows as the length fields are read. */
    private int need = 10 + MESSAGE_ID_LENGTH + 2;
    private int keyIdLength = -1;
    private int wrappedLength = -1;
    private EnvelopeHeader header;

    /** Consumes bytes; returns how many were used (the rest belongs to the body). */
    int accept(byte[] in, int off, int len) throws AEADBadTagException {
        int used = 0;
        while (header == null && used < len) {
            int n = Math.min(need - have, len - used);
            System.arraycopy(in, off + used, buf, have, n);
            have += n;
            used += n;
            if (have == need) {
                advance();
            }
        }
        return used;
    }

    EnvelopeHeader header() {
        return header;
    }

    private void advance() throws AEADBadTagException {
        if (keyIdLength < 0) {
            checkFixed();
            keyIdLength = getShort(buf, 10 + MESSAGE_ID_LENGTH);
            if (keyIdLength < 1 || keyIdLength > MAX_KEY_ID_LENGTH) {
                throw bad("key id length out of bounds");
            }
            grow(need + keyIdLength + 2);
        } else if (wrappedLength < 0) {
            wrappedLength = getShort(buf, have - 2);
            if (wrappedLength < 1 || wrappedLength > MAX_WRAPPED_KEY_LENGTH) {
                throw bad("wrapped key length out of bounds");
            }
            grow(need + wrappedLength + COMMITMENT_LENGTH);
        } else {
            header = build();
        }
    }

    private void checkFixed() throws AEADBadTagException {
        if (buf[0] != MAGIC_0 || buf[1] != MAGIC_1) {
            throw bad("not a Keywarden envelope");
        }
        if (buf[2] != VERSION) {
            throw bad("unsupported envelope version " + (buf[2] & 0xFF));
        }
        if (getShort(buf, 3) != SUITE_AES256_GCM_HKDF_SHA256) {
            throw bad("unsupported envelope suite " + getShort(buf, 3));
        }
        if ((buf[5] & ~FLAG_APP_IV) != 0) {
            throw bad("unknown envelope flags");
        }
        int frameSize = getInt(buf, 6);
        if (frameSize < MIN_FRAME_SIZE || frameSize > MAX_FRAME_SIZE) {
            throw bad("frame size out of bounds");
        }
    }

    private void grow(int newNeed) {
        need = newNeed;
        if (buf.length < need) {
            buf = Arrays.copyOf(buf, need);
        }
    }

    private EnvelopeHeader build() throws AEADBadTagException {
        int p = 10;
        byte[] messageId = Arrays.copyOfRange(buf, p, p + MESSAGE_ID_LENGTH);
        p += MESSAGE_ID_LENGTH + 2;
        String keyId = new String(buf, p, keyIdLength, StandardCharsets.UTF_8); // ASCII: a fast copy
        if (keyId.indexOf('\uFFFD') >= 0) { // malformed input was replaced, or a real U+FFFD: decode strictly
            try {
                keyId = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(buf, p, keyIdLength)).toString();
            } catch (CharacterCodingException e) {
                throw bad("key id is not UTF-8");
            }
        }
        p += keyIdLength + 2;
        byte[] wrapped = Arrays.copyOfRange(buf, p, p + wrappedLength);
        p += wrappedLength;
        byte[] commitment = Arrays.copyOfRange(buf, p, p + COMMITMENT_LENGTH);
        return EnvelopeHeader.parsed(buf[5], getInt(buf, 6), messageId, keyId, wrapped, commitment,
                Arrays.copyOf(buf, need));
    }

    static AEADBadTagException bad(String why) {
        return new AEADBadTagException("Invalid envelope: " + why);
    }
}
