package io.keywarden.kms.api;

/** Signing algorithms (AWS KMS SigningAlgorithmSpec). */
public enum SigningAlgorithmSpec {
    RSASSA_PSS_SHA_256,
    RSASSA_PSS_SHA_384,
    RSASSA_PSS_SHA_512,
    RSASSA_PKCS1_V1_5_SHA_256,
    RSASSA_PKCS1_V1_5_SHA_384,
    RSASSA_PKCS1_V1_5_SHA_512,
    ECDSA_SHA_256,
    ECDSA_SHA_384,
    ECDSA_SHA_512,
    ED25519_SHA_512,
    ED25519_PH_SHA_512,
    ML_DSA_SHAKE_256
}
