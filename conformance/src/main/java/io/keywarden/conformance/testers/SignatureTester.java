package io.keywarden.conformance.testers;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.AlgorithmParameterSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every usage pattern of a {@link Signature}: sign one-shot, in pieces of every size, byte by
 * byte, from heap and direct ByteBuffers, reuse after sign; verify the same ways with every
 * verification key given (for example a backend handle and the plain public key), reuse after verify,
 * and a tampered message or signature that must not verify. Every signature is also verified by the
 * reference {@code verifier} (the JDK's provider with the plain public key). For deterministic
 * algorithms (RSA PKCS#1 v1.5, Ed25519) all signatures must be equal, and equal to the reference
 * signer's when one is given.
 */
public final class SignatureTester {

    /** Makes a new Signature object. */
    @FunctionalInterface
    public interface Factory {
        /** A new, uninitialized Signature. */
        Signature get() throws GeneralSecurityException;
    }

    /**
     * What to test.
     *
     * @param factory the Signature under test
     * @param params parameters to set after init, or null
     * @param signingKey the private key (or handle)
     * @param verifyKeys keys the factory's Signature verifies with
     * @param verifier the reference Signature (for example {@code Signature.getInstance(alg, "SunEC")})
     * @param publicKey the plain public key for the reference
     * @param deterministic whether signatures are deterministic
     * @param referenceSigner the reference's private key (same material), or null
     * @param maxMessage the longest message the Signature takes
     */
    public record Setup(Factory factory, AlgorithmParameterSpec params, PrivateKey signingKey, List<PublicKey> verifyKeys,
            Factory verifier, PublicKey publicKey, boolean deterministic, PrivateKey referenceSigner, int maxMessage) {
    }

    private final Setup s;

    /** A tester for {@code setup}. */
    public SignatureTester(Setup setup) {
        this.s = setup;
    }

    /** Runs every pattern on messages of 1, 17 and {@code maxMessage} bytes. */
    public void run() throws GeneralSecurityException {
        for (int length : new int[] {1, 17, s.maxMessage()}) {
            byte[] msg = Pieces.message(length);
            List<byte[]> sigs = new ArrayList<>();
            Signature sig = s.factory().get();
            sig.initSign(s.signingKey());
            params(sig);
            sig.update(msg);
            sigs.add(sig.sign());
            sig.update(msg);
            sigs.add(sig.sign()); // reuse after sign
            for (int[] split : Pieces.splits(length)) {
                feed(sig, msg, split);
                sigs.add(sig.sign());
            }
            for (byte b : msg) {
                sig.update(b);
            }
            sigs.add(sig.sign());
            sig.update(ByteBuffer.wrap(msg));
            sigs.add(sig.sign());
            ByteBuffer direct = ByteBuffer.allocateDirect(length);
            direct.put(msg).flip();
            sig.update(direct);
            sigs.add(sig.sign());
            byte[] out = new byte[8192];
            sig.update(msg);
            int n = sig.sign(out, 5, out.length - 5);
            sigs.add(java.util.Arrays.copyOfRange(out, 5, 5 + n));

            byte[] first = sigs.get(0);
            for (byte[] one : sigs) {
                Check.isTrue("reference verifies the signature", reference(msg, one));
                if (s.deterministic()) {
                    Check.equal("deterministic signatures are equal", first, one);
                }
            }
            if (s.referenceSigner() != null) {
                Signature ref = s.verifier().get();
                ref.initSign(s.referenceSigner());
                params(ref);
                ref.update(msg);
                Check.equal("equal to the reference signer's", ref.sign(), first);
            }
            for (PublicKey vk : s.verifyKeys()) {
                verifyAllWays(vk, msg, first);
            }
        }
    }

    private void verifyAllWays(PublicKey vk, byte[] msg, byte[] signature) throws GeneralSecurityException {
        Signature v = s.factory().get();
        v.initVerify(vk);
        params(v);
        v.update(msg);
        Check.isTrue("verify one-shot", v.verify(signature));
        v.update(msg);
        Check.isTrue("reuse after verify", v.verify(signature));
        for (int[] split : Pieces.splits(msg.length)) {
            feed(v, msg, split);
            Check.isTrue("verify in pieces", v.verify(signature));
        }
        v.update(ByteBuffer.wrap(msg));
        Check.isTrue("verify heap ByteBuffer", v.verify(signature));
        byte[] tampered = msg.clone();
        tampered[0] ^= 1;
        v.update(tampered);
        Check.isTrue("tampered message does not verify", !v.verify(signature));
        byte[] badSig = signature.clone();
        badSig[badSig.length / 2] ^= 1;
        v.update(msg);
        boolean accepted;
        try {
            accepted = v.verify(badSig);
        } catch (java.security.SignatureException e) {
            accepted = false;
            v.initVerify(vk);
            params(v);
        }
        Check.isTrue("tampered signature does not verify", !accepted);
        v.update(msg);
        Check.isTrue("verify after a failed verify", v.verify(signature));
    }

    private boolean reference(byte[] msg, byte[] signature) throws GeneralSecurityException {
        Signature ref = s.verifier().get();
        ref.initVerify(s.publicKey());
        params(ref);
        ref.update(msg);
        return ref.verify(signature);
    }

    private void params(Signature sig) throws GeneralSecurityException {
        if (s.params() != null) {
            sig.setParameter(s.params());
        }
    }

    private static void feed(Signature sig, byte[] msg, int[] split) throws GeneralSecurityException {
        int off = 0;
        for (int n : split) {
            sig.update(msg, off, n);
            off += n;
        }
    }
}
