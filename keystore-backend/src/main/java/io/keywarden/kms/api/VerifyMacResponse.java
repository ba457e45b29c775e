package io.keywarden.kms.api;

/** The response of VerifyMac, with AWS KMS's members. */
public record VerifyMacResponse(
        String keyId,
        boolean macValid,
        MacAlgorithmSpec macAlgorithm) {
}
