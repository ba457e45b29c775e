package io.keywarden.provider.cipher;

import io.keywarden.kms.api.DirectUnwrapKeyRequest;
import io.keywarden.kms.api.DirectWrapAlgorithm;
import io.keywarden.kms.api.DirectWrapKeyRequest;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.errors.InvalidCiphertextException;
import io.keywarden.kms.api.errors.KmsException;
import io.keywarden.kms.api.errors.ValidationException;
import io.keywarden.provider.BoundedBuffer;
import io.keywarden.provider.JcaErrors;
import io.keywarden.provider.KmsDirectAesKey;
import io.keywarden.provider.KmsKeys;
import io.keywarden.provider.UsableKey;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.CipherSpi;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * <b>Keywarden extension</b>: {@code AES/KW/NoPadding} (RFC 3394) and {@code AES/KWP/NoPadding}
 * (RFC 5649) on a {@link KmsDirectAesKey} handle of an imported KEYWARDEN_AES_* key, with the raw
 * output of the JDK's ciphers of the same names, computed in the backend (DirectWrapKey,
 * DirectUnwrapKey). ENCRYPT/DECRYPT take the bytes through {@code doFinal}; WRAP/UNWRAP take keys.
 * Only the default integrity check values are supported (no parameters). A failed integrity check
 * is a {@link BadPaddingException} (decrypt) or {@link InvalidKeyException} (unwrap).
 */
public abstract class DirectKeyWrapCipher extends CipherSpi {

    static final int MAX_INPUT = 4096 + 16;

    /** {@code AES/KW/NoPadding}. */
    public static final class Kw extends DirectKeyWrapCipher {
        public Kw() {
            super(DirectWrapAlgorithm.AES_KW, "AES/KW/NoPadding", "KW");
        }
    }

    /** {@code AES/KWP/NoPadding}. */
    public static final class Kwp extends DirectKeyWrapCipher {
        public Kwp() {
            super(DirectWrapAlgorithm.AES_KWP, "AES/KWP/NoPadding", "KWP");
        }
    }

    private final DirectWrapAlgorithm algorithm;
    private final String service;
    private final String modeName;
    private int mode;
    private KmsBackend backend;
    private String keyId;
    private BoundedBuffer input;

    DirectKeyWrapCipher(DirectWrapAlgorithm algorithm, String service, String modeName) {
        this.algorithm = algorithm;
        this.service = service;
        this.modeName = modeName;
    }

    @Override
    protected void engineSetMode(String m) throws NoSuchAlgorithmException {
        if (!modeName.equalsIgnoreCase(m)) {
            throw new NoSuchAlgorithmException("Only " + modeName + " mode is supported");
        }
    }

    @Override
    protected void engineSetPadding(String p) throws NoSuchPaddingException {
        if (!"NoPadding".equalsIgnoreCase(p)) {
            throw new NoSuchPaddingException("Only NoPadding is supported");
        }
    }

    @Override
    protected int engineGetBlockSize() {
        return 8;
    }

    @Override
    protected int engineGetOutputSize(int inputLen) {
        long n = (input == null ? 0 : input.length()) + Math.max(inputLen, 0);
        boolean out = mode == Cipher.ENCRYPT_MODE || mode == Cipher.WRAP_MODE;
        return (int) Math.min(out ? (n + 7) / 8 * 8 + 8 : n, Integer.MAX_VALUE);
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
        if (!(key instanceof KmsDirectAesKey)) {
            throw new InvalidKeyException(service + " in Keywarden takes a KmsDirectAesKey handle (an imported "
                    + "KEYWARDEN_AES_* key)");
        }
        if (opmode < Cipher.ENCRYPT_MODE || opmode > Cipher.UNWRAP_MODE) {
            throw new InvalidParameterException("Unknown mode " + opmode);
        }
        UsableKey usable = UsableKey.of(key, KeyUsage.ENCRYPT_DECRYPT, service);
        this.backend = KmsKeys.backend(key);
        this.keyId = usable.keyId();
        this.mode = opmode;
        this.input = new BoundedBuffer(MAX_INPUT);
    }

    @Override
    protected void engineInit(int opmode, Key key, AlgorithmParameterSpec params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        if (params != null) {
            throw new InvalidAlgorithmParameterException(service + " takes no parameters (default ICV only)");
        }
        engineInit(opmode, key, random);
    }

    @Override
    protected void engineInit(int opmode, Key key, AlgorithmParameters params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        if (params != null) {
            throw new InvalidAlgorithmParameterException(service + " takes no parameters (default ICV only)");
        }
        engineInit(opmode, key, random);
    }

    @Override
    protected byte[] engineUpdate(byte[] in, int off, int len) {
        data().add(in, off, len);
        return new byte[0];
    }

    @Override
    protected int engineUpdate(byte[] in, int off, int len, byte[] out, int outOff) {
        engineUpdate(in, off, len);
        return 0;
    }

    @Override
    protected byte[] engineDoFinal(byte[] in, int off, int len) throws IllegalBlockSizeException, BadPaddingException {
        if (in != null && len > 0) {
            data().add(in, off, len);
        }
        byte[] bytes = data().toByteArray();
        boolean overflow = input.overflowed();
        input.reset();
        if (overflow) {
            throw new IllegalBlockSizeException(service + " takes at most " + MAX_INPUT + " bytes");
        }
        try {
            return mode == Cipher.ENCRYPT_MODE ? wrap(bytes) : unwrap(bytes);
        } catch (InvalidCiphertextException e) {
            BadPaddingException x = new BadPaddingException("Integrity check failed");
            x.initCause(e);
            throw x;
        } catch (ValidationException e) {
            IllegalBlockSizeException x = new IllegalBlockSizeException(e.getMessage());
            x.initCause(e);
            throw x;
        } catch (KmsException e) {
            throw JcaErrors.duringOperation(e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    @Override
    protected int engineDoFinal(byte[] in, int off, int len, byte[] out, int outOff)
            throws ShortBufferException, IllegalBlockSizeException, BadPaddingException {
        byte[] result = engineDoFinal(in, off, len);
        if (out == null || out.length - outOff < result.length) {
            Arrays.fill(result, (byte) 0);
            throw new ShortBufferException("Need " + result.length + " bytes of output");
        }
        System.arraycopy(result, 0, out, outOff, result.length);
        return result.length;
    }

    @Override
    protected byte[] engineWrap(Key key) throws IllegalBlockSizeException, InvalidKeyException {
        requireMode(Cipher.WRAP_MODE);
        byte[] encoded = key == null ? null : key.getEncoded();
        if (encoded == null) {
            throw new InvalidKeyException("The key to wrap has no encoding");
        }
        try {
            return wrap(encoded);
        } catch (ValidationException e) {
            IllegalBlockSizeException x = new IllegalBlockSizeException(e.getMessage());
            x.initCause(e);
            throw x;
        } catch (KmsException e) {
            throw JcaErrors.duringOperation(e);
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    @Override
    protected Key engineUnwrap(byte[] wrappedKey, String keyAlgorithm, int type)
            throws InvalidKeyException, NoSuchAlgorithmException {
        requireMode(Cipher.UNWRAP_MODE);
        byte[] plain;
        try {
            plain = unwrap(wrappedKey);
        } catch (InvalidCiphertextException e) {
            InvalidKeyException x = new InvalidKeyException("Integrity check failed");
            x.initCause(e);
            throw x;
        } catch (KmsException e) {
            throw JcaErrors.duringOperation(e);
        }
        try {
            return switch (type) {
                case Cipher.SECRET_KEY -> new SecretKeySpec(plain, keyAlgorithm);
                case Cipher.PRIVATE_KEY -> KeyFactory.getInstance(keyAlgorithm)
                        .generatePrivate(new PKCS8EncodedKeySpec(plain));
                case Cipher.PUBLIC_KEY -> KeyFactory.getInstance(keyAlgorithm)
                        .generatePublic(new X509EncodedKeySpec(plain));
                default -> throw new InvalidKeyException("Unknown key type " + type);
            };
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new InvalidKeyException("The unwrapped key cannot be decoded as " + keyAlgorithm, e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private byte[] wrap(byte[] plaintextKey) {
        return backend.directWrapKey(DirectWrapKeyRequest.builder().keyId(keyId).plaintextKey(plaintextKey)
                .wrappingAlgorithm(algorithm).build()).wrappedKey();
    }

    private byte[] unwrap(byte[] wrapped) {
        return backend.directUnwrapKey(DirectUnwrapKeyRequest.builder().keyId(keyId).wrappedKey(wrapped)
                .wrappingAlgorithm(algorithm).build()).plaintextKey();
    }

    private BoundedBuffer data() {
        if (input == null) {
            throw new IllegalStateException("Cipher not initialized");
        }
        if (mode != Cipher.ENCRYPT_MODE && mode != Cipher.DECRYPT_MODE) {
            throw new IllegalStateException(service + " in WRAP/UNWRAP mode takes keys: use wrap/unwrap");
        }
        return input;
    }

    private void requireMode(int expected) {
        if (input == null || mode != expected) {
            throw new IllegalStateException("Cipher not initialized for " + (expected == Cipher.WRAP_MODE
                    ? "WRAP_MODE" : "UNWRAP_MODE"));
        }
    }
}
