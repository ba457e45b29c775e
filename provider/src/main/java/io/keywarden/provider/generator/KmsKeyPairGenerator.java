package io.keywarden.provider.generator;

import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.provider.KeywardenProvider;
import io.keywarden.provider.KmsKeyGenParameterSpec;
import io.keywarden.provider.KmsPrivateKey;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidParameterException;
import java.security.KeyPair;
import java.security.KeyPairGeneratorSpi;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code KeyPairGenerator} RSA, EC, Ed25519 and ML-DSA: each pair is a new managed asymmetric key
 * (CreateKey); the result holds the real public key (GetPublicKey) and a private-key handle. Sizes
 * and curves come from {@code initialize(int)}, the JDK's parameter specs or a
 * {@link KmsKeyGenParameterSpec} (which also sets usage, alias, tags, description and policy);
 * plain sizes and specs only when {@link PlainSpecs} allows them.
 * Unsupported sizes are InvalidParameterException, unsupported specs
 * InvalidAlgorithmParameterException, so the JCA moves on to the next provider.
 */
public abstract class KmsKeyPairGenerator extends KeyPairGeneratorSpi {

    private final KeywardenProvider provider;
    private final Set<KeyUsage> usages;
    private final KeySpec defaultSpec;
    private KeySpec keySpec;
    private KmsKeyGenParameterSpec spec;
    private boolean initialized;

    KmsKeyPairGenerator(KeywardenProvider provider, KeySpec defaultSpec, Set<KeyUsage> usages) {
        this.provider = provider;
        this.defaultSpec = defaultSpec;
        this.keySpec = defaultSpec;
        this.usages = usages;
    }

    /** The key spec for a key size; InvalidParameterException if none fits. */
    abstract KeySpec forSize(int keysize);

    /** The key spec for a JDK parameter spec, or null if this generator does not know it. */
    abstract KeySpec forJdkSpec(AlgorithmParameterSpec params) throws InvalidAlgorithmParameterException;

    /** Whether a key spec belongs to this generator. */
    abstract boolean accepts(KeySpec spec);

    @Override
    public void initialize(int keysize, SecureRandom random) {
        if (!PlainSpecs.allowed()) {
            throw new InvalidParameterException(PlainSpecs.REFUSAL);
        }
        keySpec = forSize(keysize);
        spec = null;
        initialized = true;
    }

    @Override
    public void initialize(AlgorithmParameterSpec params, SecureRandom random)
            throws InvalidAlgorithmParameterException {
        if (params instanceof KmsKeyGenParameterSpec s) {
            if (s.keySpec() != null && !accepts(s.keySpec())) {
                throw new InvalidAlgorithmParameterException("This generator cannot make " + s.keySpec() + " keys");
            }
            if (s.keyUsage() != null && !usages.contains(s.keyUsage())) {
                throw new InvalidAlgorithmParameterException("Key usage " + s.keyUsage() + " is not one of " + usages);
            }
            keySpec = s.keySpec() != null ? s.keySpec() : defaultSpec;
            spec = s;
            initialized = true;
            return;
        }
        if (!PlainSpecs.allowed()) {
            throw new InvalidAlgorithmParameterException(PlainSpecs.REFUSAL);
        }
        KeySpec k = params == null ? null : forJdkSpec(params);
        if (k == null) {
            throw new InvalidAlgorithmParameterException("Unsupported parameters: "
                    + (params == null ? "null" : params.getClass().getName()));
        }
        keySpec = k;
        spec = null;
        initialized = true;
    }

    @Override
    public KeyPair generateKeyPair() {
        if (!initialized && !PlainSpecs.allowed()) {
            throw new IllegalStateException(PlainSpecs.REFUSAL);
        }
        KeyUsage usage = spec != null && spec.keyUsage() != null ? spec.keyUsage() : usages.iterator().next();
        KmsPrivateKey handle = (KmsPrivateKey) KeyCreation.create(provider.runtime(), keySpec, usage, spec);
        return new KeyPair(handle.publicKey(), handle);
    }

    private static InvalidParameterException badSize(String alg, int keysize, String allowed) {
        return new InvalidParameterException("Keywarden makes " + alg + " keys of " + allowed + ", not " + keysize);
    }

    /** RSA_2048/3072/4096; SIGN_VERIFY by default, ENCRYPT_DECRYPT through the spec. */
    public static final class Rsa extends KmsKeyPairGenerator {
        public Rsa(KeywardenProvider provider) {
            super(provider, KeySpec.RSA_2048, new LinkedHashSet<>(List.of(KeyUsage.SIGN_VERIFY,
                    KeyUsage.ENCRYPT_DECRYPT)));
        }

        @Override
        KeySpec forSize(int keysize) {
            return switch (keysize) {
                case 2048 -> KeySpec.RSA_2048;
                case 3072 -> KeySpec.RSA_3072;
                case 4096 -> KeySpec.RSA_4096;
                default -> throw badSize("RSA", keysize, "2048, 3072 or 4096 bits");
            };
        }

        @Override
        KeySpec forJdkSpec(AlgorithmParameterSpec params) throws InvalidAlgorithmParameterException {
            if (params instanceof RSAKeyGenParameterSpec r) {
                if (!RSAKeyGenParameterSpec.F4.equals(r.getPublicExponent())) {
                    throw new InvalidAlgorithmParameterException("Keywarden RSA keys have the public exponent 65537");
                }
                try {
                    return forSize(r.getKeysize());
                } catch (InvalidParameterException e) {
                    throw new InvalidAlgorithmParameterException(e.getMessage());
                }
            }
            return null;
        }

        @Override
        boolean accepts(KeySpec spec) {
            return spec.name().startsWith("RSA_");
        }
    }

    /** P-256/384/521 and secp256k1; SIGN_VERIFY by default, KEY_AGREEMENT through the spec. */
    public static final class Ec extends KmsKeyPairGenerator {

        private static final Map<String, KeySpec> CURVES = Map.ofEntries(
                Map.entry("secp256r1", KeySpec.ECC_NIST_P256), Map.entry("p-256", KeySpec.ECC_NIST_P256),
                Map.entry("nist p-256", KeySpec.ECC_NIST_P256), Map.entry("prime256v1", KeySpec.ECC_NIST_P256),
                Map.entry("1.2.840.10045.3.1.7", KeySpec.ECC_NIST_P256),
                Map.entry("secp384r1", KeySpec.ECC_NIST_P384), Map.entry("p-384", KeySpec.ECC_NIST_P384),
                Map.entry("nist p-384", KeySpec.ECC_NIST_P384), Map.entry("1.3.132.0.34", KeySpec.ECC_NIST_P384),
                Map.entry("secp521r1", KeySpec.ECC_NIST_P521), Map.entry("p-521", KeySpec.ECC_NIST_P521),
                Map.entry("nist p-521", KeySpec.ECC_NIST_P521), Map.entry("1.3.132.0.35", KeySpec.ECC_NIST_P521),
                Map.entry("secp256k1", KeySpec.ECC_SECG_P256K1), Map.entry("1.3.132.0.10", KeySpec.ECC_SECG_P256K1));

        public Ec(KeywardenProvider provider) {
            super(provider, KeySpec.ECC_NIST_P256, new LinkedHashSet<>(List.of(KeyUsage.SIGN_VERIFY,
                    KeyUsage.KEY_AGREEMENT)));
        }

        @Override
        KeySpec forSize(int keysize) {
            return switch (keysize) {
                case 256 -> KeySpec.ECC_NIST_P256;
                case 384 -> KeySpec.ECC_NIST_P384;
                case 521 -> KeySpec.ECC_NIST_P521;
                default -> throw badSize("EC", keysize, "256, 384 or 521 bits (P-256, P-384, P-521)");
            };
        }

        @Override
        KeySpec forJdkSpec(AlgorithmParameterSpec params) throws InvalidAlgorithmParameterException {
            if (params instanceof ECGenParameterSpec ec) {
                KeySpec k = CURVES.get(ec.getName().toLowerCase(Locale.ROOT));
                if (k == null) {
                    throw new InvalidAlgorithmParameterException("Keywarden has no EC keys on curve " + ec.getName());
                }
                return k;
            }
            return null;
        }

        @Override
        boolean accepts(KeySpec spec) {
            return spec.name().startsWith("ECC_") && spec != KeySpec.ECC_NIST_EDWARDS25519;
        }
    }

    /** Ed25519 (ECC_NIST_EDWARDS25519), SIGN_VERIFY. */
    public static final class Ed25519 extends KmsKeyPairGenerator {
        public Ed25519(KeywardenProvider provider) {
            super(provider, KeySpec.ECC_NIST_EDWARDS25519, Set.of(KeyUsage.SIGN_VERIFY));
        }

        @Override
        KeySpec forSize(int keysize) {
            if (keysize != 255) {
                throw badSize("Ed25519", keysize, "255 bits");
            }
            return KeySpec.ECC_NIST_EDWARDS25519;
        }

        @Override
        KeySpec forJdkSpec(AlgorithmParameterSpec params) {
            return params instanceof NamedParameterSpec n && n.getName().equalsIgnoreCase("Ed25519")
                    ? KeySpec.ECC_NIST_EDWARDS25519 : null;
        }

        @Override
        boolean accepts(KeySpec spec) {
            return spec == KeySpec.ECC_NIST_EDWARDS25519;
        }
    }

    /** ML-DSA-44/65/87 (default ML-DSA-65), SIGN_VERIFY. */
    public static final class MlDsa extends KmsKeyPairGenerator {
        public MlDsa(KeywardenProvider provider) {
            super(provider, KeySpec.ML_DSA_65, Set.of(KeyUsage.SIGN_VERIFY));
        }

        @Override
        KeySpec forSize(int keysize) {
            throw new InvalidParameterException("ML-DSA has no key size: use NamedParameterSpec(\"ML-DSA-65\") "
                    + "or a KmsKeyGenParameterSpec");
        }

        @Override
        KeySpec forJdkSpec(AlgorithmParameterSpec params) {
            if (params instanceof NamedParameterSpec n) {
                return switch (n.getName().toUpperCase(Locale.ROOT)) {
                    case "ML-DSA-44" -> KeySpec.ML_DSA_44;
                    case "ML-DSA-65" -> KeySpec.ML_DSA_65;
                    case "ML-DSA-87" -> KeySpec.ML_DSA_87;
                    default -> null;
                };
            }
            return null;
        }

        @Override
        boolean accepts(KeySpec spec) {
            return spec.name().startsWith("ML_DSA_");
        }
    }

}
