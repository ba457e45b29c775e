package io.keywarden.conformance.testers;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.spec.AlgorithmParameterSpec;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.CipherOutputStream;

/**
 * Runs every usage pattern of a {@link Cipher} as a round trip: encrypt one-shot (and in pieces, by
 * ByteBuffer, by CipherOutputStream) and decrypt each ciphertext every way: one-shot, update in
 * pieces of every size, heap and direct ByteBuffers, CipherInputStream, CipherOutputStream, reuse
 * after doFinal. The plaintext must come back each time; a tampered ciphertext must be refused.
 * Encryption and decryption keys may differ (RSA public key / private handle), so with delayed
 * provider selection encryption can run on one provider and decryption on another (interop).
 */
public final class CipherTester {

    /** Makes a new Cipher object. */
    @FunctionalInterface
    public interface Factory {
        /** A new, uninitialized Cipher. */
        Cipher get() throws GeneralSecurityException;
    }

    /**
     * What to test.
     *
     * @param factory the Cipher (the same transformation for both directions)
     * @param encryptKey the encryption key
     * @param encryptParams fresh encryption parameters per encryption (an IV), or a supplier of null
     * @param decryptKey the decryption key
     * @param maxPlaintext the longest plaintext the cipher takes
     */
    public record Setup(Factory factory, Key encryptKey, Supplier<AlgorithmParameterSpec> encryptParams, Key decryptKey,
            int maxPlaintext) {
    }

    private final Setup s;

    /** A tester for {@code setup}. */
    public CipherTester(Setup setup) {
        this.s = setup;
    }

    private record Sealed(byte[] ciphertext, AlgorithmParameters params) {
    }

    /** Runs every pattern on plaintexts of 1, 17 and {@code maxPlaintext} bytes. */
    public void run() throws GeneralSecurityException, IOException {
        for (int length : new int[] {1, 17, s.maxPlaintext()}) {
            byte[] msg = Pieces.message(length);
            decryptAllWays(msg, encrypt(msg, 0));
            decryptAllWays(msg, encrypt(msg, 1));
            decryptAllWays(msg, encrypt(msg, 2));
            decryptAllWays(msg, encrypt(msg, 3));
        }
    }

    private Sealed encrypt(byte[] msg, int way) throws GeneralSecurityException, IOException {
        Cipher c = s.factory().get();
        AlgorithmParameterSpec p = s.encryptParams().get();
        if (p == null) {
            c.init(Cipher.ENCRYPT_MODE, s.encryptKey());
        } else {
            c.init(Cipher.ENCRYPT_MODE, s.encryptKey(), p);
        }
        byte[] ct;
        switch (way) {
            case 0 -> ct = c.doFinal(msg);
            case 1 -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int off = 0;
                for (int n : Pieces.splits(msg.length).get(3)) {
                    byte[] part = c.update(msg, off, n);
                    if (part != null) {
                        out.write(part);
                    }
                    off += n;
                }
                out.write(c.doFinal());
                ct = out.toByteArray();
            }
            case 2 -> {
                ByteBuffer out = ByteBuffer.allocateDirect(c.getOutputSize(msg.length));
                c.doFinal(ByteBuffer.wrap(msg), out);
                out.flip();
                ct = new byte[out.remaining()];
                out.get(ct);
            }
            default -> {
                ByteArrayOutputStream sink = new ByteArrayOutputStream();
                try (OutputStream os = new CipherOutputStream(sink, c)) {
                    os.write(msg);
                }
                ct = sink.toByteArray();
            }
        }
        return new Sealed(ct, c.getParameters());
    }

    private Cipher decryptor(Sealed sealed) throws GeneralSecurityException {
        Cipher c = s.factory().get();
        if (sealed.params() == null) {
            c.init(Cipher.DECRYPT_MODE, s.decryptKey());
        } else {
            c.init(Cipher.DECRYPT_MODE, s.decryptKey(), sealed.params());
        }
        return c;
    }

    private void decryptAllWays(byte[] msg, Sealed sealed) throws GeneralSecurityException, IOException {
        byte[] ct = sealed.ciphertext();
        Cipher c = decryptor(sealed);
        Check.equal("decrypt one-shot", msg, c.doFinal(ct));
        Check.equal("reuse after doFinal", msg, c.doFinal(ct));
        for (int[] split : Pieces.splits(ct.length)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int off = 0;
            for (int n : split) {
                byte[] part = c.update(ct, off, n);
                if (part != null) {
                    out.write(part);
                }
                off += n;
            }
            out.write(c.doFinal());
            Check.equal("decrypt in pieces", msg, out.toByteArray());
        }
        for (boolean direct : new boolean[] {false, true}) {
            ByteBuffer in = direct ? ByteBuffer.allocateDirect(ct.length) : ByteBuffer.allocate(ct.length);
            in.put(ct).flip();
            ByteBuffer out = direct ? ByteBuffer.allocateDirect(c.getOutputSize(ct.length))
                    : ByteBuffer.allocate(c.getOutputSize(ct.length));
            c.doFinal(in, out);
            out.flip();
            byte[] back = new byte[out.remaining()];
            out.get(back);
            Check.equal(direct ? "direct ByteBuffer" : "heap ByteBuffer", msg, back);
        }
        try (InputStream is = new CipherInputStream(new ByteArrayInputStream(ct), decryptor(sealed))) {
            Check.equal("CipherInputStream", msg, is.readAllBytes());
        }
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream os = new CipherOutputStream(sink, decryptor(sealed))) {
            os.write(ct);
        }
        Check.equal("CipherOutputStream", msg, sink.toByteArray());
        byte[] tampered = ct.clone();
        tampered[tampered.length - 1] ^= 1;
        boolean refused;
        try {
            c.doFinal(tampered);
            refused = false;
        } catch (GeneralSecurityException e) {
            refused = true;
        }
        Check.isTrue("a tampered ciphertext is refused", refused);
        Check.equal("usable after a refused ciphertext", msg, decryptor(sealed).doFinal(ct));
    }
}
