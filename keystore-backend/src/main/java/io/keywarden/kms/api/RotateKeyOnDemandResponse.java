package io.keywarden.kms.api;

/** The response of RotateKeyOnDemand, with AWS KMS's members. */
public record RotateKeyOnDemandResponse(
        String keyId) {
}
