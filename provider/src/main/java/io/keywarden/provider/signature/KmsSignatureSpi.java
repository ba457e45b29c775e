package io.keywarden.provider.signature;

import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.MessageType;
import io.keywarden.kms.api.RsaParameters;
import io.keywarden.kms.api.SignRequest;
import io.keywarden.kms.api.SigningAlgorithmSpec;
import io.keywarden.kms.api.VerifyRequest;
import io.keywarden.kms.api.errors.KMSInvalidSignatureException;
import io.keywarden.kms.api.errors.KmsException;
import io.keywarden.provider.BoundedBuffer;
import io.keywarden.provider.JcaErrors;
import io.keywarden.provider.KmsPrivateKey;
import io.keywarden.provider.KmsPublicKey;
import io.keywarden.provider.UsableKey;
import java.nio.ByteBuffer;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.ProviderException;
import java.security.PublicKey;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.security.spec.AlgorithmParameterSpec;
import java.util.List;

/**
 * The template of every Keywarden signature: one backend Sign (or Verify) per signature.
 *
 * <p><b>Message handling.</b> Hash-then-sign algorithms (RSA PKCS#1 v1.5, RSASSA-PSS, ECDSA) hash
 * the message locally, as it arrives, with the algorithm's digest, and always send the digest as
 * {@link MessageType#DIGEST}, whatever the message length: memory stays constant, one code path
 * serves every length, the message itself never leaves the process, and the signature is the same
 * as over a RAW message (AWS KMS hashes a RAW message with the same digest). Algorithms that
 * cannot be given a digest (pure Ed25519, ML-DSA without EXTERNAL_MU) buffer the message and send
 * it {@link MessageType#RAW}; AWS KMS takes 1 to 4096 bytes, so a longer (or empty) message fails
 * {@code sign}/{@code verify} with a {@link SignatureException} saying so.
 *
 * <p><b>Keys.</b> {@code initSign} takes a {@link KmsPrivateKey} handle; {@code initVerify} takes a
 * {@link KmsPublicKey} handle (verification by the backend). Any other key is refused with an
 * {@link InvalidKeyException}, so the JCA moves on to the JDK's provider, which verifies ordinary
 * public keys locally. {@code init} describes the key once: a disabled key, a key with another
 * usage, or a key whose spec does not support the algorithm fails there.
 *
 * <p><b>Errors.</b> A backend failure while signing is a {@link SignatureException} whose cause is
 * the KMS error; a signature that does not verify is {@code false}.
 */
public abstract class KmsSignatureSpi extends SignatureSpi {

    /** AWS KMS's limit on the message of Sign and Verify. */
    public static final int MAX_RAW_MESSAGE = 4096;

    private final String service;

    private UsableKey key;
    private PublicKey publicKey;
    private boolean signing;
    private MessageDigest digest;
    private BoundedBuffer raw;

    /** @param service the JCA algorithm name, for messages */
    protected KmsSignatureSpi(String service) {
        this.service = service;
    }

    /** The KMS signing algorithm for the current parameters. */
    protected abstract SigningAlgorithmSpec algorithm() throws SignatureException;

    /**
     * The JCA name of the digest to hash the message with locally (DIGEST), or null for an
     * algorithm that signs the RAW message.
     */
    protected abstract String digestName() throws SignatureException;

    /**
     * Keywarden's RSA padding parameters beyond the algorithm's ({@code KeywardenRsaParameters}), or
     * null (the default) for AWS KMS's own.
     */
    protected RsaParameters rsaParameters() throws SignatureException {
        return null;
    }

    /** The KMS algorithms this service may use; {@code init} needs a key supporting one of them. */
    protected abstract List<SigningAlgorithmSpec> candidates();

    /** Further checks of the key at init (for example its exact key spec). */
    protected void checkKey(UsableKey key) throws InvalidKeyException {
    }

    /**
     * The DIGEST message the backend gets for the local hash of the message; the hash itself by
     * default (ECDSA fits another hash to the curve's digest length).
     */
    protected byte[] toKmsDigest(byte[] hash) throws SignatureException {
        return hash;
    }

    /** The signature as the caller wants it, from the backend's (DER for ECDSA). */
    protected byte[] fromKms(byte[] signature) throws SignatureException {
        return signature;
    }

    /** The signature as the backend wants it, or null if it is malformed (the verify is then false). */
    protected byte[] toKms(byte[] signature) {
        return signature;
    }

    /** The JCA algorithm name. */
    protected final String service() {
        return service;
    }

    /** The real public key of the handle in use (for example, its curve). */
    protected final PublicKey publicKey() {
        return publicKey;
    }

    /** Whether data was given since the last init, sign or verify. */
    protected final boolean started() {
        return digest != null || raw != null;
    }

    @Override
    protected void engineInitSign(PrivateKey privateKey) throws InvalidKeyException {
        if (!(privateKey instanceof KmsPrivateKey handle)) {
            throw new InvalidKeyException(service + " in Keywarden signs with Keywarden key handles only, not "
                    + (privateKey == null ? "null" : privateKey.getClass().getName()));
        }
        init(handle, handle.publicKey(), true);
    }

    @Override
    protected void engineInitVerify(PublicKey publicKey) throws InvalidKeyException {
        if (!(publicKey instanceof KmsPublicKey handle)) {
            throw new InvalidKeyException(service + " in Keywarden verifies with Keywarden public key handles "
                    + "(KmsPrivateKey.publicHandle()) only; ordinary public keys are verified locally by the "
                    + "other providers, not " + (publicKey == null ? "null" : publicKey.getClass().getName()));
        }
        init(handle, handle.publicKey(), false);
    }

    private void init(io.keywarden.provider.KmsKey handle, PublicKey pub, boolean forSigning)
            throws InvalidKeyException {
        UsableKey k = UsableKey.of(handle, KeyUsage.SIGN_VERIFY, service);
        List<SigningAlgorithmSpec> supported = k.metadata().signingAlgorithms();
        if (candidates().stream().noneMatch(a -> UsableKey.contains(supported, a))) {
            throw k.unsupported(service, candidates().size() == 1 ? candidates().get(0) : "one of " + candidates(),
                    supported);
        }
        checkKey(k);
        clear();
        this.key = k;
        this.publicKey = pub;
        this.signing = forSigning;
    }

    @Override
    protected void engineUpdate(byte b) throws SignatureException {
        if (input()) {
            digest.update(b);
        } else {
            raw.add(b);
        }
    }

    @Override
    protected void engineUpdate(byte[] b, int off, int len) throws SignatureException {
        if (input()) {
            digest.update(b, off, len);
        } else {
            raw.add(b, off, len);
        }
    }

    @Override
    protected void engineUpdate(ByteBuffer input) {
        try {
            if (input()) {
                digest.update(input);
            } else {
                raw.add(input);
            }
        } catch (SignatureException e) {
            throw new ProviderException(e.getMessage(), e);
        }
    }

    /** Prepares the input on first use: true for a digest, false for a RAW buffer. */
    private boolean input() throws SignatureException {
        if (key == null) {
            throw new SignatureException(service + " is not initialized");
        }
        if (digest == null && raw == null) {
            String d = digestName();
            if (d == null) {
                raw = new BoundedBuffer(MAX_RAW_MESSAGE);
            } else {
                try {
                    digest = MessageDigest.getInstance(d);
                } catch (NoSuchAlgorithmException e) {
                    throw new ProviderException("The digest " + d + " is not available", e);
                }
            }
        }
        return digest != null;
    }

    @Override
    protected byte[] engineSign() throws SignatureException {
        requireMode(true);
        try {
            SigningAlgorithmSpec algorithm = algorithm();
            MessageType type = input() ? MessageType.DIGEST : MessageType.RAW;
            byte[] message = message(algorithm);
            byte[] signature;
            try {
                signature = key.backend().sign(SignRequest.builder().keyId(key.keyId()).message(message)
                        .messageType(type).signingAlgorithm(algorithm).keywardenRsaParameters(rsaParameters())
                        .build()).signature();
            } catch (KmsException e) {
                throw JcaErrors.signature(e);
            }
            return fromKms(signature);
        } finally {
            clear();
        }
    }

    @Override
    protected boolean engineVerify(byte[] sigBytes) throws SignatureException {
        requireMode(false);
        try {
            SigningAlgorithmSpec algorithm = algorithm();
            MessageType type = input() ? MessageType.DIGEST : MessageType.RAW;
            byte[] message = message(algorithm);
            byte[] signature = sigBytes == null ? null : toKms(sigBytes);
            if (signature == null || signature.length == 0) {
                return false;
            }
            try {
                return key.backend().verify(VerifyRequest.builder().keyId(key.keyId()).message(message)
                        .messageType(type).signature(signature).signingAlgorithm(algorithm)
                        .keywardenRsaParameters(rsaParameters()).build()).signatureValid();
            } catch (KMSInvalidSignatureException e) {
                return false;
            } catch (KmsException e) {
                throw JcaErrors.signature(e);
            }
        } finally {
            clear();
        }
    }

    /** The digest, or the RAW message after its length check. */
    private byte[] message(SigningAlgorithmSpec algorithm) throws SignatureException {
        if (digest != null) {
            return toKmsDigest(digest.digest());
        }
        if (raw.overflowed() || raw.length() == 0) {
            throw new SignatureException(service + ": AWS KMS signs " + algorithm + " over the message itself "
                    + "(MessageType RAW), which must be 1 to " + MAX_RAW_MESSAGE + " bytes; this message is "
                    + raw.length() + " bytes");
        }
        return raw.toByteArray();
    }

    private void requireMode(boolean forSigning) throws SignatureException {
        if (key == null || signing != forSigning) {
            throw new SignatureException(service + " is not initialized for " + (forSigning ? "signing" : "verifying"));
        }
    }

    /** Forgets the message so far (zeroing a RAW buffer); the key stays. */
    private void clear() {
        digest = null;
        if (raw != null) {
            raw.reset();
            raw = null;
        }
    }

    @Override
    protected void engineSetParameter(AlgorithmParameterSpec params) throws InvalidAlgorithmParameterException {
        if (params != null) {
            throw new InvalidAlgorithmParameterException(service + " takes no parameters");
        }
    }

    /** None by default (not an UnsupportedOperationException: JSSE asks every signature). */
    @Override
    protected java.security.AlgorithmParameters engineGetParameters() {
        return null;
    }

    @Override
    @Deprecated
    protected void engineSetParameter(String param, Object value) {
        throw new InvalidParameterException("Use setParameter(AlgorithmParameterSpec)");
    }

    @Override
    @Deprecated
    protected Object engineGetParameter(String param) {
        throw new InvalidParameterException("Use getParameters()");
    }
}
