package io.keywarden.kms.api;

/** Where a key's material comes from. */
public enum OriginType {
    AWS_KMS,
    EXTERNAL
}
