package io.keywarden.conformance.wycheproof;

/**
 * Why a Wycheproof case cannot run on a managed key. Each reason is a limit of AWS KMS's key specs
 * and operations that Keywarden keeps (a managed key cannot hold the vector's parameters), or a
 * limit of the vector itself. A not-applicable case is still counted, by reason, in the report.
 */
public enum NotApplicable {

    /**
     * The schema's primitive has no managed-key operation at all, not even as a Keywarden extension
     * (AES-GCM-SIV, ChaCha20-Poly1305, XChaCha20-Poly1305, AES-CMAC).
     */
    NO_MANAGED_OPERATION("the primitive has no managed-key operation in Keywarden/AWS KMS"),

    /** RSA modulus other than 2048, 3072 or 4096 bits (RSA_2048/3072/4096). */
    RSA_KEY_SIZE("RSA modulus size is not 2048, 3072 or 4096 bits"),

    /** A curve without an AWS KMS key spec for this operation (for example brainpool, secp224r1). */
    CURVE("curve has no KMS key spec for this operation"),

    /**
     * A hash Keywarden does not offer for this operation: RSA takes SHA-1, SHA-2 and SHA-3 (AWS KMS's
     * own or through the KeywardenRsaParameters extension), ECDSA any SHA-2/SHA-3 hash (fitted to the
     * curve's KMS digest); HMAC keys have the HMAC_* and extension key specs' hashes.
     */
    HASH("hash is not offered by Keywarden for this operation"),

    /** HMAC key length outside what the HMAC_* key spec imports (hash length up to block size). */
    HMAC_KEY_LENGTH("HMAC key length is outside the key spec's import range"),

    /**
     * A message the operation refuses (RAW Sign/Verify take 1 to 4096 bytes, as in AWS KMS;
     * GenerateMac 0 to 4096, the empty message being a Keywarden extension); in testvectors_v1
     * every such case is an empty Ed25519 message.
     */
    MESSAGE_LENGTH("message length is outside the operation's range (Sign/Verify: 1..4096 bytes, GenerateMac: 0..4096)"),

    /** An RSA private key the backend cannot import (even public exponent, or not a usable CRT key). */
    RSA_KEY_FORM("RSA private key cannot be imported (not a usable CRT key with an odd exponent)"),

    /** An EC private key outside [1, n-1] (KMS import refuses it). */
    EC_PRIVATE_KEY_RANGE("EC private key is not in [1, n-1]"),

    /**
     * The file's schema has no handler: AWS KMS has no operation for the primitive (HKDF, RSAES-PKCS1
     * v1.5 decryption); every case of the file is counted under this reason.
     */
    UNSUPPORTED_SCHEMA("the schema has no handler: AWS KMS has no operation for the primitive"),

    /** An AES key that is not 128, 192 or 256 bits (KEYWARDEN_AES_* sizes). */
    AES_KEY_SIZE("AES key is not 128, 192 or 256 bits"),

    /** An AES-GCM tag length the JDK's AES-GCM (and so the direct mode) refuses: only 96 to 128 bits. */
    GCM_TAG_SIZE("AES-GCM tag length is not 96, 104, 112, 120 or 128 bits");

    private final String description;

    NotApplicable(String description) {
        this.description = description;
    }

    /** One line saying why. */
    public String description() {
        return description;
    }
}
