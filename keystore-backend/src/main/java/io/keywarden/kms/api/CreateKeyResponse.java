package io.keywarden.kms.api;

/** The response of CreateKey, with AWS KMS's members. */
public record CreateKeyResponse(
        KeyMetadata keyMetadata) {
}
