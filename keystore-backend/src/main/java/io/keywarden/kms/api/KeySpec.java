package io.keywarden.kms.api;

/**
 * Key specs of AWS KMS, and Keywarden's extension specs (named {@code KEYWARDEN_*}), which exist
 * only for imported key material (Origin EXTERNAL): CreateKey with Origin AWS_KMS refuses them, so
 * an AWS-compatible client never meets one unless it imports such a key.
 */
public enum KeySpec {
    SYMMETRIC_DEFAULT,
    HMAC_224,
    HMAC_256,
    HMAC_384,
    HMAC_512,
    RSA_2048,
    RSA_3072,
    RSA_4096,
    ECC_NIST_P256,
    ECC_NIST_P384,
    ECC_NIST_P521,
    ECC_SECG_P256K1,
    ECC_NIST_EDWARDS25519,
    ML_DSA_44,
    ML_DSA_65,
    ML_DSA_87,
    /** Keywarden extension: an imported raw 128-bit AES key for the Direct* operations (AES-GCM, AES-KW/KWP). */
    KEYWARDEN_AES_128,
    /** Keywarden extension: an imported raw 192-bit AES key for the Direct* operations. */
    KEYWARDEN_AES_192,
    /** Keywarden extension: an imported raw 256-bit AES key for the Direct* operations. */
    KEYWARDEN_AES_256,
    /** Keywarden extension: an imported HMAC-SHA-1 key (any length from 1 to 1024 bytes). */
    KEYWARDEN_HMAC_SHA1,
    /** Keywarden extension: an imported HMAC-SHA3-224 key (any length from 1 to 1024 bytes). */
    KEYWARDEN_HMAC_SHA3_224,
    /** Keywarden extension: an imported HMAC-SHA3-256 key (any length from 1 to 1024 bytes). */
    KEYWARDEN_HMAC_SHA3_256,
    /** Keywarden extension: an imported HMAC-SHA3-384 key (any length from 1 to 1024 bytes). */
    KEYWARDEN_HMAC_SHA3_384,
    /** Keywarden extension: an imported HMAC-SHA3-512 key (any length from 1 to 1024 bytes). */
    KEYWARDEN_HMAC_SHA3_512;

    /** Whether this is a Keywarden extension spec (imported material only), not an AWS KMS spec. */
    public boolean isKeywardenExtension() {
        return name().startsWith("KEYWARDEN_");
    }
}
