package io.keywarden.kms.api;

/** The response of Verify, with AWS KMS's members. */
public record VerifyResponse(
        String keyId,
        boolean signatureValid,
        SigningAlgorithmSpec signingAlgorithm) {
}
