package io.keywarden.provider.signature;

import io.keywarden.kms.api.SigningAlgorithmSpec;
import java.util.List;

/** A signature whose KMS algorithm and digest are fixed by its name (most of them). */
abstract class FixedKmsSignature extends KmsSignatureSpi {

    private final SigningAlgorithmSpec algorithm;
    private final String digestName;

    /** @param digestName the local digest (DIGEST message type), or null for RAW */
    FixedKmsSignature(String service, SigningAlgorithmSpec algorithm, String digestName) {
        super(service);
        this.algorithm = algorithm;
        this.digestName = digestName;
    }

    @Override
    protected final SigningAlgorithmSpec algorithm() {
        return algorithm;
    }

    @Override
    protected final String digestName() {
        return digestName;
    }

    @Override
    protected final List<SigningAlgorithmSpec> candidates() {
        return List.of(algorithm);
    }
}
