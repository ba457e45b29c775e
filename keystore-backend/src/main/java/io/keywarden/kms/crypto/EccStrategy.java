package io.keywarden.kms.crypto;

import io.keywarden.kms.api.KeyAgreementAlgorithmSpec;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.MessageType;
import io.keywarden.kms.api.SigningAlgorithmSpec;
import io.keywarden.kms.api.errors.IncorrectKeyMaterialException;
import io.keywarden.kms.api.errors.InvalidKeyUsageException;
import io.keywarden.kms.api.errors.ValidationException;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * ECC_NIST_P256/P384/P521 (SIGN_VERIFY or KEY_AGREEMENT) and ECC_SECG_P256K1 (SIGN_VERIFY): ECDSA
 * with the spec's one hash (SHA-256, SHA-384, SHA-512, SHA-256), DER-encoded signatures, and ECDH
 * returning the raw x-coordinate. Bouncy Castle's lightweight API does the curve arithmetic, so
 * secp256k1 works on JDK 17. Signing on the NIST curves goes to {@link NativeEcdsa} when
 * {@link LocalCrypto} has ACCP (AWS-LC's constant-time P-256/384/521 code, about ten times Bouncy
 * Castle's speed); the signatures are the same standard DER ECDSA either way.
 */
public final class EccStrategy implements KeySpecStrategy {

    private record Curve(ASN1ObjectIdentifier oid, SigningAlgorithmSpec algorithm, String hash, int hashLength,
            boolean agreement) {

        ECNamedDomainParameters domain() {
            return new ECNamedDomainParameters(oid, CustomNamedCurves.getByOID(oid));
        }
    }

    private static final Map<KeySpec, Curve> CURVES = Map.of(
            KeySpec.ECC_NIST_P256, new Curve(SECObjectIdentifiers.secp256r1, SigningAlgorithmSpec.ECDSA_SHA_256, "SHA-256", 32, true),
            KeySpec.ECC_NIST_P384, new Curve(SECObjectIdentifiers.secp384r1, SigningAlgorithmSpec.ECDSA_SHA_384, "SHA-384", 48, true),
            KeySpec.ECC_NIST_P521, new Curve(SECObjectIdentifiers.secp521r1, SigningAlgorithmSpec.ECDSA_SHA_512, "SHA-512", 64, true),
            KeySpec.ECC_SECG_P256K1, new Curve(SECObjectIdentifiers.secp256k1, SigningAlgorithmSpec.ECDSA_SHA_256, "SHA-256", 32, false));

    @Override
    public Set<KeySpec> keySpecs() {
        return CURVES.keySet();
    }

    @Override
    public Set<KeyUsage> usages(KeySpec spec) {
        return curve(spec).agreement() ? Set.of(KeyUsage.SIGN_VERIFY, KeyUsage.KEY_AGREEMENT)
                : Set.of(KeyUsage.SIGN_VERIFY);
    }

    @Override
    public List<SigningAlgorithmSpec> signingAlgorithms(KeySpec spec, KeyUsage usage) {
        Curve c = curve(spec);
        return usage == KeyUsage.SIGN_VERIFY ? List.of(c.algorithm()) : List.of();
    }

    @Override
    public List<KeyAgreementAlgorithmSpec> keyAgreementAlgorithms(KeySpec spec, KeyUsage usage) {
        Curve c = curve(spec);
        return usage == KeyUsage.KEY_AGREEMENT && c.agreement() ? List.of(KeyAgreementAlgorithmSpec.ECDH) : List.of();
    }

    @Override
    public GeneratedMaterial generate(KeySpec spec) {
        ECKeyPairGenerator g = new ECKeyPairGenerator();
        g.init(new ECKeyGenerationParameters(curve(spec).domain(), Checks.random()));
        AsymmetricCipherKeyPair kp = g.generateKeyPair();
        return encode((ECPrivateKeyParameters) kp.getPrivate(), (ECPublicKeyParameters) kp.getPublic());
    }

    @Override
    public GeneratedMaterial importMaterial(KeySpec spec, byte[] material) {
        Curve c = curve(spec);
        String wrong = "The key material is not a PKCS#8 " + spec + " private key.";
        if (material == null) {
            throw new IncorrectKeyMaterialException(wrong);
        }
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(material);
            if (!c.oid().equals(namedCurve(info.getPrivateKeyAlgorithm()))) {
                throw new IncorrectKeyMaterialException(wrong);
            }
            ECNamedDomainParameters domain = c.domain();
            BigInteger d = ((ECPrivateKeyParameters) PrivateKeyFactory.createKey(info)).getD();
            if (d.signum() <= 0 || d.compareTo(domain.getN()) >= 0) {
                throw new IncorrectKeyMaterialException(wrong);
            }
            ECPoint q = new FixedPointCombMultiplier().multiply(domain.getG(), d).normalize();
            ASN1BitString given = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey()).getPublicKey();
            if (given != null && !domain.getCurve().decodePoint(given.getOctets()).equals(q)) {
                throw new IncorrectKeyMaterialException(wrong);
            }
            return encode(new ECPrivateKeyParameters(d, domain), new ECPublicKeyParameters(q, domain));
        } catch (IncorrectKeyMaterialException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new IncorrectKeyMaterialException(wrong);
        }
    }

    /**
     * Keywarden extension: a named-curve public key on the spec's curve (the point decoded and
     * checked on the curve, not infinity) as verify-only material, re-encoded.
     */
    @Override
    public GeneratedMaterial importPublicKey(KeySpec spec, byte[] material) {
        Curve c = curve(spec);
        String wrong = "The key material is not a DER SubjectPublicKeyInfo " + spec + " public key.";
        if (material == null) {
            throw new IncorrectKeyMaterialException(wrong);
        }
        try {
            SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(material);
            if (!c.oid().equals(namedCurve(info.getAlgorithm()))) {
                throw new IncorrectKeyMaterialException(wrong);
            }
            ECNamedDomainParameters domain = c.domain();
            ECPoint q = domain.getCurve().decodePoint(info.getPublicKeyData().getOctets()).normalize();
            if (q.isInfinity() || !q.isValid()) {
                throw new IncorrectKeyMaterialException(wrong);
            }
            return GeneratedMaterial.publicOnly(SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(
                    new ECPublicKeyParameters(q, domain)).getEncoded());
        } catch (IncorrectKeyMaterialException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new IncorrectKeyMaterialException(wrong);
        }
    }

    @Override
    public byte[] sign(KeySpec spec, KeyMaterial key, SigningAlgorithmSpec algorithm, MessageType type, byte[] message) {
        Curve c = checkAlgorithm(spec, algorithm);
        Checks.requirePrivate(key, spec);
        byte[] digest = SignInput.digest(algorithm, c.hash(), c.hashLength(), type, message);
        if (NativeEcdsa.available() && NativeEcdsa.CURVES.contains(spec)) {
            return NativeEcdsa.sign(Checks.secret(key), digest);
        }
        ECPrivateKeyParameters priv = privateKey(key);
        ECDSASigner signer = new ECDSASigner();
        signer.init(true, new ParametersWithRandom(priv, Checks.random()));
        BigInteger[] rs = signer.generateSignature(digest);
        try {
            return StandardDSAEncoding.INSTANCE.encode(priv.getParameters().getN(), rs[0], rs[1]);
        } catch (IOException e) {
            throw Checks.internal(e);
        }
    }

    @Override
    public boolean verify(KeySpec spec, KeyMaterial key, SigningAlgorithmSpec algorithm, MessageType type,
            byte[] message, byte[] signature) {
        Curve c = checkAlgorithm(spec, algorithm);
        byte[] digest = SignInput.digest(algorithm, c.hash(), c.hashLength(), type, message);
        Checks.length("signature", signature, 1, 6144);
        ECPublicKeyParameters pub = publicKey(key);
        try {
            BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(pub.getParameters().getN(), signature);
            ECDSASigner verifier = new ECDSASigner();
            verifier.init(false, pub);
            return verifier.verifySignature(digest, rs[0], rs[1]);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public byte[] deriveSharedSecret(KeySpec spec, KeyMaterial key, byte[] peerPublicKey) {
        Curve c = curve(spec);
        if (!c.agreement()) {
            throw new InvalidKeyUsageException("Key spec " + spec + " does not support key agreement.");
        }
        Checks.length("publicKey", peerPublicKey, 1, 8192);
        ECPrivateKeyParameters priv = privateKey(key);
        ECDHBasicAgreement agreement = new ECDHBasicAgreement();
        agreement.init(priv);
        BigInteger z;
        try {
            SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(peerPublicKey);
            if (!c.oid().equals(namedCurve(info.getAlgorithm()))) {
                throw badPublicKey();
            }
            z = agreement.calculateAgreement(PublicKeyFactory.createKey(info));
        } catch (IOException | RuntimeException e) {
            throw e instanceof ValidationException v ? v : badPublicKey();
        }
        return BigIntegers.asUnsignedByteArray(agreement.getFieldSize(), z);
    }

    private static ValidationException badPublicKey() {
        return new ValidationException("The public key is not a valid DER SubjectPublicKeyInfo on the key's curve.");
    }

    /** The named curve of an id-ecPublicKey algorithm identifier, or null. */
    private static ASN1ObjectIdentifier namedCurve(AlgorithmIdentifier alg) {
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(alg.getAlgorithm()) || alg.getParameters() == null) {
            return null;
        }
        X962Parameters p = X962Parameters.getInstance(alg.getParameters());
        ASN1Primitive params = p.getParameters();
        return p.isNamedCurve() ? (ASN1ObjectIdentifier) params : null;
    }

    private static GeneratedMaterial encode(ECPrivateKeyParameters priv, ECPublicKeyParameters pub) {
        try {
            return new GeneratedMaterial(PrivateKeyInfoFactory.createPrivateKeyInfo(priv).getEncoded(),
                    SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(pub).getEncoded());
        } catch (IOException e) {
            throw Checks.internal(e);
        }
    }

    private static Curve curve(KeySpec spec) {
        return CURVES.get(Checks.spec(spec, CURVES.keySet()));
    }

    private static Curve checkAlgorithm(KeySpec spec, SigningAlgorithmSpec algorithm) {
        Curve c = curve(spec);
        Checks.notNull("signingAlgorithm", algorithm);
        if (algorithm != c.algorithm()) {
            throw Checks.algorithm(algorithm, spec);
        }
        return c;
    }

    private static ECPrivateKeyParameters privateKey(KeyMaterial key) {
        try {
            return (ECPrivateKeyParameters) PrivateKeyFactory.createKey(Checks.secret(key));
        } catch (IOException | RuntimeException e) {
            throw Checks.internal(e);
        }
    }

    private static ECPublicKeyParameters publicKey(KeyMaterial key) {
        try {
            return (ECPublicKeyParameters) PublicKeyFactory.createKey(Checks.publicKey(key));
        } catch (IOException | RuntimeException e) {
            throw Checks.internal(e);
        }
    }
}
