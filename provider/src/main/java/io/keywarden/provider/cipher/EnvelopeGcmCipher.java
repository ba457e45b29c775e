package io.keywarden.provider.cipher;

import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.errors.KmsException;
import io.keywarden.provider.JcaErrors;
import io.keywarden.provider.KeywardenRuntime;
import io.keywarden.provider.KmsEncryptionSpec;
import io.keywarden.provider.KmsKeys;
import io.keywarden.provider.KmsSecretKey;
import io.keywarden.provider.envelope.DataKeyCache;
import io.keywarden.provider.envelope.DataKeyCachePolicy;
import io.keywarden.provider.envelope.EncryptionContexts;
import io.keywarden.provider.envelope.EnvelopeDecryptor;
import io.keywarden.provider.envelope.EnvelopeEncryptor;
import io.keywarden.provider.envelope.EnvelopeFormat;
import io.keywarden.provider.envelope.EnvelopeHeader;
import java.nio.ByteBuffer;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.Key;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.InvalidParameterSpecException;
import java.util.Arrays;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.CipherSpi;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.GCMParameterSpec;

/**
 * {@code AES/GCM/NoPadding} on a Keywarden AES handle: envelope encryption in the format of
 * docs/envelope-format.md. Encryption asks the backend for a data key under the handle's key and
 * the encryption context (at {@code init}) and encrypts locally with AES-GCM (LocalCrypto: ACCP or
 * the JDK), frame by frame; decryption reads the header, has the backend decrypt the wrapped data
 * key, checks the key commitment and every frame's tag before releasing that frame's plaintext. Memory stays bounded by
 * one frame whatever the message length. Parameters: none, {@link GCMParameterSpec} (tag length
 * 128; the IV is mixed into the key derivation), or {@link KmsEncryptionSpec}. A SecureRandom
 * given to {@code init} is not used ({@code Cipher.init(mode, key)} hands every provider the JDK's
 * NativePRNG): message ids come from LocalCrypto's DRBG through {@code PublicRandom}.
 */
public final class EnvelopeGcmCipher extends CipherSpi {

    private int mode;
    private KmsBackend backend;
    private KeywardenRuntime runtime;
    private String keyId;
    private Map<String, String> context;
    private byte[] canonicalContext;
    private byte[] contextHash;
    private byte[] appIv;
    private int frameSize;
    private DataKeyCachePolicy cachePolicy;

    private EnvelopeEncryptor encryptor;
    private EnvelopeDecryptor decryptor;
    private DataKeys.Lease lease;
    /** The message in progress has ended (doFinal); the next data call starts a new one. */
    private boolean finished;

    public EnvelopeGcmCipher() {
    }

    @Override
    protected void engineSetMode(String m) throws NoSuchAlgorithmException {
        if (!"GCM".equalsIgnoreCase(m)) {
            throw new NoSuchAlgorithmException("Only GCM mode is supported");
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
        return 16;
    }

    @Override
    protected int engineGetOutputSize(int inputLen) {
        long n;
        if (isEncrypting()) {
            n = encryptor == null || finished ? EnvelopeFormat.MAX_HEADER_LENGTH + Math.max(inputLen, 0)
                    + ((long) Math.max(inputLen, 0) / frameSize + 1) * EnvelopeFormat.TAG_LENGTH
                    : encryptor.outputSize(inputLen, true);
        } else {
            n = decryptor == null || finished ? Math.max(inputLen, 0) : decryptor.outputSize(inputLen);
        }
        return (int) Math.min(n, Integer.MAX_VALUE);
    }

    @Override
    protected byte[] engineGetIV() {
        if (appIv != null) {
            return appIv.clone();
        }
        EnvelopeHeader h = isEncrypting() ? (encryptor == null ? null : encryptor.header())
                : (decryptor == null ? null : decryptor.header());
        return h == null ? null : Arrays.copyOf(h.messageId(), EnvelopeFormat.IV_LENGTH);
    }

    @Override
    protected AlgorithmParameters engineGetParameters() {
        byte[] iv = engineGetIV();
        if (iv == null) {
            return null;
        }
        try {
            AlgorithmParameters p = AlgorithmParameters.getInstance("GCM");
            p.init(new GCMParameterSpec(128, iv));
            return p;
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    @Override
    protected void engineInit(int opmode, Key key, SecureRandom rnd) throws InvalidKeyException {
        try {
            engineInit(opmode, key, (AlgorithmParameterSpec) null, rnd);
        } catch (InvalidAlgorithmParameterException e) {
            throw new InvalidKeyException(e.getMessage(), e);
        }
    }

    @Override
    protected void engineInit(int opmode, Key key, AlgorithmParameters params, SecureRandom rnd)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        AlgorithmParameterSpec spec = null;
        if (params != null) {
            try {
                spec = params.getParameterSpec(GCMParameterSpec.class);
            } catch (InvalidParameterSpecException e) {
                throw new InvalidAlgorithmParameterException("GCM parameters expected", e);
            }
        }
        engineInit(opmode, key, spec, rnd);
    }

    @Override
    protected void engineInit(int opmode, Key key, AlgorithmParameterSpec params, SecureRandom rnd)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        KmsBackend b = KmsKeys.backend(key);
        if (!(key instanceof KmsSecretKey) || !"AES".equals(key.getAlgorithm())) {
            throw new InvalidKeyException("AES/GCM/NoPadding takes a Keywarden AES (symmetric) key handle");
        }
        KmsEncryptionSpec spec = toSpec(params);
        if (opmode != Cipher.ENCRYPT_MODE && opmode != Cipher.DECRYPT_MODE && opmode != Cipher.WRAP_MODE
                && opmode != Cipher.UNWRAP_MODE) {
            throw new InvalidParameterException("Unknown mode " + opmode);
        }
        close();
        this.mode = opmode;
        this.backend = b;
        this.runtime = KmsKeys.runtime(key);
        this.keyId = ((KmsSecretKey) key).keyId();
        this.context = spec.context();
        try {
            this.canonicalContext = EncryptionContexts.canonical(context);
        } catch (IllegalArgumentException e) {
            throw new InvalidAlgorithmParameterException(e.getMessage());
        }
        this.contextHash = EncryptionContexts.hashOfCanonical(canonicalContext);
        this.appIv = spec.iv();
        this.frameSize = spec.frameSize();
        this.cachePolicy = spec.cache() != null ? spec.cache() : runtime.dataKeyCaching();
        this.finished = false;
        if (isEncrypting()) {
            try {
                startEncryption();
            } catch (KmsException e) {
                if (JcaErrors.isKeyProblem(e)) {
                    throw JcaErrors.invalidKey(e);
                }
                throw JcaErrors.provider(e);
            }
        } else {
            startDecryption();
        }
    }

    /** The spec of an {@code init} without parameters (immutable, so one serves every init). */
    private static final KmsEncryptionSpec DEFAULT_SPEC = KmsEncryptionSpec.builder().build();

    private static KmsEncryptionSpec toSpec(AlgorithmParameterSpec params) throws InvalidAlgorithmParameterException {
        KmsEncryptionSpec spec;
        if (params == null) {
            spec = DEFAULT_SPEC;
        } else if (params instanceof GCMParameterSpec g) {
            spec = KmsEncryptionSpec.builder().tagLengthBits(g.getTLen()).iv(g.getIV()).build();
        } else if (params instanceof KmsEncryptionSpec k) {
            spec = k;
        } else {
            throw new InvalidAlgorithmParameterException("GCMParameterSpec or KmsEncryptionSpec expected");
        }
        if (spec.tagLengthBits() != 128) {
            throw new InvalidAlgorithmParameterException("Only 128-bit GCM tags are supported");
        }
        byte[] iv = spec.iv();
        if (iv != null && (iv.length < 1 || iv.length > EnvelopeFormat.MAX_APP_IV_LENGTH)) {
            throw new InvalidAlgorithmParameterException("The IV must be 1 to 255 bytes");
        }
        return spec;
    }

    private boolean isEncrypting() {
        return mode == Cipher.ENCRYPT_MODE || mode == Cipher.WRAP_MODE;
    }

    private void startEncryption() {
        DataKeyCache cache = cachePolicy == null ? null : runtime.encryptionCache(cachePolicy);
        DataKeys.Lease l = DataKeys.generate(backend, keyId, context, canonicalContext, cache);
        try {
            encryptor = EnvelopeEncryptor.start(l.dataKey(), l.wrappedKey(), l.keyArn(), contextHash, appIv,
                    frameSize);
        } finally {
            Arrays.fill(l.dataKey(), (byte) 0);
        }
        lease = l;
    }

    private void startDecryption() {
        decryptor = new EnvelopeDecryptor(header -> {
            DataKeyCache cache = cachePolicy == null ? null : runtime.decryptionCache(cachePolicy);
            try {
                lease = DataKeys.decrypt(backend, keyId, context, canonicalContext, header.wrappedKey(), cache);
            } catch (KmsException e) {
                throw JcaErrors.envelopeDecryption(e);
            }
            return lease.dataKey();
        }, contextHash, appIv);
    }

    /** Before each data or AAD call: a finished message is followed by a fresh one (IV rules permitting). */
    private void ensureMessage() {
        if (backend == null) {
            throw new IllegalStateException("Cipher not initialized");
        }
        if (!finished) {
            return;
        }
        if (isEncrypting()) {
            if (appIv != null) {
                throw new IllegalStateException("Must use either different key or iv for GCM encryption");
            }
            try {
                startEncryption();
            } catch (KmsException e) {
                throw JcaErrors.duringOperation(e);
            }
        } else {
            startDecryption();
        }
        finished = false;
    }

    @Override
    protected void engineUpdateAAD(byte[] src, int offset, int len) {
        ensureMessage();
        if (isEncrypting()) {
            encryptor.updateAad(src, offset, len);
        } else {
            decryptor.updateAad(src, offset, len);
        }
    }

    @Override
    protected void engineUpdateAAD(ByteBuffer src) {
        byte[] b = new byte[src.remaining()];
        src.get(b);
        engineUpdateAAD(b, 0, b.length);
    }

    @Override
    protected byte[] engineUpdate(byte[] input, int off, int len) {
        ensureMessage();
        byte[] out = new byte[engineGetOutputSize(len)];
        int n = update(input, off, len, out, 0);
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    @Override
    protected int engineUpdate(byte[] input, int off, int len, byte[] output, int outOff) throws ShortBufferException {
        ensureMessage();
        checkRoom(len, output, outOff);
        return update(input, off, len, output, outOff);
    }

    private int update(byte[] input, int off, int len, byte[] output, int outOff) {
        byte[] in = input == null ? new byte[0] : input;
        int n = Math.max(len, 0);
        if (isEncrypting()) {
            return encryptor.update(in, off, n, output, outOff);
        }
        return decryptor.update(in, off, n, output, outOff);
    }

    @Override
    protected byte[] engineDoFinal(byte[] input, int off, int len)
            throws IllegalBlockSizeException, BadPaddingException {
        ensureMessage();
        long exact = isEncrypting() || input == null ? -1 : decryptor.exactFinalSize(input, off, len);
        byte[] out = new byte[exact >= 0 && exact <= Integer.MAX_VALUE ? (int) exact : engineGetOutputSize(len)];
        int n;
        try {
            n = doFinal(input, off, len, out, 0, true);
        } catch (AEADBadTagException | RuntimeException e) {
            Arrays.fill(out, (byte) 0); // never returned; may hold plaintext of frames decrypted before the failure
            throw e;
        }
        if (n == out.length) {
            return out;
        }
        byte[] exactOut = Arrays.copyOf(out, n);
        Arrays.fill(out, (byte) 0);
        return exactOut;
    }

    @Override
    protected int engineDoFinal(byte[] input, int off, int len, byte[] output, int outOff)
            throws ShortBufferException, IllegalBlockSizeException, BadPaddingException {
        ensureMessage();
        checkRoom(len, output, outOff);
        return doFinal(input, off, len, output, outOff, false);
    }

    /** @param outIsPrivate the output array is this cipher's own, dropped (zeroed) if this throws */
    private int doFinal(byte[] input, int off, int len, byte[] output, int outOff, boolean outIsPrivate)
            throws AEADBadTagException {
        byte[] in = input == null ? new byte[0] : input;
        int n = Math.max(len, 0);
        try {
            if (isEncrypting()) {
                int w = encryptor.doFinal(in, off, n, output, outOff);
                lease.addBytes(encryptor.bytes());
                return w;
            }
            int w = decryptor.doFinal(in, off, n, output, outOff, outIsPrivate);
            lease.addBytes(w);
            return w;
        } finally {
            finished = true;
        }
    }

    private void checkRoom(int len, byte[] output, int outOff) throws ShortBufferException {
        if (output == null || outOff < 0 || output.length - outOff < engineGetOutputSize(len)) {
            throw new ShortBufferException("Output buffer too short: need " + engineGetOutputSize(len) + " bytes");
        }
    }

    @Override
    protected byte[] engineWrap(Key key) throws IllegalBlockSizeException, InvalidKeyException {
        byte[] encoded = WrappedKeys.encoded(key);
        try {
            ensureMessage();
            engineUpdateAAD(WrappedKeys.aad(key.getAlgorithm(), WrappedKeys.type(key)), 0,
                    WrappedKeys.aad(key.getAlgorithm(), WrappedKeys.type(key)).length);
            return engineDoFinal(encoded, 0, encoded.length);
        } catch (BadPaddingException e) {
            throw new IllegalStateException(e);
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    @Override
    protected Key engineUnwrap(byte[] wrappedKey, String algorithm, int type)
            throws InvalidKeyException, NoSuchAlgorithmException {
        byte[] aad = WrappedKeys.aad(algorithm, type);
        byte[] encoded;
        try {
            ensureMessage();
            engineUpdateAAD(aad, 0, aad.length);
            encoded = engineDoFinal(wrappedKey, 0, wrappedKey == null ? 0 : wrappedKey.length);
        } catch (GeneralSecurityException e) {
            throw new InvalidKeyException("The wrapped key does not authenticate under this key, algorithm "
                    + "and type", e);
        }
        return WrappedKeys.construct(encoded, algorithm, type);
    }

    /** Zeroes what the previous message left. */
    private void close() {
        if (encryptor != null) {
            encryptor.destroy();
        }
        if (decryptor != null) {
            decryptor.destroy();
        }
        encryptor = null;
        decryptor = null;
        lease = null;
    }
}
