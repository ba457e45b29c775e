package io.keywarden.provider;

import io.keywarden.kms.api.DescribeKeyRequest;
import io.keywarden.kms.api.GetPublicKeyRequest;
import io.keywarden.kms.api.KeyMetadata;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.errors.KmsException;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;

/** Makes handles for managed keys, and gives SPIs the backend behind a handle. */
public final class KmsKeys {

    private KmsKeys() {
    }

    /** A handle for the key named by {@code keyId} (key id, ARN or alias), of the type its spec says. */
    public static KmsKey handle(KeywardenRuntime runtime, String keyId) throws InvalidKeyException {
        KmsBackend backend = runtime.backend();
        try {
            KeyMetadata m = backend.describeKey(DescribeKeyRequest.builder().keyId(keyId).build()).keyMetadata();
            KeySpec spec = m.keySpec();
            String name = spec.name();
            if (spec == KeySpec.SYMMETRIC_DEFAULT) {
                return new KmsSecretKey(runtime, keyId, "AES");
            }
            if (name.startsWith("KEYWARDEN_AES_")) {
                return new KmsDirectAesKey(runtime, keyId);
            }
            if (name.startsWith("KEYWARDEN_HMAC_")) {
                String hash = name.substring("KEYWARDEN_HMAC_".length());
                return new KmsSecretKey(runtime, keyId, "Hmac" + (hash.startsWith("SHA3_")
                        ? "SHA3-" + hash.substring(5) : hash));
            }
            if (name.startsWith("HMAC_")) {
                return new KmsSecretKey(runtime, keyId, "HmacSHA" + name.substring(5));
            }
            PublicKey pub = publicKey(backend, keyId, spec);
            if (pub instanceof RSAPublicKey rsa) {
                return new KmsRsaPrivateKey(runtime, keyId, rsa);
            }
            if (pub instanceof ECPublicKey ec) {
                return new KmsEcPrivateKey(runtime, keyId, ec);
            }
            return new KmsPrivateKey(runtime, keyId, name.startsWith("ML_DSA") ? "ML-DSA" : "Ed25519", pub);
        } catch (KmsException e) {
            throw JcaErrors.invalidKey(e);
        }
    }

    /**
     * A verification handle ({@link KmsPublicKey}) for the asymmetric key named by {@code keyId}: the
     * way to verify with a verify-only imported public key (a Keywarden extension), whose private
     * handle cannot sign.
     */
    public static KmsPublicKey publicHandle(KeywardenRuntime runtime, String keyId) throws InvalidKeyException {
        if (handle(runtime, keyId) instanceof KmsPrivateKey k) {
            return k.publicHandle();
        }
        throw new InvalidKeyException(keyId + " is not an asymmetric key: it has no public key handle");
    }

    /** The public key of an asymmetric managed key, decoded by the JDK (Bouncy Castle where the JDK cannot). */
    public static PublicKey publicKey(KmsBackend backend, String keyId, KeySpec spec) throws InvalidKeyException {
        byte[] der = backend.getPublicKey(GetPublicKeyRequest.builder().keyId(keyId).build()).publicKey();
        String algorithm = spec.name().startsWith("RSA") ? "RSA"
                : spec.name().startsWith("ECC_NIST_EDWARDS") ? "Ed25519"
                : spec.name().startsWith("ML_DSA") ? "ML-DSA" : "EC";
        try {
            return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            try {
                return KeyFactory.getInstance(algorithm, new org.bouncycastle.jce.provider.BouncyCastleProvider())
                        .generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e2) {
                throw new InvalidKeyException("The public key of " + keyId + " cannot be decoded", e2);
            }
        }
    }

    /** The handle's backend; InvalidKeyException for a key that is not a usable Keywarden handle. */
    public static KmsBackend backend(Key key) throws InvalidKeyException {
        if (!(key instanceof KmsHandle handle)) {
            throw new InvalidKeyException("Keywarden services take Keywarden key handles only, not "
                    + (key == null ? "null" : key.getClass().getName()));
        }
        if (handle.runtime() == null) {
            throw new InvalidKeyException("The handle " + handle + " is not bound to a Keywarden provider; "
                    + "install the provider before deserializing handles");
        }
        return handle.runtime().backend();
    }

    /** The runtime behind a handle (to make further handles on the same backend). */
    public static KeywardenRuntime runtime(Key key) throws InvalidKeyException {
        backend(key);
        return ((KmsHandle) key).runtime();
    }
}
