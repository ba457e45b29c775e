package io.keywarden.kms.crypto;

import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.MessageType;
import io.keywarden.kms.api.SigningAlgorithmSpec;
import io.keywarden.kms.api.errors.IncorrectKeyMaterialException;
import io.keywarden.kms.api.errors.ValidationException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.jcajce.interfaces.MLDSAPrivateKey;
import org.bouncycastle.jcajce.spec.MLDSAParameterSpec;

/**
 * ML_DSA_44/65/87 (FIPS 204): SIGN_VERIFY with ML_DSA_SHAKE_256, pure ML-DSA with an empty
 * context over a RAW message of 1..4096 bytes. Bouncy Castle 1.80 has no API that signs an
 * externally computed mu, so the EXTERNAL_MU message type is refused with a ValidationException.
 * Private keys are PKCS#8 as Bouncy Castle encodes them.
 */
public final class MlDsaStrategy implements KeySpecStrategy {

    private static final Map<KeySpec, MLDSAParameterSpec> PARAMS = Map.of(
            KeySpec.ML_DSA_44, MLDSAParameterSpec.ml_dsa_44,
            KeySpec.ML_DSA_65, MLDSAParameterSpec.ml_dsa_65,
            KeySpec.ML_DSA_87, MLDSAParameterSpec.ml_dsa_87);

    @Override
    public Set<KeySpec> keySpecs() {
        return PARAMS.keySet();
    }

    @Override
    public Set<KeyUsage> usages(KeySpec spec) {
        params(spec);
        return Set.of(KeyUsage.SIGN_VERIFY);
    }

    @Override
    public List<SigningAlgorithmSpec> signingAlgorithms(KeySpec spec, KeyUsage usage) {
        params(spec);
        return usage == KeyUsage.SIGN_VERIFY ? List.of(SigningAlgorithmSpec.ML_DSA_SHAKE_256) : List.of();
    }

    @Override
    public GeneratedMaterial generate(KeySpec spec) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("ML-DSA", Bc.PROVIDER);
            g.initialize(params(spec), Checks.random());
            KeyPair kp = g.generateKeyPair();
            return new GeneratedMaterial(kp.getPrivate().getEncoded(), kp.getPublic().getEncoded());
        } catch (GeneralSecurityException e) {
            throw Checks.internal(e);
        }
    }

    @Override
    public GeneratedMaterial importMaterial(KeySpec spec, byte[] material) {
        MLDSAParameterSpec p = params(spec);
        String wrong = "The key material is not a PKCS#8 " + spec + " private key.";
        if (material == null) {
            throw new IncorrectKeyMaterialException(wrong);
        }
        try {
            PrivateKey k = KeyFactory.getInstance("ML-DSA", Bc.PROVIDER).generatePrivate(new PKCS8EncodedKeySpec(material));
            if (!(k instanceof MLDSAPrivateKey priv) || !p.getName().equals(priv.getParameterSpec().getName())) {
                throw new IncorrectKeyMaterialException(wrong);
            }
            PublicKey pub = priv.getPublicKey();
            byte[] probe = pub.getEncoded();
            Signature s = Signature.getInstance("ML-DSA", Bc.PROVIDER);
            s.initSign(priv, Checks.random());
            s.update(probe);
            byte[] sig = s.sign();
            s.initVerify(pub);
            s.update(probe);
            if (!s.verify(sig)) {
                throw new IncorrectKeyMaterialException(wrong);
            }
            return new GeneratedMaterial(priv.getEncoded(), pub.getEncoded());
        } catch (IncorrectKeyMaterialException e) {
            throw e;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IncorrectKeyMaterialException(wrong);
        }
    }

    @Override
    public byte[] sign(KeySpec spec, KeyMaterial key, SigningAlgorithmSpec algorithm, MessageType type, byte[] message) {
        check(spec, algorithm, type, message);
        try {
            PrivateKey priv = KeyFactory.getInstance("ML-DSA", Bc.PROVIDER)
                    .generatePrivate(new PKCS8EncodedKeySpec(Checks.secret(key)));
            Signature s = Signature.getInstance("ML-DSA", Bc.PROVIDER);
            s.initSign(priv, Checks.random());
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw Checks.internal(e);
        }
    }

    @Override
    public boolean verify(KeySpec spec, KeyMaterial key, SigningAlgorithmSpec algorithm, MessageType type,
            byte[] message, byte[] signature) {
        check(spec, algorithm, type, message);
        Checks.length("signature", signature, 1, 6144);
        PublicKey pub;
        try {
            pub = KeyFactory.getInstance("ML-DSA", Bc.PROVIDER).generatePublic(new X509EncodedKeySpec(Checks.publicKey(key)));
        } catch (GeneralSecurityException e) {
            throw Checks.internal(e);
        }
        try {
            Signature s = Signature.getInstance("ML-DSA", Bc.PROVIDER);
            s.initVerify(pub);
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static void check(KeySpec spec, SigningAlgorithmSpec algorithm, MessageType type, byte[] message) {
        params(spec);
        Checks.notNull("signingAlgorithm", algorithm);
        if (algorithm != SigningAlgorithmSpec.ML_DSA_SHAKE_256) {
            throw Checks.algorithm(algorithm, spec);
        }
        Checks.notNull("messageType", type);
        if (type == MessageType.EXTERNAL_MU) {
            throw new ValidationException("Message type EXTERNAL_MU is not supported by this server.");
        }
        if (type != MessageType.RAW) {
            throw SignInput.unsupported(algorithm, type);
        }
        Checks.length("message", message, 1, Checks.MAX_MESSAGE);
    }

    private static MLDSAParameterSpec params(KeySpec spec) {
        return PARAMS.get(Checks.spec(spec, PARAMS.keySet()));
    }
}
