package io.keywarden.kms.crypto;

import io.keywarden.kms.api.EncryptionAlgorithmSpec;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.MessageType;
import io.keywarden.kms.api.RsaParameters;
import io.keywarden.kms.api.SigningAlgorithmSpec;
import io.keywarden.kms.api.errors.IncorrectKeyMaterialException;
import io.keywarden.kms.api.errors.InvalidCiphertextException;
import io.keywarden.kms.api.errors.ValidationException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.PSSSigner;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * RSA_2048/3072/4096: ENCRYPT_DECRYPT with RSAES-OAEP (SHA-1 or SHA-256, MGF1 of the same hash,
 * empty label) or SIGN_VERIFY with RSASSA-PSS (salt = hash length, MGF1 of the same hash) and
 * RSASSA-PKCS1-v1_5, each with SHA-256/384/512. DIGEST messages are signed as pre-hashed digests,
 * so the signatures verify with the JDK's ordinary SHA256withRSA and RSASSA-PSS over the message.
 * With Keywarden's {@link RsaParameters} extension the algorithm names the padding family and the
 * parameters its hash, MGF1 hash, salt length or label ({@link RsaSchemes}).
 */
public final class RsaStrategy implements KeySpecStrategy {

    private static final Map<KeySpec, Integer> BITS = Map.of(KeySpec.RSA_2048, 2048, KeySpec.RSA_3072, 3072,
            KeySpec.RSA_4096, 4096);

    private static final List<EncryptionAlgorithmSpec> ENC_ORDER = List.of(
            EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256);
    private static final List<SigningAlgorithmSpec> SIG_ORDER = List.of(
            SigningAlgorithmSpec.RSASSA_PSS_SHA_256, SigningAlgorithmSpec.RSASSA_PSS_SHA_384,
            SigningAlgorithmSpec.RSASSA_PSS_SHA_512, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256,
            SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_384, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_512);

    @Override
    public Set<KeySpec> keySpecs() {
        return BITS.keySet();
    }

    @Override
    public Set<KeyUsage> usages(KeySpec spec) {
        bits(spec);
        return Set.of(KeyUsage.ENCRYPT_DECRYPT, KeyUsage.SIGN_VERIFY);
    }

    @Override
    public List<EncryptionAlgorithmSpec> encryptionAlgorithms(KeySpec spec, KeyUsage usage) {
        bits(spec);
        return usage == KeyUsage.ENCRYPT_DECRYPT ? ENC_ORDER : List.of();
    }

    @Override
    public List<SigningAlgorithmSpec> signingAlgorithms(KeySpec spec, KeyUsage usage) {
        bits(spec);
        return usage == KeyUsage.SIGN_VERIFY ? SIG_ORDER : List.of();
    }

    @Override
    public GeneratedMaterial generate(KeySpec spec) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(new RSAKeyGenParameterSpec(bits(spec), RSAKeyGenParameterSpec.F4), Checks.random());
            KeyPair kp = g.generateKeyPair();
            return new GeneratedMaterial(kp.getPrivate().getEncoded(), kp.getPublic().getEncoded());
        } catch (GeneralSecurityException e) {
            throw Checks.internal(e);
        }
    }

    @Override
    public GeneratedMaterial importMaterial(KeySpec spec, byte[] material) {
        int bits = bits(spec);
        String wrong = "The key material is not a PKCS#8 " + spec + " private key.";
        if (material == null) {
            throw new IncorrectKeyMaterialException(wrong);
        }
        try {
            KeyFactory kf = KeyFactory.getInstance("RSA");
            if (!(kf.generatePrivate(new PKCS8EncodedKeySpec(material)) instanceof RSAPrivateCrtKey k)
                    || k.getModulus().bitLength() != bits || !k.getPublicExponent().testBit(0)) {
                throw new IncorrectKeyMaterialException(wrong);
            }
            PrivateKey normalized = kf.generatePrivate(new RSAPrivateCrtKeySpec(k.getModulus(),
                    k.getPublicExponent(), k.getPrivateExponent(), k.getPrimeP(), k.getPrimeQ(),
                    k.getPrimeExponentP(), k.getPrimeExponentQ(), k.getCrtCoefficient()));
            PublicKey pub = kf.generatePublic(new RSAPublicKeySpec(k.getModulus(), k.getPublicExponent()));
            byte[] probe = SignInput.hash("SHA-256", pub.getEncoded());
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(normalized);
            s.update(probe);
            byte[] sig = s.sign();
            s.initVerify(pub);
            s.update(probe);
            if (!s.verify(sig)) {
                throw new IncorrectKeyMaterialException(wrong);
            }
            return new GeneratedMaterial(normalized.getEncoded(), pub.getEncoded());
        } catch (GeneralSecurityException | RuntimeException e) {
            if (e instanceof IncorrectKeyMaterialException ikm) {
                throw ikm;
            }
            throw new IncorrectKeyMaterialException(wrong);
        }
    }

    /**
     * Keywarden extension: an RSA public key of the spec's modulus size (odd exponent greater than
     * 1) as verify-only material, re-encoded as an rsaEncryption SubjectPublicKeyInfo.
     */
    @Override
    public GeneratedMaterial importPublicKey(KeySpec spec, byte[] material) {
        int bits = bits(spec);
        String wrong = "The key material is not a DER SubjectPublicKeyInfo " + spec + " public key.";
        if (material == null) {
            throw new IncorrectKeyMaterialException(wrong);
        }
        try {
            KeyFactory kf = KeyFactory.getInstance("RSA");
            if (!(kf.generatePublic(new X509EncodedKeySpec(material)) instanceof java.security.interfaces.RSAPublicKey k)
                    || k.getModulus().bitLength() != bits || !k.getPublicExponent().testBit(0)
                    || k.getPublicExponent().bitLength() < 2) {
                throw new IncorrectKeyMaterialException(wrong);
            }
            return GeneratedMaterial.publicOnly(
                    kf.generatePublic(new RSAPublicKeySpec(k.getModulus(), k.getPublicExponent())).getEncoded());
        } catch (GeneralSecurityException | RuntimeException e) {
            if (e instanceof IncorrectKeyMaterialException ikm) {
                throw ikm;
            }
            throw new IncorrectKeyMaterialException(wrong);
        }
    }

    @Override
    public int maxPlaintextLength(KeySpec spec, EncryptionAlgorithmSpec algorithm) {
        return RsaSchemes.maxPlaintext(bits(spec), oaep(spec, algorithm, null));
    }

    @Override
    public byte[] encrypt(KeySpec spec, KeyMaterial key, EncryptionAlgorithmSpec algorithm, byte[] plaintext,
            Map<String, String> encryptionContext) {
        return encrypt(spec, key, algorithm, null, plaintext, encryptionContext);
    }

    @Override
    public byte[] encrypt(KeySpec spec, KeyMaterial key, EncryptionAlgorithmSpec algorithm, RsaParameters parameters,
            byte[] plaintext, Map<String, String> encryptionContext) {
        noContext(encryptionContext);
        RsaSchemes.Oaep o = oaep(spec, algorithm, parameters);
        Checks.length("plaintext", plaintext, 1, RsaSchemes.maxPlaintext(bits(spec), o));
        try {
            Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding");
            c.init(Cipher.ENCRYPT_MODE, publicKey(key), oaepParams(o), Checks.random());
            return c.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw Checks.internal(e);
        }
    }

    @Override
    public byte[] decrypt(KeySpec spec, KeyMaterial key, EncryptionAlgorithmSpec algorithm, byte[] ciphertext,
            Map<String, String> encryptionContext) {
        return decrypt(spec, key, algorithm, null, ciphertext, encryptionContext);
    }

    @Override
    public byte[] decrypt(KeySpec spec, KeyMaterial key, EncryptionAlgorithmSpec algorithm, RsaParameters parameters,
            byte[] ciphertext, Map<String, String> encryptionContext) {
        noContext(encryptionContext);
        RsaSchemes.Oaep o = oaep(spec, algorithm, parameters);
        Checks.length("ciphertextBlob", ciphertext, 1, 6144);
        if (ciphertext.length != bits(spec) / 8) {
            throw new InvalidCiphertextException("The ciphertext is invalid.");
        }
        PrivateKey priv = privateKey(key);
        try {
            Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding");
            c.init(Cipher.DECRYPT_MODE, priv, oaepParams(o));
            return c.doFinal(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new InvalidCiphertextException("The ciphertext is invalid.");
        }
    }

    @Override
    public byte[] sign(KeySpec spec, KeyMaterial key, SigningAlgorithmSpec algorithm, MessageType type, byte[] message) {
        return sign(spec, key, algorithm, null, type, message);
    }

    @Override
    public byte[] sign(KeySpec spec, KeyMaterial key, SigningAlgorithmSpec algorithm, RsaParameters parameters,
            MessageType type, byte[] message) {
        RsaSchemes.Signing sig = sig(spec, algorithm, parameters);
        Checks.requirePrivate(key, spec);
        byte[] digest = digest(algorithm, parameters, sig, type, message);
        try {
            if (sig.pss()) {
                RawRsa rsa = RawRsa.of(Checks.secret(key));
                PSSSigner s = PSSSigner.createRawSigner(rsa, sig.hash().digest().get(), sig.mgf().digest().get(),
                        sig.saltLength(), PSSSigner.TRAILER_IMPLICIT);
                s.init(true, new ParametersWithRandom(rsa.parameters(), Checks.random()));
                s.update(digest, 0, digest.length);
                return s.generateSignature();
            }
            Signature s = Signature.getInstance("NONEwithRSA");
            s.initSign(privateKey(key));
            s.update(digestInfo(sig, digest));
            return s.sign();
        } catch (GeneralSecurityException | IOException | CryptoException | IllegalArgumentException | ClassCastException e) {
            throw Checks.internal(e);
        }
    }

    @Override
    public boolean verify(KeySpec spec, KeyMaterial key, SigningAlgorithmSpec algorithm, MessageType type,
            byte[] message, byte[] signature) {
        return verify(spec, key, algorithm, null, type, message, signature);
    }

    @Override
    public boolean verify(KeySpec spec, KeyMaterial key, SigningAlgorithmSpec algorithm, RsaParameters parameters,
            MessageType type, byte[] message, byte[] signature) {
        RsaSchemes.Signing sig = sig(spec, algorithm, parameters);
        byte[] digest = digest(algorithm, parameters, sig, type, message);
        Checks.length("signature", signature, 1, 6144);
        byte[] publicKey = Checks.publicKey(key);
        try {
            if (sig.pss()) {
                PSSSigner s = pssSigner(sig);
                s.init(false, PublicKeyFactory.createKey(publicKey));
                s.update(digest, 0, digest.length);
                return s.verifySignature(signature);
            }
            Signature s = Signature.getInstance("NONEwithRSA");
            s.initVerify(publicKey(key));
            s.update(digestInfo(sig, digest));
            return s.verify(signature);
        } catch (SignatureException | RuntimeException e) {
            return false;
        } catch (GeneralSecurityException | IOException e) {
            throw Checks.internal(e);
        }
    }

    /** The digest to sign; a DIGEST message must have the length of the hash in use (the parameters' if given). */
    private static byte[] digest(SigningAlgorithmSpec algorithm, RsaParameters parameters, RsaSchemes.Signing sig,
            MessageType type, byte[] message) {
        if (parameters != null && type == MessageType.DIGEST && message != null
                && message.length != sig.hash().length()) {
            throw new ValidationException("Digest is invalid length for algorithm " + algorithm + " with "
                    + "KeywardenRsaParameters.Hash " + sig.hash().name() + " (" + sig.hash().length() + " bytes).");
        }
        return SignInput.digest(algorithm, sig.hash().name(), sig.hash().length(), type, message);
    }

    private static PSSSigner pssSigner(RsaSchemes.Signing sig) {
        return PSSSigner.createRawSigner(new RSABlindedEngine(), sig.hash().digest().get(), sig.mgf().digest().get(),
                sig.saltLength(), PSSSigner.TRAILER_IMPLICIT);
    }

    private static byte[] digestInfo(RsaSchemes.Signing sig, byte[] digest) throws IOException {
        return new DigestInfo(new AlgorithmIdentifier(sig.hash().oid(), DERNull.INSTANCE), digest)
                .getEncoded(ASN1Encoding.DER);
    }

    private static OAEPParameterSpec oaepParams(RsaSchemes.Oaep o) {
        return new OAEPParameterSpec(o.hash().name(), "MGF1", new MGF1ParameterSpec(o.mgf().name()),
                new PSource.PSpecified(o.label()));
    }

    private static void noContext(Map<String, String> context) {
        if (context != null && !context.isEmpty()) {
            throw new ValidationException("EncryptionContext is not supported for asymmetric keys.");
        }
    }

    private static int bits(KeySpec spec) {
        return BITS.get(Checks.spec(spec, BITS.keySet()));
    }

    private static RsaSchemes.Oaep oaep(KeySpec spec, EncryptionAlgorithmSpec algorithm, RsaParameters parameters) {
        int bits = bits(spec);
        Checks.notNull("encryptionAlgorithm", algorithm);
        if (!RsaSchemes.isRsa(algorithm)) {
            throw Checks.algorithm(algorithm, spec);
        }
        return RsaSchemes.oaep(bits, algorithm, parameters);
    }

    private static RsaSchemes.Signing sig(KeySpec spec, SigningAlgorithmSpec algorithm, RsaParameters parameters) {
        int bits = bits(spec);
        Checks.notNull("signingAlgorithm", algorithm);
        if (!RsaSchemes.isRsa(algorithm)) {
            throw Checks.algorithm(algorithm, spec);
        }
        return RsaSchemes.signing(bits, algorithm, parameters);
    }

    private static PrivateKey privateKey(KeyMaterial key) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Checks.secret(key)));
        } catch (GeneralSecurityException e) {
            throw Checks.internal(e);
        }
    }

    private static PublicKey publicKey(KeyMaterial key) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Checks.publicKey(key)));
        } catch (GeneralSecurityException e) {
            throw Checks.internal(e);
        }
    }
}
