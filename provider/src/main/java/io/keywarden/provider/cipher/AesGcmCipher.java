package io.keywarden.provider.cipher;

import io.keywarden.provider.KmsDirectAesKey;
import java.nio.ByteBuffer;
import java.security.AlgorithmParameters;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.BadPaddingException;
import javax.crypto.CipherSpi;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.ShortBufferException;

/**
 * The {@code AES/GCM/NoPadding} service: envelope encryption ({@link EnvelopeGcmCipher}, the
 * default, for SYMMETRIC_DEFAULT handles) or, as a <b>Keywarden extension</b>, direct AES-GCM
 * ({@link DirectGcmCipher}) for a {@link KmsDirectAesKey} handle of an imported KEYWARDEN_AES_* key.
 * The choice is made at each {@code init} by the handle's class; every call goes to the chosen one.
 */
public final class AesGcmCipher extends CipherSpi {

    private final EnvelopeGcmCipher envelope = new EnvelopeGcmCipher();
    private DirectGcmCipher direct;
    private CipherSpi current = envelope;

    private CipherSpi choose(Key key) {
        if (key instanceof KmsDirectAesKey) {
            if (direct == null) {
                direct = new DirectGcmCipher();
            }
            current = direct;
        } else {
            current = envelope;
        }
        return current;
    }

    @Override
    protected void engineSetMode(String mode) throws NoSuchAlgorithmException {
        envelope.engineSetMode(mode);
    }

    @Override
    protected void engineSetPadding(String padding) throws NoSuchPaddingException {
        envelope.engineSetPadding(padding);
    }

    @Override
    protected int engineGetBlockSize() {
        return 16;
    }

    @Override
    protected int engineGetOutputSize(int inputLen) {
        return current == direct ? direct.engineGetOutputSize(inputLen) : envelope.engineGetOutputSize(inputLen);
    }

    @Override
    protected byte[] engineGetIV() {
        return current == direct ? direct.engineGetIV() : envelope.engineGetIV();
    }

    @Override
    protected AlgorithmParameters engineGetParameters() {
        return current == direct ? direct.engineGetParameters() : envelope.engineGetParameters();
    }

    @Override
    protected void engineInit(int opmode, Key key, SecureRandom random) throws InvalidKeyException {
        if (choose(key) == direct) {
            direct.engineInit(opmode, key, random);
        } else {
            envelope.engineInit(opmode, key, random);
        }
    }

    @Override
    protected void engineInit(int opmode, Key key, AlgorithmParameterSpec params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        if (choose(key) == direct) {
            direct.engineInit(opmode, key, params, random);
        } else {
            envelope.engineInit(opmode, key, params, random);
        }
    }

    @Override
    protected void engineInit(int opmode, Key key, AlgorithmParameters params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        if (choose(key) == direct) {
            direct.engineInit(opmode, key, params, random);
        } else {
            envelope.engineInit(opmode, key, params, random);
        }
    }

    @Override
    protected void engineUpdateAAD(byte[] src, int offset, int len) {
        if (current == direct) {
            direct.engineUpdateAAD(src, offset, len);
        } else {
            envelope.engineUpdateAAD(src, offset, len);
        }
    }

    @Override
    protected void engineUpdateAAD(ByteBuffer src) {
        if (current == direct) {
            direct.engineUpdateAAD(src);
        } else {
            envelope.engineUpdateAAD(src);
        }
    }

    @Override
    protected byte[] engineUpdate(byte[] input, int off, int len) {
        return current == direct ? direct.engineUpdate(input, off, len) : envelope.engineUpdate(input, off, len);
    }

    @Override
    protected int engineUpdate(byte[] input, int off, int len, byte[] output, int outOff) throws ShortBufferException {
        return current == direct ? direct.engineUpdate(input, off, len, output, outOff)
                : envelope.engineUpdate(input, off, len, output, outOff);
    }

    @Override
    protected byte[] engineDoFinal(byte[] input, int off, int len) throws IllegalBlockSizeException, BadPaddingException {
        return current == direct ? direct.engineDoFinal(input, off, len) : envelope.engineDoFinal(input, off, len);
    }

    @Override
    protected int engineDoFinal(byte[] input, int off, int len, byte[] output, int outOff)
            throws ShortBufferException, IllegalBlockSizeException, BadPaddingException {
        return current == direct ? direct.engineDoFinal(input, off, len, output, outOff)
                : envelope.engineDoFinal(input, off, len, output, outOff);
    }

    @Override
    protected byte[] engineWrap(Key key) throws IllegalBlockSizeException, InvalidKeyException {
        if (current == direct) {
            throw new UnsupportedOperationException("Direct AES-GCM does not wrap keys; use AES/KW/NoPadding");
        }
        return envelope.engineWrap(key);
    }

    @Override
    protected Key engineUnwrap(byte[] wrappedKey, String algorithm, int type)
            throws InvalidKeyException, NoSuchAlgorithmException {
        if (current == direct) {
            throw new UnsupportedOperationException("Direct AES-GCM does not unwrap keys; use AES/KW/NoPadding");
        }
        return envelope.engineUnwrap(wrappedKey, algorithm, type);
    }
}
