package io.keywarden.provider.cipher;

import io.keywarden.kms.api.DecryptRequest;
import io.keywarden.kms.api.EncryptRequest;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.errors.KmsException;
import io.keywarden.provider.JcaErrors;
import io.keywarden.provider.KmsKeys;
import io.keywarden.provider.KmsSecretKey;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.CipherSpi;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.NoSuchPaddingException;

/**
 * {@code AESWrap} / {@code AESWrapPad} on a Keywarden AES handle: {@code Cipher.wrap} has the backend
 * Encrypt the key's encoding under an encryption context naming the wrapped key's algorithm and type;
 * {@code Cipher.unwrap} has it Decrypt under the same context and rebuilds a key of the requested
 * algorithm and type. The output is a KMS ciphertext blob, not RFC 3394/5649 bytes. Only
 * WRAP_MODE and UNWRAP_MODE are supported; ENCRYPT/DECRYPT_MODE are an
 * {@link UnsupportedOperationException} at init.
 */
public abstract class KmsAesWrapCipher extends CipherSpi {

    private final boolean pad;
    private KmsBackend backend;
    private String keyId;
    private int mode;

    KmsAesWrapCipher(boolean pad) {
        this.pad = pad;
    }

    /** AESWrap: keys whose encoding is a multiple of 8 bytes, at least 16 (as RFC 3394 requires). */
    public static final class Wrap extends KmsAesWrapCipher {
        public Wrap() {
            super(false);
        }
    }

    /** AESWrapPad: keys of any length. */
    public static final class WrapPad extends KmsAesWrapCipher {
        public WrapPad() {
            super(true);
        }
    }

    @Override
    protected void engineSetMode(String m) throws NoSuchAlgorithmException {
        if (!"ECB".equalsIgnoreCase(m) && !"KW".equalsIgnoreCase(m) && !"KWP".equalsIgnoreCase(m)) {
            throw new NoSuchAlgorithmException("Unsupported mode " + m);
        }
    }

    @Override
    protected void engineSetPadding(String p) throws NoSuchPaddingException {
        if (!"NoPadding".equalsIgnoreCase(p)) {
            throw new NoSuchPaddingException("Unsupported padding " + p);
        }
    }

    @Override
    protected int engineGetBlockSize() {
        return 8;
    }

    @Override
    protected int engineGetOutputSize(int inputLen) {
        return Math.max(inputLen, 0) + 6144;
    }

    @Override
    protected byte[] engineGetIV() {
        return null;
    }

    @Override
    protected AlgorithmParameters engineGetParameters() {
        return null;
    }

    @Override
    protected void engineInit(int opmode, Key key, SecureRandom random) throws InvalidKeyException {
        KmsBackend b = KmsKeys.backend(key);
        if (!(key instanceof KmsSecretKey) || !"AES".equals(key.getAlgorithm())) {
            throw new InvalidKeyException("AESWrap takes a Keywarden AES (symmetric) key handle");
        }
        if (opmode != Cipher.WRAP_MODE && opmode != Cipher.UNWRAP_MODE) {
            throw new UnsupportedOperationException("Keywarden's AESWrap supports WRAP_MODE and UNWRAP_MODE only");
        }
        this.backend = b;
        this.keyId = ((KmsSecretKey) key).keyId();
        this.mode = opmode;
    }

    @Override
    protected void engineInit(int opmode, Key key, AlgorithmParameterSpec params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        if (params != null) {
            throw new InvalidAlgorithmParameterException("AESWrap takes no parameters");
        }
        engineInit(opmode, key, random);
    }

    @Override
    protected void engineInit(int opmode, Key key, AlgorithmParameters params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        if (params != null) {
            throw new InvalidAlgorithmParameterException("AESWrap takes no parameters");
        }
        engineInit(opmode, key, random);
    }

    @Override
    protected byte[] engineUpdate(byte[] input, int off, int len) {
        throw new IllegalStateException("AESWrap supports wrap and unwrap only");
    }

    @Override
    protected int engineUpdate(byte[] input, int off, int len, byte[] output, int outOff) {
        throw new IllegalStateException("AESWrap supports wrap and unwrap only");
    }

    @Override
    protected byte[] engineDoFinal(byte[] input, int off, int len) {
        throw new IllegalStateException("AESWrap supports wrap and unwrap only");
    }

    @Override
    protected int engineDoFinal(byte[] input, int off, int len, byte[] output, int outOff) {
        throw new IllegalStateException("AESWrap supports wrap and unwrap only");
    }

    @Override
    protected byte[] engineWrap(Key key) throws IllegalBlockSizeException, InvalidKeyException {
        checkMode(Cipher.WRAP_MODE);
        byte[] encoded = WrappedKeys.encoded(key);
        try {
            if (!pad && (encoded.length % 8 != 0 || encoded.length < 16)) {
                throw new IllegalBlockSizeException("AESWrap needs a key encoding that is a multiple of 8 bytes "
                        + "(at least 16); use AESWrapPad");
            }
            return backend.encrypt(EncryptRequest.builder().keyId(keyId).plaintext(encoded)
                    .encryptionContext(WrappedKeys.context(key.getAlgorithm(), WrappedKeys.type(key)))
                    .build()).ciphertextBlob();
        } catch (KmsException e) {
            if (JcaErrors.isKeyProblem(e)) {
                throw JcaErrors.invalidKey(e);
            }
            throw JcaErrors.provider(e);
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    @Override
    protected Key engineUnwrap(byte[] wrappedKey, String algorithm, int type)
            throws InvalidKeyException, NoSuchAlgorithmException {
        checkMode(Cipher.UNWRAP_MODE);
        if (wrappedKey == null || wrappedKey.length == 0 || algorithm == null) {
            throw new InvalidKeyException("Nothing to unwrap");
        }
        byte[] encoded;
        try {
            encoded = backend.decrypt(DecryptRequest.builder().keyId(keyId).ciphertextBlob(wrappedKey)
                    .encryptionContext(WrappedKeys.context(algorithm, type)).build()).plaintext();
        } catch (KmsException e) {
            GeneralSecurityException x = JcaErrors.forDecryption(e, true);
            throw x instanceof InvalidKeyException ik ? ik
                    : new InvalidKeyException("The wrapped key does not authenticate under this key, algorithm "
                    + "and type", x);
        }
        return WrappedKeys.construct(encoded, algorithm, type);
    }

    private void checkMode(int expected) {
        if (backend == null || mode != expected) {
            throw new IllegalStateException("Cipher not initialized for this operation");
        }
    }
}
