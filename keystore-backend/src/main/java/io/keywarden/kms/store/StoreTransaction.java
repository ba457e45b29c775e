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

    /** Removes the key with all its materials, aliases and import tokens, for good. */
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

    /** The audit trail's tables in this transaction (docs/audit.md). */
    AuditTable audit();
}
