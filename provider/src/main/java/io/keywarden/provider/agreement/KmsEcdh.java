package io.keywarden.provider.agreement;

import io.keywarden.kms.api.DeriveSharedSecretRequest;
import io.keywarden.kms.api.KeyAgreementAlgorithmSpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.errors.KmsException;
import io.keywarden.provider.JcaErrors;
import io.keywarden.provider.KmsEcPrivateKey;
import io.keywarden.provider.UsableKey;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.Arrays;
import javax.crypto.KeyAgreementSpi;
import javax.crypto.SecretKey;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code ECDH} with an EC KEY_AGREEMENT handle (P-256, P-384, P-521): DeriveSharedSecret with the
 * peer's X.509 (SubjectPublicKeyInfo) encoding. Two parties only: {@code doPhase} must be the last
 * phase; it makes the backend call, so a refused peer key or a key problem is an
 * {@link InvalidKeyException} there. {@code generateSecret()} returns the raw shared secret (the
 * x-coordinate, as long as the field), like the JDK's ECDH; {@code generateSecret("TlsPremasterSecret")}
 * wraps it as is and {@code generateSecret("AES")} takes its first 32, 24 or 16 bytes, as the
 * JDK's key agreements do. A raw ECDH output is not uniformly random: derive keys from it with a
 * KDF (for example HKDF) where you can. After {@code generateSecret} the object is ready for
 * another {@code doPhase} with the same key; the secret is zeroed once handed out.
 */
public final class KmsEcdh extends KeyAgreementSpi {

    private UsableKey key;
    private ECParameterSpec params;
    private byte[] secret;

    @Override
    protected void engineInit(Key k, SecureRandom random) throws InvalidKeyException {
        if (!(k instanceof KmsEcPrivateKey handle)) {
            throw new InvalidKeyException("ECDH in Keywarden takes Keywarden EC key handles only, not "
                    + (k == null ? "null" : k.getClass().getName()));
        }
        UsableKey u = UsableKey.of(k, KeyUsage.KEY_AGREEMENT, "ECDH");
        if (!UsableKey.contains(u.metadata().keyAgreementAlgorithms(), KeyAgreementAlgorithmSpec.ECDH)) {
            throw u.unsupported("ECDH", KeyAgreementAlgorithmSpec.ECDH, u.metadata().keyAgreementAlgorithms());
        }
        clear();
        this.key = u;
        this.params = handle.getParams();
    }

    @Override
    protected void engineInit(Key k, AlgorithmParameterSpec p, SecureRandom random) throws InvalidKeyException,
            InvalidAlgorithmParameterException {
        if (p != null) {
            throw new InvalidAlgorithmParameterException("ECDH takes no parameters");
        }
        engineInit(k, random);
    }

    @Override
    protected Key engineDoPhase(Key peer, boolean lastPhase) throws InvalidKeyException {
        if (key == null) {
            throw new IllegalStateException("ECDH is not initialized");
        }
        if (!lastPhase) {
            throw new IllegalStateException("ECDH has a single phase: call doPhase(peerKey, true)");
        }
        if (!(peer instanceof ECPublicKey ec)) {
            throw new InvalidKeyException("The peer key of ECDH must be an ECPublicKey, not "
                    + (peer == null ? "null" : peer.getClass().getName()));
        }
        byte[] encoded = ec.getEncoded();
        if (encoded == null || !sameCurve(ec.getParams())) {
            throw new InvalidKeyException("The peer key must be an encodable EC public key on the handle's curve");
        }
        clear();
        try {
            secret = key.backend().deriveSharedSecret(DeriveSharedSecretRequest.builder().keyId(key.keyId())
                    .keyAgreementAlgorithm(KeyAgreementAlgorithmSpec.ECDH).publicKey(encoded).build()).sharedSecret();
        } catch (KmsException e) {
            throw JcaErrors.agreement(e);
        }
        return null;
    }

    private boolean sameCurve(ECParameterSpec peer) {
        return peer != null && peer.getCurve().equals(params.getCurve()) && peer.getOrder().equals(params.getOrder())
                && peer.getGenerator().equals(params.getGenerator());
    }

    @Override
    protected byte[] engineGenerateSecret() {
        byte[] s = take();
        byte[] out = s.clone();
        Arrays.fill(s, (byte) 0);
        return out;
    }

    @Override
    protected int engineGenerateSecret(byte[] sharedSecret, int offset) throws ShortBufferException {
        if (secret == null) {
            throw new IllegalStateException("ECDH: doPhase(peerKey, true) first");
        }
        if (sharedSecret == null || sharedSecret.length - offset < secret.length) {
            throw new ShortBufferException("ECDH needs " + secret.length + " bytes for the secret");
        }
        byte[] s = take();
        System.arraycopy(s, 0, sharedSecret, offset, s.length);
        Arrays.fill(s, (byte) 0);
        return s.length;
    }

    @Override
    protected SecretKey engineGenerateSecret(String algorithm) throws NoSuchAlgorithmException, InvalidKeyException {
        if (algorithm == null) {
            throw new NoSuchAlgorithmException("null algorithm");
        }
        if (!algorithm.equalsIgnoreCase("TlsPremasterSecret") && !algorithm.equalsIgnoreCase("AES")) {
            throw new NoSuchAlgorithmException("ECDH in Keywarden makes TlsPremasterSecret and AES keys only, not "
                    + algorithm);
        }
        byte[] s = take();
        try {
            if (algorithm.equalsIgnoreCase("TlsPremasterSecret")) {
                return new SecretKeySpec(s, "TlsPremasterSecret");
            }
            int n = s.length >= 32 ? 32 : s.length >= 24 ? 24 : 16;
            if (s.length < n) {
                throw new InvalidKeyException("The shared secret is too short for an AES key");
            }
            return new SecretKeySpec(s, 0, n, "AES");
        } finally {
            Arrays.fill(s, (byte) 0);
        }
    }

    /** The secret, handed over once; the object is then ready for the next doPhase. */
    private byte[] take() {
        if (secret == null) {
            throw new IllegalStateException("ECDH: doPhase(peerKey, true) first");
        }
        byte[] s = secret;
        secret = null;
        return s;
    }

    private void clear() {
        if (secret != null) {
            Arrays.fill(secret, (byte) 0);
            secret = null;
        }
    }
}
