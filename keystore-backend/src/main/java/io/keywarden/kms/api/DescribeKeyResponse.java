package io.keywarden.kms.api;

/** The response of DescribeKey, with AWS KMS's members. */
public record DescribeKeyResponse(
        KeyMetadata keyMetadata) {
}
