package io.keywarden.conformance.testers;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.Key;
import javax.crypto.Mac;

/**
 * Runs every usage pattern of a {@link Mac} and checks they all give the same tag, equal to a
 * reference Mac's (the JDK's with the same key material): one-shot, update in pieces of every size,
 * single-byte updates, heap and direct ByteBuffers, reuse after doFinal, reset in the middle, and
 * {@code doFinal(out, offset)}.
 */
public final class MacTester {

    /** Makes a new Mac object (for example {@code () -> Mac.getInstance("HmacSHA256")}). */
    @FunctionalInterface
    public interface Factory {
        /** A new, uninitialized Mac. */
        Mac get() throws GeneralSecurityException;
    }

    private final Factory factory;
    private final Key key;
    private final Factory reference;
    private final Key referenceKey;
    private final int maxMessage;

    /**
     * @param factory the Mac under test
     * @param key its key
     * @param reference the reference Mac (the same algorithm)
     * @param referenceKey the reference's key (the same material)
     * @param maxMessage the longest message the Mac under test takes
     */
    public MacTester(Factory factory, Key key, Factory reference, Key referenceKey, int maxMessage) {
        this.factory = factory;
        this.key = key;
        this.reference = reference;
        this.referenceKey = referenceKey;
        this.maxMessage = maxMessage;
    }

    /** Runs every pattern on messages of 1, 17 and {@code maxMessage} bytes. */
    public void run() throws GeneralSecurityException {
        for (int length : new int[] {1, 17, maxMessage}) {
            byte[] msg = Pieces.message(length);
            Mac ref = reference.get();
            ref.init(referenceKey);
            byte[] expected = ref.doFinal(msg);
            Mac mac = factory.get();
            mac.init(key);
            Check.isTrue("getMacLength", mac.getMacLength() == expected.length);
            Check.equal("one-shot vs reference", expected, mac.doFinal(msg));
            Check.equal("reuse after doFinal", expected, mac.doFinal(msg));
            for (int[] split : Pieces.splits(length)) {
                int off = 0;
                for (int n : split) {
                    mac.update(msg, off, n);
                    off += n;
                }
                Check.equal("update in pieces", expected, mac.doFinal());
            }
            for (byte b : msg) {
                mac.update(b);
            }
            Check.equal("update(byte)", expected, mac.doFinal());
            mac.update(ByteBuffer.wrap(msg));
            Check.equal("heap ByteBuffer", expected, mac.doFinal());
            ByteBuffer direct = ByteBuffer.allocateDirect(length);
            direct.put(msg).flip();
            mac.update(direct);
            Check.isTrue("direct ByteBuffer consumed", !direct.hasRemaining());
            Check.equal("direct ByteBuffer", expected, mac.doFinal());
            mac.update(Pieces.message(5));
            mac.reset();
            Check.equal("reset drops earlier input", expected, mac.doFinal(msg));
            byte[] out = new byte[expected.length + 3];
            mac.update(msg);
            mac.doFinal(out, 3);
            Check.equal("doFinal(out, offset)", expected, java.util.Arrays.copyOfRange(out, 3, out.length));
            mac.init(key);
            Check.equal("re-init", expected, mac.doFinal(msg));
        }
    }
}
