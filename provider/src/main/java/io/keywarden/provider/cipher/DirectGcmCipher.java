package io.keywarden.provider.cipher;

import io.keywarden.kms.api.DirectDecryptRequest;
import io.keywarden.kms.api.DirectEncryptRequest;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.errors.InvalidCiphertextException;
import io.keywarden.kms.api.errors.KmsException;
import io.keywarden.kms.api.errors.ValidationException;
import io.keywarden.provider.BoundedBuffer;
import io.keywarden.provider.JcaErrors;
import io.keywarden.provider.KmsDirectAesKey;
import io.keywarden.provider.KmsKeys;
import io.keywarden.provider.UsableKey;
import java.nio.ByteBuffer;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.Key;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.CipherSpi;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.GCMParameterSpec;

/**
 * <b>Keywarden extension</b>: {@code AES/GCM/NoPadding} in direct mode on a {@link KmsDirectAesKey}
 * (an imported KEYWARDEN_AES_* key): the caller's IV, AAD and tag length, and the raw ciphertext‖tag
 * of standard AES-GCM, computed in the backend (DirectEncrypt/DirectDecrypt). Input and AAD are
 * buffered (up to 64 KiB) and sent at {@code doFinal}; nothing is released before the tag is
 * checked. Without parameters, encryption draws a random 12-byte IV (as the JDK does). Like the
 * JDK, an encryption cipher must be re-initialized with a new IV after {@code doFinal}, and the same
 * key and IV are refused for a second encryption by the same instance.
 */
public final class DirectGcmCipher extends CipherSpi {

    /** The tag lengths the JDK's AES-GCM accepts, in bits. */
    static final Set<Integer> TAG_LENGTHS = Set.of(96, 104, 112, 120, 128);
    static final int MAX_INPUT = 65536 + 16;
    static final int MAX_IV = 1024;

    private int mode;
    private KmsBackend backend;
    private String keyId;
    private byte[] iv;
    private int tagBits;
    private BoundedBuffer input;
    private BoundedBuffer aad;
    private boolean used;
    private String lastEncryptionKeyAndIv;

    @Override
    protected void engineSetMode(String m) throws java.security.NoSuchAlgorithmException {
        if (!"GCM".equalsIgnoreCase(m)) {
            throw new java.security.NoSuchAlgorithmException("Only GCM mode is supported");
        }
    }

    @Override
    protected void engineSetPadding(String p) throws javax.crypto.NoSuchPaddingException {
        if (!"NoPadding".equalsIgnoreCase(p)) {
            throw new javax.crypto.NoSuchPaddingException("Only NoPadding is supported");
        }
    }

    @Override
    protected int engineGetBlockSize() {
        return 16;
    }

    @Override
    protected int engineGetOutputSize(int inputLen) {
        long buffered = (input == null ? 0 : input.length()) + Math.max(inputLen, 0);
        long n = mode == Cipher.DECRYPT_MODE ? Math.max(0, buffered - tagBits / 8) : buffered + tagBits / 8;
        return (int) Math.min(n, Integer.MAX_VALUE);
    }

    @Override
    protected byte[] engineGetIV() {
        return iv == null ? null : iv.clone();
    }

    @Override
    protected AlgorithmParameters engineGetParameters() {
        if (iv == null) {
            return null;
        }
        try {
            AlgorithmParameters p = AlgorithmParameters.getInstance("GCM");
            p.init(new GCMParameterSpec(tagBits, iv));
            return p;
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    @Override
    protected void engineInit(int opmode, Key key, SecureRandom random) throws InvalidKeyException {
        try {
            engineInit(opmode, key, (AlgorithmParameterSpec) null, random);
        } catch (InvalidAlgorithmParameterException e) {
            throw new InvalidKeyException(e.getMessage(), e);
        }
    }

    @Override
    protected void engineInit(int opmode, Key key, AlgorithmParameters params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        GCMParameterSpec spec = null;
        if (params != null) {
            try {
                spec = params.getParameterSpec(GCMParameterSpec.class);
            } catch (java.security.spec.InvalidParameterSpecException e) {
                throw new InvalidAlgorithmParameterException("GCM parameters expected", e);
            }
        }
        engineInit(opmode, key, spec, random);
    }

    @Override
    protected void engineInit(int opmode, Key key, AlgorithmParameterSpec params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        if (!(key instanceof KmsDirectAesKey)) {
            throw new InvalidKeyException("AES/GCM/NoPadding in direct mode takes a KmsDirectAesKey handle");
        }
        if (opmode != Cipher.ENCRYPT_MODE && opmode != Cipher.DECRYPT_MODE) {
            throw new InvalidParameterException("Direct AES-GCM supports ENCRYPT_MODE and DECRYPT_MODE only");
        }
        byte[] newIv;
        int newTag;
        if (params == null) {
            if (opmode == Cipher.DECRYPT_MODE) {
                throw new InvalidAlgorithmParameterException("Decryption needs a GCMParameterSpec with the IV");
            }
            newIv = new byte[12];
            (random == null ? new SecureRandom() : random).nextBytes(newIv);
            newTag = 128;
        } else if (params instanceof GCMParameterSpec g) {
            newIv = g.getIV();
            newTag = g.getTLen();
        } else {
            throw new InvalidAlgorithmParameterException("GCMParameterSpec expected");
        }
        if (!TAG_LENGTHS.contains(newTag)) {
            throw new InvalidAlgorithmParameterException("Unsupported tag length " + newTag + "; one of "
                    + TAG_LENGTHS + " bits");
        }
        if (newIv.length < 1 || newIv.length > MAX_IV) {
            throw new InvalidAlgorithmParameterException("The IV must be 1 to " + MAX_IV + " bytes");
        }
        String id = ((KmsDirectAesKey) key).keyId();
        String keyAndIv = id + "/" + java.util.HexFormat.of().formatHex(newIv);
        if (opmode == Cipher.ENCRYPT_MODE && keyAndIv.equals(lastEncryptionKeyAndIv)) {
            throw new InvalidAlgorithmParameterException("Cannot reuse the IV for GCM encryption with the same key");
        }
        UsableKey usable = UsableKey.of(key, io.keywarden.kms.api.KeyUsage.ENCRYPT_DECRYPT, "AES/GCM/NoPadding");
        this.backend = KmsKeys.backend(key);
        this.keyId = usable.keyId();
        this.mode = opmode;
        this.iv = newIv;
        this.tagBits = newTag;
        this.input = new BoundedBuffer(MAX_INPUT);
        this.aad = new BoundedBuffer(MAX_INPUT);
        this.used = false;
        if (opmode == Cipher.ENCRYPT_MODE) {
            lastEncryptionKeyAndIv = keyAndIv;
        }
    }

    private void ready() {
        if (input == null) {
            throw new IllegalStateException("Cipher not initialized");
        }
        if (used && mode == Cipher.ENCRYPT_MODE) {
            throw new IllegalStateException("Must use either a different key or IV for GCM encryption: "
                    + "re-initialize the cipher");
        }
    }

    @Override
    protected void engineUpdateAAD(byte[] src, int offset, int len) {
        ready();
        if (input.length() > 0) {
            throw new IllegalStateException("AAD must be supplied before the data");
        }
        aad.add(src, offset, len);
    }

    @Override
    protected void engineUpdateAAD(ByteBuffer src) {
        byte[] b = new byte[src.remaining()];
        src.get(b);
        engineUpdateAAD(b, 0, b.length);
    }

    @Override
    protected byte[] engineUpdate(byte[] in, int off, int len) {
        ready();
        input.add(in, off, len);
        return new byte[0];
    }

    @Override
    protected int engineUpdate(byte[] in, int off, int len, byte[] out, int outOff) {
        engineUpdate(in, off, len);
        return 0;
    }

    @Override
    protected byte[] engineDoFinal(byte[] in, int off, int len) throws IllegalBlockSizeException, BadPaddingException {
        ready();
        if (in != null && len > 0) {
            input.add(in, off, len);
        }
        if (input.overflowed() || aad.overflowed()) {
            reset();
            throw new IllegalBlockSizeException("Direct AES-GCM takes at most " + (MAX_INPUT - 16)
                    + " bytes of data and of AAD");
        }
        byte[] data = input.toByteArray();
        byte[] associated = aad.toByteArray();
        try {
            if (mode == Cipher.ENCRYPT_MODE) {
                used = true;
                return backend.directEncrypt(DirectEncryptRequest.builder().keyId(keyId).iv(iv).aad(associated)
                        .plaintext(data).tagLength(tagBits).build()).ciphertext();
            }
            return backend.directDecrypt(DirectDecryptRequest.builder().keyId(keyId).iv(iv).aad(associated)
                    .ciphertext(data).tagLength(tagBits).build()).plaintext();
        } catch (InvalidCiphertextException e) {
            AEADBadTagException x = new AEADBadTagException("Tag mismatch");
            x.initCause(e);
            throw x;
        } catch (ValidationException e) {
            IllegalBlockSizeException x = new IllegalBlockSizeException(e.getMessage());
            x.initCause(e);
            throw x;
        } catch (KmsException e) {
            throw JcaErrors.duringOperation(e);
        } finally {
            Arrays.fill(data, (byte) 0);
            reset();
        }
    }

    @Override
    protected int engineDoFinal(byte[] in, int off, int len, byte[] out, int outOff)
            throws ShortBufferException, IllegalBlockSizeException, BadPaddingException {
        if (out == null || out.length - outOff < engineGetOutputSize(len)) {
            throw new ShortBufferException("Need " + engineGetOutputSize(len) + " bytes of output");
        }
        byte[] result = engineDoFinal(in, off, len);
        System.arraycopy(result, 0, out, outOff, result.length);
        return result.length;
    }

    /** Ready for the next message (decryption, or encryption after a re-init). */
    private void reset() {
        input.reset();
        aad.reset();
    }
}
