package io.keywarden.kms.crypto;

import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.MessageType;
import io.keywarden.kms.api.SigningAlgorithmSpec;
import io.keywarden.kms.api.errors.IncorrectKeyMaterialException;
import io.keywarden.kms.api.errors.KMSInternalException;
import io.keywarden.kms.api.errors.ValidationException;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * ECC_NIST_EDWARDS25519: SIGN_VERIFY with ED25519_SHA_512 (pure Ed25519, RAW messages only) and
 * ED25519_PH_SHA_512 (Ed25519ph with an empty context: a RAW message is hashed with SHA-512 here; a
 * DIGEST is the 64-byte SHA-512 digest). Private keys are PKCS#8 v1 with the 32-byte seed.
 */
public final class Ed25519Strategy implements KeySpecStrategy {

    private static final Set<KeySpec> SPECS = Set.of(KeySpec.ECC_NIST_EDWARDS25519);
    private static final AlgorithmIdentifier ALG = new AlgorithmIdentifier(new ASN1ObjectIdentifier("1.3.101.112")); // id-Ed25519, RFC 8410
    private static final byte[] NO_CONTEXT = new byte[0];

    @Override
    public Set<KeySpec> keySpecs() {
        return SPECS;
    }

    @Override
    public Set<KeyUsage> usages(KeySpec spec) {
        Checks.spec(spec, SPECS);
        return Set.of(KeyUsage.SIGN_VERIFY);
    }

    @Override
    public List<SigningAlgorithmSpec> signingAlgorithms(KeySpec spec, KeyUsage usage) {
        Checks.spec(spec, SPECS);
        return usage == KeyUsage.SIGN_VERIFY
                ? List.of(SigningAlgorithmSpec.ED25519_SHA_512, SigningAlgorithmSpec.ED25519_PH_SHA_512) : List.of();
    }

    @Override
    public GeneratedMaterial generate(KeySpec spec) {
        Checks.spec(spec, SPECS);
        return encode(new Ed25519PrivateKeyParameters(Checks.random()));
    }

    @Override
    public GeneratedMaterial importMaterial(KeySpec spec, byte[] material) {
        Checks.spec(spec, SPECS);
        String wrong = "The key material is not a PKCS#8 Ed25519 private key.";
        if (material == null) {
            throw new IncorrectKeyMaterialException(wrong);
        }
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(material);
            if (!ALG.equals(info.getPrivateKeyAlgorithm())) {
                throw new IncorrectKeyMaterialException(wrong);
            }
            byte[] seed = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
            if (seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
                throw new IncorrectKeyMaterialException(wrong);
            }
            Ed25519PrivateKeyParameters priv = new Ed25519PrivateKeyParameters(seed);
            ASN1BitString given = info.getPublicKeyData();
            if (given != null && !MessageDigest.isEqual(given.getOctets(), priv.generatePublicKey().getEncoded())) {
                throw new IncorrectKeyMaterialException(wrong);
            }
            return encode(priv);
        } catch (IncorrectKeyMaterialException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new IncorrectKeyMaterialException(wrong);
        }
    }

    /**
     * Keywarden extension: an Ed25519 SubjectPublicKeyInfo (32-byte key that decodes to a curve
     * point) as verify-only material.
     */
    @Override
    public GeneratedMaterial importPublicKey(KeySpec spec, byte[] material) {
        Checks.spec(spec, SPECS);
        String wrong = "The key material is not a DER SubjectPublicKeyInfo Ed25519 public key.";
        if (material == null) {
            throw new IncorrectKeyMaterialException(wrong);
        }
        try {
            SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(material);
            byte[] point = info.getPublicKeyData().getOctets();
            if (!ALG.equals(info.getAlgorithm()) || point.length != Ed25519PublicKeyParameters.KEY_SIZE) {
                throw new IncorrectKeyMaterialException(wrong);
            }
            Ed25519PublicKeyParameters pub = new Ed25519PublicKeyParameters(point);
            return GeneratedMaterial.publicOnly(new SubjectPublicKeyInfo(ALG, pub.getEncoded()).getEncoded());
        } catch (IncorrectKeyMaterialException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new IncorrectKeyMaterialException(wrong);
        }
    }

    @Override
    public byte[] sign(KeySpec spec, KeyMaterial key, SigningAlgorithmSpec algorithm, MessageType type, byte[] message) {
        byte[] input = input(spec, algorithm, type, message);
        Checks.requirePrivate(key, spec);
        Ed25519PrivateKeyParameters priv = privateKey(key);
        byte[] sig = new byte[Ed25519PrivateKeyParameters.SIGNATURE_SIZE];
        if (algorithm == SigningAlgorithmSpec.ED25519_SHA_512) {
            priv.sign(Ed25519.Algorithm.Ed25519, null, input, 0, input.length, sig, 0);
        } else {
            priv.sign(Ed25519.Algorithm.Ed25519ph, NO_CONTEXT, input, 0, input.length, sig, 0);
        }
        return sig;
    }

    @Override
    public boolean verify(KeySpec spec, KeyMaterial key, SigningAlgorithmSpec algorithm, MessageType type,
            byte[] message, byte[] signature) {
        byte[] input = input(spec, algorithm, type, message);
        Checks.length("signature", signature, 1, 6144);
        Ed25519PublicKeyParameters pub = publicKey(key);
        if (signature.length != Ed25519PrivateKeyParameters.SIGNATURE_SIZE) {
            return false;
        }
        try {
            return algorithm == SigningAlgorithmSpec.ED25519_SHA_512
                    ? pub.verify(Ed25519.Algorithm.Ed25519, null, input, 0, input.length, signature, 0)
                    : pub.verify(Ed25519.Algorithm.Ed25519ph, NO_CONTEXT, input, 0, input.length, signature, 0);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The bytes the signature covers: the message (pure) or the 64-byte SHA-512 prehash (ph). */
    private static byte[] input(KeySpec spec, SigningAlgorithmSpec algorithm, MessageType type, byte[] message) {
        Checks.spec(spec, SPECS);
        Checks.notNull("signingAlgorithm", algorithm);
        Checks.notNull("messageType", type);
        if (algorithm == SigningAlgorithmSpec.ED25519_SHA_512) {
            if (type != MessageType.RAW) {
                throw new ValidationException("Signing algorithm ED25519_SHA_512 supports only the RAW message type.");
            }
            return Checks.length("message", message, 1, Checks.MAX_MESSAGE);
        }
        if (algorithm == SigningAlgorithmSpec.ED25519_PH_SHA_512) {
            return SignInput.digest(algorithm, "SHA-512", Ed25519.PREHASH_SIZE, type, message);
        }
        throw Checks.algorithm(algorithm, spec);
    }

    private static GeneratedMaterial encode(Ed25519PrivateKeyParameters priv) {
        try {
            byte[] pkcs8 = new PrivateKeyInfo(ALG, new DEROctetString(priv.getEncoded())).getEncoded(ASN1Encoding.DER);
            byte[] spki = new SubjectPublicKeyInfo(ALG, priv.generatePublicKey().getEncoded()).getEncoded(ASN1Encoding.DER);
            return new GeneratedMaterial(pkcs8, spki);
        } catch (IOException e) {
            throw Checks.internal(e);
        }
    }

    private static Ed25519PrivateKeyParameters privateKey(KeyMaterial key) {
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(Checks.secret(key));
            return new Ed25519PrivateKeyParameters(ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets());
        } catch (IOException | RuntimeException e) {
            throw new KMSInternalException("The stored key material is not readable.");
        }
    }

    private static Ed25519PublicKeyParameters publicKey(KeyMaterial key) {
        try {
            SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(Checks.publicKey(key));
            return new Ed25519PublicKeyParameters(info.getPublicKeyData().getOctets());
        } catch (RuntimeException e) {
            throw new KMSInternalException("The stored public key is not readable.");
        }
    }
}
