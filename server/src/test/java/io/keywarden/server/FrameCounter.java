package io.keywarden.server;

import com.amazonaws.encryptionsdk.ParsedCiphertext;
import java.nio.ByteBuffer;

/**
 * Counts the frames of an Encryption SDK message body (the documented message format: each regular
 * frame is a sequence number, an IV, {@code frameLength} bytes and a tag; the final frame starts with
 * {@code 0xFFFFFFFF} and carries its own content length), checking that sequence numbers run 1, 2, ….
 */
final class FrameCounter {

    private static final int END_OF_FRAMES = 0xFFFFFFFF;
    private static final int TAG_LENGTH = 16;

    private FrameCounter() {
    }

    static int frames(byte[] message, ParsedCiphertext header) {
        ByteBuffer body = ByteBuffer.wrap(message, header.getOffset(), message.length - header.getOffset());
        int ivLength = header.getNonceLength();
        int count = 0;
        while (true) {
            int marker = body.getInt();
            boolean last = marker == END_OF_FRAMES;
            int sequence = last ? body.getInt() : marker;
            if (sequence != count + 1) {
                throw new AssertionError("frame " + (count + 1) + " has sequence number " + sequence);
            }
            count++;
            body.position(body.position() + ivLength);
            int contentLength = last ? body.getInt() : header.getFrameLength();
            body.position(body.position() + contentLength + TAG_LENGTH);
            if (last) {
                return count;
            }
        }
    }
}
