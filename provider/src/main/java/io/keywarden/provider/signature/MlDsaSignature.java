package io.keywarden.provider.signature;

import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.SigningAlgorithmSpec;
import io.keywarden.provider.UsableKey;
import java.security.InvalidKeyException;

/**
 * {@code ML-DSA-44}, {@code ML-DSA-65}, {@code ML-DSA-87} (a handle of exactly that key spec) and
 * {@code ML-DSA} (any of them): pure ML-DSA with an empty context (ML_DSA_SHAKE_256). The message
 * goes RAW (the backend does not implement EXTERNAL_MU), so it is limited to 1..4096 bytes.
 */
public abstract class MlDsaSignature extends FixedKmsSignature {

    private final KeySpec spec;

    /** @param spec the required key spec, or null for any ML-DSA key */
    MlDsaSignature(String service, KeySpec spec) {
        super(service, SigningAlgorithmSpec.ML_DSA_SHAKE_256, null);
        this.spec = spec;
    }

    @Override
    protected void checkKey(UsableKey key) throws InvalidKeyException {
        if (spec != null && key.metadata().keySpec() != spec) {
            throw new InvalidKeyException(service() + " needs an " + spec + " key, not " + key.metadata().keySpec());
        }
    }

    /** ML-DSA-44. */
    public static final class MlDsa44 extends MlDsaSignature {
        public MlDsa44() {
            super("ML-DSA-44", KeySpec.ML_DSA_44);
        }
    }

    /** ML-DSA-65. */
    public static final class MlDsa65 extends MlDsaSignature {
        public MlDsa65() {
            super("ML-DSA-65", KeySpec.ML_DSA_65);
        }
    }

    /** ML-DSA-87. */
    public static final class MlDsa87 extends MlDsaSignature {
        public MlDsa87() {
            super("ML-DSA-87", KeySpec.ML_DSA_87);
        }
    }

    /** ML-DSA, for a key of any of the three parameter sets. */
    public static final class Any extends MlDsaSignature {
        public Any() {
            super("ML-DSA", null);
        }
    }
}
