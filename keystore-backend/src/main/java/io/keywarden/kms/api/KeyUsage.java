package io.keywarden.kms.api;

/** What a key is for (AWS KMS KeyUsageType). */
public enum KeyUsage {
    ENCRYPT_DECRYPT,
    SIGN_VERIFY,
    GENERATE_VERIFY_MAC,
    KEY_AGREEMENT
}
