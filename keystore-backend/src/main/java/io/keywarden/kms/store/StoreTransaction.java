package io.keywarden.kms.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the engine may read and change in one transaction of a {@link KmsStore}. In a read
 * transaction the {@code put…}/{@code delete…} methods throw {@link IllegalStateException}.
 * Lists are ordered by their key (key id, alias name, version) and start after {@code after}
 * (null: from the first).
 */
public interface StoreTransaction {

    Optional<KeyRecord> findKey(String keyId);

    /** Inserts or replaces the key's record. */
    void putKey(KeyRecord key);

    /** Removes the key with all its materials, aliases, import tokens and certificate entries, for good. */
    void deleteKey(String keyId);

    List<KeyRecord> listKeys(String after, int limit);

    long countKeys(String awsAccountId);

    /** Ids of keys whose {@link KeyRecord#nextDueAt()} is at or before {@code now}. */
    List<String> dueKeyIds(Instant now, int limit);

    /** Adds a material; a version is written once and never replaced. */
    void putMaterial(MaterialRecord material);

    Optional<MaterialRecord> findMaterial(String keyId, int version);

    List<MaterialRecord> listMaterials(String keyId);

    /** Removes every material of the key (DeleteImportedKeyMaterial). */
    void deleteMaterials(String keyId);

    Optional<AliasRecord> findAlias(String aliasName);

    void putAlias(AliasRecord alias);

    void deleteAlias(String aliasName);

    List<AliasRecord> listAliases(String after, int limit);

    List<AliasRecord> aliasesOf(String keyId);

    void putImportToken(ImportTokenRecord token);

    Optional<ImportTokenRecord> findImportToken(String tokenId);

    void deleteImportTokens(String keyId);

    /** The identity policy (JSON) of an IAM principal, if it has one. */
    Optional<String> findIdentityPolicy(String principalArn);

    /** Sets the identity policy of a principal of {@code account}. */
    void putIdentityPolicy(String principalArn, String account, String policy, Instant updatedAt);

    void deleteIdentityPolicy(String principalArn);
    Optional<CertificateEntryRecord> findCertificateEntry(String entryName);

    /** Inserts or replaces the entry. */
    void putCertificateEntry(CertificateEntryRecord entry);

    void deleteCertificateEntry(String entryName);

    List<CertificateEntryRecord> listCertificateEntries(String after, int limit);

    // ---- grants (docs/store.md, table grants)

    Optional<GrantRecord> findGrant(String grantId);

    /** Inserts or replaces a grant (an idempotent CreateGrant adds a token hash to its grant). */
    void putGrant(GrantRecord grant);

    void deleteGrant(String grantId);

    /**
     * The grants of a key ordered by grant id, after {@code after}; {@code grantId} and
     * {@code granteePrincipal}, when not null, filter.
     */
    List<GrantRecord> listGrants(String keyId, String grantId, String granteePrincipal, String after, int limit);

    /** The grants of a key with this name (CreateGrant's idempotency). */
    List<GrantRecord> grantsNamed(String keyId, String name);

    /** The grants of any key whose retiring principal is {@code retiringPrincipal}, ordered by grant id. */
    List<GrantRecord> listRetirableGrants(String retiringPrincipal, String after, int limit);

    long countGrants(String keyId);

    /** The audit trail's tables in this transaction (docs/audit.md). */
    AuditTable audit();
}
