package io.keywarden.kms.api;

/** MAC algorithms (AWS KMS MacAlgorithmSpec). */
public enum MacAlgorithmSpec {
    HMAC_SHA_224,
    HMAC_SHA_256,
    HMAC_SHA_384,
    HMAC_SHA_512
}
