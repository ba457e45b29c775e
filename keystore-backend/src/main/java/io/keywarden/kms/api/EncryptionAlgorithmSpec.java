package io.keywarden.kms.api;

/** Encryption algorithms (AWS KMS EncryptionAlgorithmSpec). */
public enum EncryptionAlgorithmSpec {
    SYMMETRIC_DEFAULT,
    RSAES_OAEP_SHA_1,
    RSAES_OAEP_SHA_256
}
