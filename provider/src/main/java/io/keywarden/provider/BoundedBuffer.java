package io.keywarden.provider;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The message of a one-shot KMS call (GenerateMac, Sign RAW), collected from the caller's
 * updates: at most {@code limit} bytes are kept; beyond that only the length is counted, so memory
 * stays bounded and the operation can report the real length when it refuses the message.
 * {@link #reset()} zeroes the contents.
 */
public final class BoundedBuffer {

    private final byte[] data;
    private long length;

    public BoundedBuffer(int limit) {
        this.data = new byte[limit];
    }

    public void add(byte b) {
        if (length < data.length) {
            data[(int) length] = b;
        }
        length++;
    }

    public void add(byte[] b, int off, int len) {
        if (len <= 0) {
            return;
        }
        if (length < data.length) {
            System.arraycopy(b, off, data, (int) length, (int) Math.min(len, data.length - length));
        }
        length += len;
    }

    public void add(ByteBuffer b) {
        int len = b.remaining();
        if (length < data.length) {
            int n = (int) Math.min(len, data.length - length);
            b.get(data, (int) length, n);
        }
        b.position(b.limit());
        length += len;
    }

    /** The number of bytes given since the last reset (may exceed the limit). */
    public long length() {
        return length;
    }

    public int limit() {
        return data.length;
    }

    /** Whether more bytes were given than the limit. */
    public boolean overflowed() {
        return length > data.length;
    }

    /** A copy of the contents; only meaningful when not {@link #overflowed()}. */
    public byte[] toByteArray() {
        return Arrays.copyOf(data, (int) Math.min(length, data.length));
    }

    public void reset() {
        Arrays.fill(data, 0, (int) Math.min(length, data.length), (byte) 0);
        length = 0;
    }
}
