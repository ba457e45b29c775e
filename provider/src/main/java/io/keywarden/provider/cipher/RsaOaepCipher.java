package io.keywarden.provider.cipher;

import io.keywarden.kms.api.DecryptRequest;
import io.keywarden.kms.api.EncryptionAlgorithmSpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.RsaParameters;
import io.keywarden.kms.api.errors.KmsException;
import io.keywarden.provider.JcaErrors;
import io.keywarden.provider.KmsRsaPrivateKey;
import io.keywarden.provider.RsaDigests;
import io.keywarden.provider.UsableKey;
import java.io.ByteArrayOutputStream;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.NoSuchAlgorithmException;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.InvalidParameterSpecException;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.CipherSpi;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * RSA-OAEP with an RSA ENCRYPT_DECRYPT handle, in AWS KMS's two combinations: RSAES_OAEP_SHA_1
 * (SHA-1, MGF1-SHA-1) and RSAES_OAEP_SHA_256 (SHA-256, <em>MGF1-SHA-256</em>), both with an empty
 * label; and, through {@code RSA/ECB/OAEPPadding}, any other {@link OAEPParameterSpec} with MGF1, a
 * label, and digests among SHA-1, SHA-224, SHA-256, SHA-384, SHA-512, SHA-512/224, SHA-512/256 and
 * SHA3-*, sent as Keywarden's {@code KeywardenRsaParameters} extension. DECRYPT_MODE (and UNWRAP_MODE) call the backend's Decrypt; ENCRYPT_MODE (and WRAP_MODE)
 * encrypt locally with the handle's public key through SunJCE's OAEP.
 *
 * <p>Names: {@code RSA/ECB/OAEPWithSHA-1AndMGF1Padding}, {@code RSA/ECB/OAEPWithSHA-256AndMGF1Padding}
 * (note: SunJCE's cipher of that name defaults to MGF1-<em>SHA-1</em>; Keywarden's uses
 * MGF1-SHA-256 as AWS KMS does, so a SunJCE peer must pass the matching {@link OAEPParameterSpec}),
 * and {@code RSA/ECB/OAEPPadding} (SHA-1 by default, else the given {@link OAEPParameterSpec}). Other
 * MGFs, digests or PSources are an {@link InvalidAlgorithmParameterException}. A ciphertext the key
 * cannot decrypt is a {@link BadPaddingException}.
 */
public abstract class RsaOaepCipher extends CipherSpi {

    private static final OAEPParameterSpec SHA1 = new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1,
            PSource.PSpecified.DEFAULT);
    private static final OAEPParameterSpec SHA256 = new OAEPParameterSpec("SHA-256", "MGF1",
            MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);

    private final String padding;
    private final OAEPParameterSpec fixed;

    private OAEPParameterSpec spec;
    private int mode;
    private UsableKey key;
    private int modulusBytes;
    private Cipher local;
    private final WipingBuffer input = new WipingBuffer();

    /** @param fixed the parameters fixed by the name, or null for RSA/ECB/OAEPPadding */
    RsaOaepCipher(String padding, OAEPParameterSpec fixed) {
        this.padding = padding;
        this.fixed = fixed;
    }

    @Override
    protected void engineSetMode(String m) throws NoSuchAlgorithmException {
        if (!m.equalsIgnoreCase("ECB") && !m.equalsIgnoreCase("NONE")) {
            throw new NoSuchAlgorithmException("RSA has mode ECB (or NONE) only, not " + m);
        }
    }

    @Override
    protected void engineSetPadding(String p) throws NoSuchPaddingException {
        if (!p.equalsIgnoreCase(padding)) {
            throw new NoSuchPaddingException("This cipher has padding " + padding + ", not " + p);
        }
    }

    @Override
    protected int engineGetBlockSize() {
        return 0;
    }

    @Override
    protected int engineGetOutputSize(int inputLen) {
        return modulusBytes;
    }

    @Override
    protected byte[] engineGetIV() {
        return null;
    }

    @Override
    protected AlgorithmParameters engineGetParameters() {
        OAEPParameterSpec s = spec != null ? spec : fixed != null ? fixed : SHA1;
        try {
            AlgorithmParameters ap = AlgorithmParameters.getInstance("OAEP");
            ap.init(s);
            return ap;
        } catch (GeneralSecurityException e) {
            throw new ProviderException("Cannot encode the OAEP parameters", e);
        }
    }

    @Override
    protected void engineInit(int opmode, Key k, SecureRandom random) throws InvalidKeyException {
        try {
            engineInit(opmode, k, (AlgorithmParameterSpec) null, random);
        } catch (InvalidAlgorithmParameterException e) {
            throw new InvalidKeyException(e.getMessage(), e);
        }
    }

    @Override
    protected void engineInit(int opmode, Key k, AlgorithmParameters params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        try {
            engineInit(opmode, k, params == null ? null : params.getParameterSpec(OAEPParameterSpec.class), random);
        } catch (InvalidParameterSpecException e) {
            throw new InvalidAlgorithmParameterException("OAEP parameters expected", e);
        }
    }

    @Override
    protected void engineInit(int opmode, Key k, AlgorithmParameterSpec params, SecureRandom random)
            throws InvalidKeyException, InvalidAlgorithmParameterException {
        if (!(k instanceof KmsRsaPrivateKey handle)) {
            throw new InvalidKeyException("RSA-OAEP in Keywarden takes Keywarden RSA key handles only, not "
                    + (k == null ? "null" : k.getClass().getName()));
        }
        OAEPParameterSpec s = check(params);
        EncryptionAlgorithmSpec algorithm = algorithm(s);
        UsableKey u = UsableKey.of(k, KeyUsage.ENCRYPT_DECRYPT, "RSA-OAEP");
        if (!UsableKey.contains(u.metadata().encryptionAlgorithms(), algorithm)) {
            throw u.unsupported("RSA-OAEP", algorithm, u.metadata().encryptionAlgorithms());
        }
        Cipher c = null;
        if (opmode == Cipher.ENCRYPT_MODE || opmode == Cipher.WRAP_MODE) {
            try {
                c = Cipher.getInstance("RSA/ECB/OAEPPadding", "SunJCE");
                c.init(Cipher.ENCRYPT_MODE, handle.publicKey(), s, random); // wrap() encrypts the encoding
            } catch (GeneralSecurityException e) {
                throw new ProviderException("SunJCE's RSA-OAEP is not available", e);
            }
        } else if (opmode != Cipher.DECRYPT_MODE && opmode != Cipher.UNWRAP_MODE) {
            throw new InvalidAlgorithmParameterException("Unknown cipher mode " + opmode);
        }
        reset();
        this.spec = s;
        this.mode = opmode;
        this.key = u;
        this.local = c;
        this.modulusBytes = (handle.getModulus().bitLength() + 7) / 8;
    }

    /**
     * The OAEP parameters to use, with canonical digest names: the fixed or default ones for null,
     * else the given ones if Keywarden has their digests (AWS KMS's own or through the extension).
     */
    private OAEPParameterSpec check(AlgorithmParameterSpec params) throws InvalidAlgorithmParameterException {
        if (params == null) {
            return fixed != null ? fixed : SHA1;
        }
        if (!(params instanceof OAEPParameterSpec p)) {
            throw new InvalidAlgorithmParameterException("RSA-OAEP needs an OAEPParameterSpec, not "
                    + params.getClass().getName());
        }
        String digest = RsaDigests.canonical(p.getDigestAlgorithm());
        String mgf = p.getMGFParameters() instanceof MGF1ParameterSpec m ? RsaDigests.canonical(m.getDigestAlgorithm())
                : null;
        if (digest == null || mgf == null || !"MGF1".equalsIgnoreCase(p.getMGFAlgorithm())
                || !(p.getPSource() instanceof PSource.PSpecified label)) {
            throw new InvalidAlgorithmParameterException("Keywarden decrypts RSA-OAEP with MGF1, a specified label "
                    + "and digests SHA-1, SHA-224, SHA-256, SHA-384, SHA-512, SHA-512/224, SHA-512/256 or SHA3-*; not "
                    + p.getDigestAlgorithm() + " with " + p.getMGFAlgorithm() + "("
                    + (p.getMGFParameters() instanceof MGF1ParameterSpec m ? m.getDigestAlgorithm() : "?") + ")");
        }
        OAEPParameterSpec s = new OAEPParameterSpec(digest, "MGF1", new MGF1ParameterSpec(mgf),
                new PSource.PSpecified(label.getValue()));
        if (fixed != null && kmsAlgorithm(s) != kmsAlgorithm(fixed)) {
            throw new InvalidAlgorithmParameterException("This cipher uses " + fixed.getDigestAlgorithm()
                    + " with MGF1-" + fixed.getDigestAlgorithm() + " and an empty label only; use RSA/ECB/OAEPPadding "
                    + "for other parameters");
        }
        return s;
    }

    /** AWS KMS's algorithm of exactly these parameters, or null if they need the extension. */
    private static EncryptionAlgorithmSpec kmsAlgorithm(OAEPParameterSpec s) {
        String d = s.getDigestAlgorithm();
        boolean plain = d.equals(((MGF1ParameterSpec) s.getMGFParameters()).getDigestAlgorithm())
                && ((PSource.PSpecified) s.getPSource()).getValue().length == 0;
        return !plain ? null : d.equals("SHA-1") ? EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1
                : d.equals("SHA-256") ? EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256 : null;
    }

    /** The algorithm sent: AWS KMS's of these parameters, else the family member of the same digest or SHA-256's. */
    private static EncryptionAlgorithmSpec algorithm(OAEPParameterSpec s) {
        EncryptionAlgorithmSpec kms = kmsAlgorithm(s);
        if (kms != null) {
            return kms;
        }
        return s.getDigestAlgorithm().equals("SHA-1") ? EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1
                : EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256;
    }

    /** The extension's parameters for a spec AWS KMS has no algorithm for, else null. */
    private static RsaParameters extension(OAEPParameterSpec s) {
        return kmsAlgorithm(s) != null ? null : RsaParameters.oaep(s.getDigestAlgorithm(),
                ((MGF1ParameterSpec) s.getMGFParameters()).getDigestAlgorithm(),
                ((PSource.PSpecified) s.getPSource()).getValue());
    }

    @Override
    protected byte[] engineUpdate(byte[] in, int off, int len) {
        requireInit();
        if (len > 0) {
            input.write(in, off, len);
        }
        return new byte[0];
    }

    @Override
    protected int engineUpdate(byte[] in, int off, int len, byte[] out, int outOff) {
        engineUpdate(in, off, len);
        return 0;
    }

    @Override
    protected byte[] engineDoFinal(byte[] in, int off, int len) throws IllegalBlockSizeException,
            BadPaddingException {
        engineUpdate(in, off, len);
        byte[] data = input.toByteArray();
        reset();
        try {
            if (local != null) {
                return local.doFinal(data);
            }
            if (data.length == 0 || data.length > modulusBytes) {
                throw new IllegalBlockSizeException("RSA-OAEP ciphertexts are 1 to " + modulusBytes + " bytes");
            }
            try {
                return key.backend().decrypt(DecryptRequest.builder().keyId(key.keyId()).ciphertextBlob(data)
                        .encryptionAlgorithm(algorithm(spec)).keywardenRsaParameters(extension(spec)).build())
                        .plaintext();
            } catch (KmsException e) {
                throw JcaErrors.decryptionFinal(e);
            }
        } finally {
            Arrays.fill(data, (byte) 0);
        }
    }

    @Override
    protected int engineDoFinal(byte[] in, int off, int len, byte[] out, int outOff) throws ShortBufferException,
            IllegalBlockSizeException, BadPaddingException {
        byte[] result = engineDoFinal(in, off, len);
        try {
            if (out.length - outOff < result.length) {
                throw new ShortBufferException("The output needs " + result.length + " bytes");
            }
            System.arraycopy(result, 0, out, outOff, result.length);
            return result.length;
        } finally {
            Arrays.fill(result, (byte) 0);
        }
    }

    @Override
    protected byte[] engineWrap(Key k) throws IllegalBlockSizeException, InvalidKeyException {
        if (mode != Cipher.WRAP_MODE) {
            throw new IllegalStateException("Not initialized for WRAP_MODE");
        }
        byte[] encoded = k.getEncoded();
        if (encoded == null) {
            throw new InvalidKeyException("The key to wrap has no encoding");
        }
        try {
            return local.doFinal(encoded);
        } catch (BadPaddingException e) {
            throw new ProviderException(e);
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    @Override
    protected Key engineUnwrap(byte[] wrapped, String algorithm, int type) throws InvalidKeyException,
            NoSuchAlgorithmException {
        if (mode != Cipher.UNWRAP_MODE) {
            throw new IllegalStateException("Not initialized for UNWRAP_MODE");
        }
        if (type != Cipher.SECRET_KEY) {
            throw new InvalidKeyException("Keywarden's RSA-OAEP unwraps secret keys only");
        }
        byte[] material = null;
        try {
            material = engineDoFinal(wrapped, 0, wrapped.length);
            return new SecretKeySpec(material, algorithm);
        } catch (GeneralSecurityException e) {
            throw new InvalidKeyException("Unwrapping failed", e);
        } finally {
            if (material != null) {
                Arrays.fill(material, (byte) 0);
            }
        }
    }

    @Override
    protected int engineGetKeySize(Key k) throws InvalidKeyException {
        if (!(k instanceof KmsRsaPrivateKey handle)) {
            throw new InvalidKeyException("Not a Keywarden RSA key handle");
        }
        return handle.getModulus().bitLength();
    }

    private void requireInit() {
        if (key == null) {
            throw new IllegalStateException("RSA-OAEP is not initialized");
        }
    }

    private void reset() {
        input.wipe();
    }

    /** The input so far, zeroed on reset (it may be a plaintext). */
    private static final class WipingBuffer extends ByteArrayOutputStream {
        void wipe() {
            Arrays.fill(buf, (byte) 0);
            reset();
        }
    }

    /** RSA/ECB/OAEPWithSHA-1AndMGF1Padding: RSAES_OAEP_SHA_1. */
    public static final class Sha1 extends RsaOaepCipher {
        public Sha1() {
            super("OAEPWithSHA-1AndMGF1Padding", SHA1);
        }
    }

    /** RSA/ECB/OAEPWithSHA-256AndMGF1Padding: RSAES_OAEP_SHA_256 (MGF1-SHA-256, as AWS KMS). */
    public static final class Sha256 extends RsaOaepCipher {
        public Sha256() {
            super("OAEPWithSHA-256AndMGF1Padding", SHA256);
        }
    }

    /** RSA/ECB/OAEPPadding with an OAEPParameterSpec (SHA-1 by default). */
    public static final class Parameterized extends RsaOaepCipher {
        public Parameterized() {
            super("OAEPPadding", null);
        }
    }
}
