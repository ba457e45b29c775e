package io.keywarden.kms.api;

/**
 * MAC algorithms (AWS KMS MacAlgorithmSpec), and Keywarden's extension algorithms (named
 * {@code KEYWARDEN_*}) of the imported KEYWARDEN_HMAC_* keys, which AWS-compatible clients never meet.
 */
public enum MacAlgorithmSpec {
    HMAC_SHA_224,
    HMAC_SHA_256,
    HMAC_SHA_384,
    HMAC_SHA_512,
    /** Keywarden extension: HMAC-SHA-1, for KEYWARDEN_HMAC_SHA1 keys only. */
    KEYWARDEN_HMAC_SHA_1,
    /** Keywarden extension: HMAC-SHA3-224, for KEYWARDEN_HMAC_SHA3_224 keys only. */
    KEYWARDEN_HMAC_SHA3_224,
    /** Keywarden extension: HMAC-SHA3-256, for KEYWARDEN_HMAC_SHA3_256 keys only. */
    KEYWARDEN_HMAC_SHA3_256,
    /** Keywarden extension: HMAC-SHA3-384, for KEYWARDEN_HMAC_SHA3_384 keys only. */
    KEYWARDEN_HMAC_SHA3_384,
    /** Keywarden extension: HMAC-SHA3-512, for KEYWARDEN_HMAC_SHA3_512 keys only. */
    KEYWARDEN_HMAC_SHA3_512
}
