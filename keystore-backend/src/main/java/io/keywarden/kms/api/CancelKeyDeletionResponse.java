package io.keywarden.kms.api;

/** The response of CancelKeyDeletion, with AWS KMS's members. */
public record CancelKeyDeletionResponse(
        String keyId) {
}
