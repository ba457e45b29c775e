package io.keywarden.kms.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * The operations a grant may allow, with AWS KMS's names. Which of them fit a key depends on its
 * type ({@link #validFor}); the encryption context constraints only make sense with the operations
 * that take an encryption context ({@link #takesEncryptionContext}) and with the three whose
 * constraints are not checked on use or checked otherwise (CreateGrant, RetireGrant, DescribeKey).
 */
public enum GrantOperation {
    Decrypt,
    Encrypt,
    GenerateDataKey,
    GenerateDataKeyWithoutPlaintext,
    ReEncryptFrom,
    ReEncryptTo,
    Sign,
    Verify,
    GetPublicKey,
    CreateGrant,
    RetireGrant,
    DescribeKey,
    GenerateDataKeyPair,
    GenerateDataKeyPairWithoutPlaintext,
    GenerateMac,
    VerifyMac,
    DeriveSharedSecret;

    private static final Set<GrantOperation> ANY_KEY = EnumSet.of(CreateGrant, RetireGrant, DescribeKey);
    private static final Set<GrantOperation> SYMMETRIC = EnumSet.of(Decrypt, Encrypt, GenerateDataKey,
            GenerateDataKeyWithoutPlaintext, ReEncryptFrom, ReEncryptTo, GenerateDataKeyPair,
            GenerateDataKeyPairWithoutPlaintext);
    private static final Set<GrantOperation> RSA_ENCRYPTION = EnumSet.of(Decrypt, Encrypt, ReEncryptFrom,
            ReEncryptTo, GetPublicKey);
    private static final Set<GrantOperation> SIGNING = EnumSet.of(Sign, Verify, GetPublicKey);
    private static final Set<GrantOperation> MAC = EnumSet.of(GenerateMac, VerifyMac);
    private static final Set<GrantOperation> AGREEMENT = EnumSet.of(DeriveSharedSecret, GetPublicKey);

    /** Whether a grant on a key of {@code spec} and {@code usage} may list this operation. */
    public boolean validFor(KeySpec spec, KeyUsage usage) {
        if (ANY_KEY.contains(this)) {
            return true;
        }
        return switch (usage) {
            case ENCRYPT_DECRYPT -> spec == KeySpec.SYMMETRIC_DEFAULT ? SYMMETRIC.contains(this)
                    : RSA_ENCRYPTION.contains(this);
            case SIGN_VERIFY -> SIGNING.contains(this);
            case GENERATE_VERIFY_MAC -> MAC.contains(this);
            case KEY_AGREEMENT -> AGREEMENT.contains(this);
        };
    }

    /** Whether the operation takes an encryption context (on a symmetric encryption key). */
    public boolean takesEncryptionContext() {
        return SYMMETRIC.contains(this);
    }

    /** Whether a grant with encryption context constraints may list this operation. */
    public boolean allowsConstraints() {
        return takesEncryptionContext() || ANY_KEY.contains(this);
    }
}
