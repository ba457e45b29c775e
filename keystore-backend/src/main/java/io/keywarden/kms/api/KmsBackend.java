package io.keywarden.kms.api;

import io.keywarden.kms.api.errors.KmsUnsupportedOperationException;

/**
 * The seam between every Keywarden client (the JCA provider, the CLI, the server) and every backend
 * (the embedded engine, a remote Keywarden server, AWS KMS). One method per AWS KMS operation, with
 * request and response records named and shaped like AWS KMS's. Failures are the subclasses of
 * {@link io.keywarden.kms.api.errors.KmsException}, named after the KMS error types.
 *
 * <p>A backend instance acts for one caller; it is safe for concurrent use.
 */
public interface KmsBackend extends AutoCloseable {

    CreateKeyResponse createKey(CreateKeyRequest request);

    DescribeKeyResponse describeKey(DescribeKeyRequest request);

    ListKeysResponse listKeys(ListKeysRequest request);

    void updateKeyDescription(UpdateKeyDescriptionRequest request);

    void enableKey(EnableKeyRequest request);

    void disableKey(DisableKeyRequest request);

    ScheduleKeyDeletionResponse scheduleKeyDeletion(ScheduleKeyDeletionRequest request);

    CancelKeyDeletionResponse cancelKeyDeletion(CancelKeyDeletionRequest request);

    void enableKeyRotation(EnableKeyRotationRequest request);

    void disableKeyRotation(DisableKeyRotationRequest request);

    GetKeyRotationStatusResponse getKeyRotationStatus(GetKeyRotationStatusRequest request);

    RotateKeyOnDemandResponse rotateKeyOnDemand(RotateKeyOnDemandRequest request);

    ListKeyRotationsResponse listKeyRotations(ListKeyRotationsRequest request);

    void createAlias(CreateAliasRequest request);

    void updateAlias(UpdateAliasRequest request);

    void deleteAlias(DeleteAliasRequest request);

    ListAliasesResponse listAliases(ListAliasesRequest request);

    void tagResource(TagResourceRequest request);

    void untagResource(UntagResourceRequest request);

    ListResourceTagsResponse listResourceTags(ListResourceTagsRequest request);

    EncryptResponse encrypt(EncryptRequest request);

    DecryptResponse decrypt(DecryptRequest request);

    ReEncryptResponse reEncrypt(ReEncryptRequest request);

    GenerateDataKeyResponse generateDataKey(GenerateDataKeyRequest request);

    GenerateDataKeyWithoutPlaintextResponse generateDataKeyWithoutPlaintext(GenerateDataKeyWithoutPlaintextRequest request);

    GenerateDataKeyPairResponse generateDataKeyPair(GenerateDataKeyPairRequest request);

    GenerateDataKeyPairWithoutPlaintextResponse generateDataKeyPairWithoutPlaintext(GenerateDataKeyPairWithoutPlaintextRequest request);

    SignResponse sign(SignRequest request);

    VerifyResponse verify(VerifyRequest request);

    GetPublicKeyResponse getPublicKey(GetPublicKeyRequest request);

    GenerateMacResponse generateMac(GenerateMacRequest request);

    VerifyMacResponse verifyMac(VerifyMacRequest request);

    GenerateRandomResponse generateRandom(GenerateRandomRequest request);

    DeriveSharedSecretResponse deriveSharedSecret(DeriveSharedSecretRequest request);

    GetParametersForImportResponse getParametersForImport(GetParametersForImportRequest request);

    ImportKeyMaterialResponse importKeyMaterial(ImportKeyMaterialRequest request);

    void deleteImportedKeyMaterial(DeleteImportedKeyMaterialRequest request);

    /**
     * <b>Keywarden extension</b> (not an AWS KMS operation, not served over the wire): a GenerateMac
     * authorization that covers up to {@code maxMessages} MACs, computed in the backend without a
     * call each (docs/engine.md, "MAC sessions"). The embedded engine offers it on stores that report
     * their changes (SQLite); other backends throw
     * {@link io.keywarden.kms.api.errors.KmsUnsupportedOperationException}, and callers use
     * GenerateMac.
     */
    default MacSession openMacSession(OpenMacSessionRequest request) {
        throw KmsUnsupportedOperationException.notImplemented("OpenMacSession");
    }

    /** Whether {@link #openMacSession} is offered (false: callers use GenerateMac). */
    default boolean offersMacSessions() {
        return false;
    }

    // ---- key policies

    default void putKeyPolicy(PutKeyPolicyRequest request) {
        throw KmsUnsupportedOperationException.notImplemented("PutKeyPolicy");
    }

    default GetKeyPolicyResponse getKeyPolicy(GetKeyPolicyRequest request) {
        throw KmsUnsupportedOperationException.notImplemented("GetKeyPolicy");
    }

    default ListKeyPoliciesResponse listKeyPolicies(ListKeyPoliciesRequest request) {
        throw KmsUnsupportedOperationException.notImplemented("ListKeyPolicies");
    }

    // ---- Keywarden extensions: identity policies (docs/policy.md)

    default void putIdentityPolicy(PutIdentityPolicyRequest request) {
        throw KmsUnsupportedOperationException.notImplemented("PutIdentityPolicy");
    }

    default GetIdentityPolicyResponse getIdentityPolicy(GetIdentityPolicyRequest request) {
        throw KmsUnsupportedOperationException.notImplemented("GetIdentityPolicy");
    }

    // ---- Keywarden extensions beyond AWS KMS: certificate entries (used by the KMS key store)

    /**
     * Keywarden extension (not an AWS KMS operation): stores, or replaces, the certificate chain
     * under {@code entryName}, beside an asymmetric key whose public key the first certificate
     * certifies, or as a trusted-certificate entry (null key id). Deleting the key deletes its
     * entries. Backends without the extension (AWS KMS) throw
     * {@link io.keywarden.kms.api.errors.KmsUnsupportedOperationException}.
     */
    default void putCertificateEntry(PutCertificateEntryRequest request) {
        throw new io.keywarden.kms.api.errors.KmsUnsupportedOperationException(
                "PutCertificateEntry is a Keywarden extension that this backend does not offer.");
    }

    /** Keywarden extension (not an AWS KMS operation): one certificate entry; NotFoundException if absent. */
    default GetCertificateEntryResponse getCertificateEntry(GetCertificateEntryRequest request) {
        throw new io.keywarden.kms.api.errors.KmsUnsupportedOperationException(
                "GetCertificateEntry is a Keywarden extension that this backend does not offer.");
    }

    /** Keywarden extension (not an AWS KMS operation): the names of the certificate entries, in order. */
    default ListCertificateEntriesResponse listCertificateEntries(ListCertificateEntriesRequest request) {
        throw new io.keywarden.kms.api.errors.KmsUnsupportedOperationException(
                "ListCertificateEntries is a Keywarden extension that this backend does not offer.");
    }

    /** Keywarden extension (not an AWS KMS operation): removes an entry (not its key); NotFoundException if absent. */
    default void deleteCertificateEntry(DeleteCertificateEntryRequest request) {
        throw new io.keywarden.kms.api.errors.KmsUnsupportedOperationException(
                "DeleteCertificateEntry is a Keywarden extension that this backend does not offer.");
    }

    // ---- grants

    default CreateGrantResponse createGrant(CreateGrantRequest request) {
        throw KmsUnsupportedOperationException.notImplemented("CreateGrant");
    }

    default ListGrantsResponse listGrants(ListGrantsRequest request) {
        throw KmsUnsupportedOperationException.notImplemented("ListGrants");
    }

    default ListGrantsResponse listRetirableGrants(ListRetirableGrantsRequest request) {
        throw KmsUnsupportedOperationException.notImplemented("ListRetirableGrants");
    }

    default void retireGrant(RetireGrantRequest request) {
        throw KmsUnsupportedOperationException.notImplemented("RetireGrant");
    }

    default void revokeGrant(RevokeGrantRequest request) {
        throw KmsUnsupportedOperationException.notImplemented("RevokeGrant");
    }

    // ---- Keywarden extensions (not AWS KMS operations) -------------------------------------------

    /**
     * <b>Keywarden extension</b>: AES-GCM with the caller's IV, AAD and tag length on an imported
     * KEYWARDEN_AES_128/192/256 key; the raw ciphertext‖tag. AWS-compatible clients never call it.
     * The default (a backend without the extension, such as AWS KMS) throws
     * {@link io.keywarden.kms.api.errors.KmsUnsupportedOperationException}.
     */
    default DirectEncryptResponse directEncrypt(DirectEncryptRequest request) {
        throw KeywardenExtensions.unsupported("DirectEncrypt");
    }

    /** <b>Keywarden extension</b>: the inverse of {@link #directEncrypt}; a bad tag is InvalidCiphertextException. */
    default DirectDecryptResponse directDecrypt(DirectDecryptRequest request) {
        throw KeywardenExtensions.unsupported("DirectDecrypt");
    }

    /** <b>Keywarden extension</b>: raw AES key wrap (RFC 3394 / RFC 5649) on a KEYWARDEN_AES_* key. */
    default DirectWrapKeyResponse directWrapKey(DirectWrapKeyRequest request) {
        throw KeywardenExtensions.unsupported("DirectWrapKey");
    }

    /** <b>Keywarden extension</b>: raw AES key unwrap (RFC 3394 / RFC 5649); InvalidCiphertextException on failure. */
    default DirectUnwrapKeyResponse directUnwrapKey(DirectUnwrapKeyRequest request) {
        throw KeywardenExtensions.unsupported("DirectUnwrapKey");
    }

    /** Releases the backend's resources; the default does nothing. */
    @Override
    default void close() {
    }
}
