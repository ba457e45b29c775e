package io.keywarden.kms.store;

import io.keywarden.kms.api.AlgorithmSpec;
import java.time.Instant;

/**
 * The state behind one import token of GetParametersForImport: the wrapping key pair's private half
 * (PKCS#8, a secret that stores seal like key material), the wrapping algorithm, and the expiry.
 * The token the caller holds is {@code tokenId}.
 */
public record ImportTokenRecord(
        String tokenId,
        String keyId,
        AlgorithmSpec wrappingAlgorithm,
        byte[] wrappingPrivateKey,
        Instant validTo) {

    @Override
    public String toString() {
        return "ImportTokenRecord[" + tokenId + " for " + keyId + " " + wrappingAlgorithm + " until " + validTo + "]";
    }
}
