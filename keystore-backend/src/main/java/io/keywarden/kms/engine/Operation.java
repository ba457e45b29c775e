package io.keywarden.kms.engine;

/**
 * The KMS operations as authorization and the key state table see them: each has its AWS name, the
 * policy action it needs ({@code kms:<name>}; ReEncrypt needs {@code kms:ReEncryptFrom} on the
 * source key and {@code kms:ReEncryptTo} on the destination) and, for operations on a key, its row
 * of AWS KMS's key state table (see {@link KeyStateRules}). Operations of {@link Group#ACCOUNT}
 * act on no key: their resource is {@code *} and only identity policies decide.
 */
public enum Operation {
    ENCRYPT("Encrypt", Group.CRYPTO),
    DECRYPT("Decrypt", Group.CRYPTO),
    RE_ENCRYPT("ReEncrypt", Group.CRYPTO),
    RE_ENCRYPT_FROM("ReEncrypt", Group.CRYPTO, "ReEncryptFrom"),
    RE_ENCRYPT_TO("ReEncrypt", Group.CRYPTO, "ReEncryptTo"),
    GENERATE_DATA_KEY("GenerateDataKey", Group.CRYPTO),
    GENERATE_DATA_KEY_WITHOUT_PLAINTEXT("GenerateDataKeyWithoutPlaintext", Group.CRYPTO),
    GENERATE_DATA_KEY_PAIR("GenerateDataKeyPair", Group.CRYPTO),
    GENERATE_DATA_KEY_PAIR_WITHOUT_PLAINTEXT("GenerateDataKeyPairWithoutPlaintext", Group.CRYPTO),
    SIGN("Sign", Group.CRYPTO),
    VERIFY("Verify", Group.CRYPTO),
    GENERATE_MAC("GenerateMac", Group.CRYPTO),
    VERIFY_MAC("VerifyMac", Group.CRYPTO),
    DERIVE_SHARED_SECRET("DeriveSharedSecret", Group.CRYPTO),
    GET_PUBLIC_KEY("GetPublicKey", Group.CRYPTO),
    ENABLE_KEY("EnableKey", Group.ENABLE_DISABLE),
    DISABLE_KEY("DisableKey", Group.ENABLE_DISABLE),
    SCHEDULE_KEY_DELETION("ScheduleKeyDeletion", Group.SCHEDULE_DELETION),
    CANCEL_KEY_DELETION("CancelKeyDeletion", Group.CANCEL_DELETION),
    ENABLE_KEY_ROTATION("EnableKeyRotation", Group.ROTATION),
    DISABLE_KEY_ROTATION("DisableKeyRotation", Group.ROTATION),
    ROTATE_KEY_ON_DEMAND("RotateKeyOnDemand", Group.ROTATION),
    GET_PARAMETERS_FOR_IMPORT("GetParametersForImport", Group.IMPORT),
    IMPORT_KEY_MATERIAL("ImportKeyMaterial", Group.IMPORT),
    DELETE_IMPORTED_KEY_MATERIAL("DeleteImportedKeyMaterial", Group.IMPORT),
    CREATE_ALIAS("CreateAlias", Group.MANAGE),
    UPDATE_ALIAS("UpdateAlias", Group.MANAGE),
    TAG_RESOURCE("TagResource", Group.MANAGE),
    UNTAG_RESOURCE("UntagResource", Group.MANAGE),
    UPDATE_KEY_DESCRIPTION("UpdateKeyDescription", Group.MANAGE),
    DESCRIBE_KEY("DescribeKey", Group.ANY_STATE),
    GET_KEY_ROTATION_STATUS("GetKeyRotationStatus", Group.ANY_STATE),
    LIST_KEY_ROTATIONS("ListKeyRotations", Group.ANY_STATE),
    LIST_ALIASES("ListAliases", Group.ANY_STATE),
    LIST_RESOURCE_TAGS("ListResourceTags", Group.ANY_STATE),
    DELETE_ALIAS("DeleteAlias", Group.ANY_STATE),
    PUT_KEY_POLICY("PutKeyPolicy", Group.ANY_STATE),
    GET_KEY_POLICY("GetKeyPolicy", Group.ANY_STATE),
    LIST_KEY_POLICIES("ListKeyPolicies", Group.ANY_STATE),
    CREATE_GRANT("CreateGrant", Group.CREATE_GRANT),
    LIST_GRANTS("ListGrants", Group.ANY_STATE),
    RETIRE_GRANT("RetireGrant", Group.ANY_STATE),
    REVOKE_GRANT("RevokeGrant", Group.ANY_STATE),
    LIST_RETIRABLE_GRANTS("ListRetirableGrants", Group.ACCOUNT),
    CREATE_KEY("CreateKey", Group.ACCOUNT),
    LIST_KEYS("ListKeys", Group.ACCOUNT),
    LIST_ALIASES_ALL("ListAliases", Group.ACCOUNT),
    GENERATE_RANDOM("GenerateRandom", Group.ACCOUNT);

    /** Rows of the key state table: operations that the key's state affects alike. */
    public enum Group {
        CRYPTO,
        /** CreateGrant: refused on a disabled key, pending deletion or pending import. */
        CREATE_GRANT,
        ENABLE_DISABLE, SCHEDULE_DELETION, CANCEL_DELETION, ROTATION, IMPORT, MANAGE, ANY_STATE,
        /** Not an operation on a key: no row of the key state table. */
        ACCOUNT
    }

    private final String apiName;
    private final Group group;
    private final String grantOperation;

    Operation(String apiName, Group group) {
        this(apiName, group, apiName);
    }

    Operation(String apiName, Group group, String grantOperation) {
        this.apiName = apiName;
        this.group = group;
        this.grantOperation = grantOperation;
    }

    /** The policy action this operation needs, for example {@code kms:Decrypt} or {@code kms:ReEncryptFrom}. */
    public String action() {
        return "kms:" + grantOperation;
    }

    /** The name a grant lists to allow this operation, for example {@code ReEncryptFrom}. */
    public String grantOperation() {
        return grantOperation;
    }

    /** The AWS KMS name, for example {@code Encrypt}. */
    public String apiName() {
        return apiName;
    }

    public Group group() {
        return group;
    }
}
