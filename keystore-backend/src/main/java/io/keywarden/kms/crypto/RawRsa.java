package io.keywarden.kms.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.interfaces.RSAKey;
import java.util.Arrays;
import javax.crypto.Cipher;
import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.params.RSAKeyParameters;

/**
 * The RSA private-key operation (m^d mod n) of one key as a Bouncy Castle {@link AsymmetricBlockCipher},
 * done by {@link LocalCrypto}'s {@code RSA/ECB/NoPadding} (ACCP's AWS-LC, or SunJCE; both blind the
 * private operation). {@link RsaStrategy} puts Bouncy Castle's EMSA-PSS encoding over it, since no
 * JCA provider signs a precomputed digest with PSS. Signing only.
 */
final class RawRsa implements AsymmetricBlockCipher {

    private final PrivateKey key;
    private final int bytes;
    private final Cipher cipher;

    private RawRsa(PrivateKey key, Cipher cipher) {
        this.key = key;
        this.cipher = cipher;
        this.bytes = (modulus(key).bitLength() + 7) / 8;
    }

    /** One raw RSA Cipher per thread; each use is a complete init/doFinal within one signature. */
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return LocalCrypto.cipher("RSA/ECB/NoPadding");
        } catch (GeneralSecurityException e) {
            throw Checks.internal(e);
        }
    });

    /** The private key in {@code pkcs8}, parsed by LocalCrypto's provider ({@link PrivateKeys}). */
    static RawRsa of(byte[] pkcs8) throws GeneralSecurityException {
        return new RawRsa(PrivateKeys.parse("RSA", pkcs8), CIPHER.get());
    }

    /** The key's modulus and public part, which PSS needs for its encoded-message length. */
    RSAKeyParameters parameters() {
        return new RSAKeyParameters(true, modulus(key), BigInteger.ONE);
    }

    private static BigInteger modulus(PrivateKey k) {
        return ((RSAKey) k).getModulus();
    }

    @Override
    public void init(boolean forEncryption, CipherParameters param) {
        if (!forEncryption) {
            throw new IllegalArgumentException("RawRsa only signs");
        }
        try {
            cipher.init(Cipher.DECRYPT_MODE, key); // the raw private operation
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the RSA key was refused", e);
        }
    }

    @Override
    public int getInputBlockSize() {
        return bytes;
    }

    @Override
    public int getOutputBlockSize() {
        return bytes;
    }

    @Override
    public byte[] processBlock(byte[] in, int inOff, int len) {
        try {
            byte[] out = cipher.doFinal(in, inOff, len);
            if (out.length == bytes) {
                return out;
            }
            if (out.length > bytes) {
                throw new DataLengthException("the RSA output is longer than the modulus");
            }
            byte[] padded = new byte[bytes];
            System.arraycopy(out, 0, padded, bytes - out.length, out.length);
            Arrays.fill(out, (byte) 0);
            return padded;
        } catch (GeneralSecurityException e) {
            throw new DataLengthException("the RSA private operation failed: " + e.getClass().getSimpleName());
        }
    }
}
