package io.keywarden.kms.engine;

import io.keywarden.kms.store.AliasRecord;
import io.keywarden.kms.store.AuditTable;
import io.keywarden.kms.store.CertificateEntryRecord;
import io.keywarden.kms.store.GrantRecord;
import io.keywarden.kms.store.ImportTokenRecord;
import io.keywarden.kms.store.KeyRecord;
import io.keywarden.kms.store.MaterialRecord;
import io.keywarden.kms.store.StoreTransaction;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A read transaction seen through a {@link ReadCache}: the lookups of a call on a key (the key, its
 * aliases and material, the caller's identity policy and grants) are answered from the cache; the
 * rest, and every miss, from the real transaction — which, when there is none yet, is a
 * {@link #MISS}: {@link CachingStore} then runs the work again in a real read transaction, whose
 * answers fill the cache. Changes always go to the real transaction.
 */
final class CachedReads implements StoreTransaction {

    /** Thrown when a lookup needs the store and no transaction is open; carries no stack. */
    static final RuntimeException MISS = new RuntimeException("read cache miss", null, false, false) {
    };

    private final ReadCache cache;
    private final StoreTransaction real;

    /** @param cache null: no caching; @param real null: answer from the cache only */
    CachedReads(ReadCache cache, StoreTransaction real) {
        this.cache = cache;
        this.real = real;
    }

    private StoreTransaction real() {
        if (real == null) {
            throw MISS;
        }
        return real;
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(String method, Object a, Object b, Function<StoreTransaction, T> load) {
        ReadCache.Lookup k = new ReadCache.Lookup(method, a, b);
        if (cache != null) {
            Object v = cache.get(k);
            if (v instanceof ReadCache.Material m) {
                MaterialRecord copy = m.copy();
                if (copy != null) {
                    return (T) Optional.of(copy);
                }
            } else if (v != null) {
                return (T) v;
            }
        }
        T value = load.apply(real());
        if (value instanceof List<?> l) {
            value = (T) List.copyOf(l);
        }
        if (cache != null && ReadCache.cacheable(value)) {
            cache.put(k, value);
        }
        return value;
    }

    @Override
    public Optional<KeyRecord> findKey(String keyId) {
        return cached("findKey", keyId, null, t -> t.findKey(keyId));
    }

    @Override
    public Optional<MaterialRecord> findMaterial(String keyId, int version) {
        return cached("findMaterial", keyId, version, t -> t.findMaterial(keyId, version));
    }

    @Override
    public Optional<AliasRecord> findAlias(String aliasName) {
        return cached("findAlias", aliasName, null, t -> t.findAlias(aliasName));
    }

    @Override
    public List<AliasRecord> aliasesOf(String keyId) {
        return cached("aliasesOf", keyId, null, t -> t.aliasesOf(keyId));
    }

    @Override
    public Optional<String> findIdentityPolicy(String principalArn) {
        return cached("findIdentityPolicy", principalArn, null, t -> t.findIdentityPolicy(principalArn));
    }

    @Override
    public List<GrantRecord> listGrants(String keyId, String grantId, String granteePrincipal, String after,
            int limit) {
        if (grantId != null || after != null) {
            return real().listGrants(keyId, grantId, granteePrincipal, after, limit);
        }
        return cached("listGrants", keyId, granteePrincipal + "\u0000" + limit,
                t -> t.listGrants(keyId, null, granteePrincipal, null, limit));
    }

    // ---- everything else: the real transaction

    @Override
    public void putKey(KeyRecord key) {
        real().putKey(key);
    }

    @Override
    public void deleteKey(String keyId) {
        real().deleteKey(keyId);
    }

    @Override
    public List<KeyRecord> listKeys(String after, int limit) {
        return real().listKeys(after, limit);
    }

    @Override
    public long countKeys(String awsAccountId) {
        return real().countKeys(awsAccountId);
    }

    @Override
    public List<String> dueKeyIds(Instant now, int limit) {
        return real().dueKeyIds(now, limit);
    }

    @Override
    public void putMaterial(MaterialRecord material) {
        real().putMaterial(material);
    }

    @Override
    public List<MaterialRecord> listMaterials(String keyId) {
        return real().listMaterials(keyId);
    }

    @Override
    public void deleteMaterials(String keyId) {
        real().deleteMaterials(keyId);
    }

    @Override
    public void putAlias(AliasRecord alias) {
        real().putAlias(alias);
    }

    @Override
    public void deleteAlias(String aliasName) {
        real().deleteAlias(aliasName);
    }

    @Override
    public List<AliasRecord> listAliases(String after, int limit) {
        return real().listAliases(after, limit);
    }

    @Override
    public void putImportToken(ImportTokenRecord token) {
        real().putImportToken(token);
    }

    @Override
    public Optional<ImportTokenRecord> findImportToken(String tokenId) {
        return real().findImportToken(tokenId);
    }

    @Override
    public void deleteImportTokens(String keyId) {
        real().deleteImportTokens(keyId);
    }

    @Override
    public void putIdentityPolicy(String principalArn, String account, String policy, Instant updatedAt) {
        real().putIdentityPolicy(principalArn, account, policy, updatedAt);
    }

    @Override
    public void deleteIdentityPolicy(String principalArn) {
        real().deleteIdentityPolicy(principalArn);
    }

    @Override
    public Optional<CertificateEntryRecord> findCertificateEntry(String entryName) {
        return real().findCertificateEntry(entryName);
    }

    @Override
    public void putCertificateEntry(CertificateEntryRecord entry) {
        real().putCertificateEntry(entry);
    }

    @Override
    public void deleteCertificateEntry(String entryName) {
        real().deleteCertificateEntry(entryName);
    }

    @Override
    public List<CertificateEntryRecord> listCertificateEntries(String after, int limit) {
        return real().listCertificateEntries(after, limit);
    }

    @Override
    public Optional<GrantRecord> findGrant(String grantId) {
        return real().findGrant(grantId);
    }

    @Override
    public void putGrant(GrantRecord grant) {
        real().putGrant(grant);
    }

    @Override
    public void deleteGrant(String grantId) {
        real().deleteGrant(grantId);
    }

    @Override
    public List<GrantRecord> grantsNamed(String keyId, String name) {
        return real().grantsNamed(keyId, name);
    }

    @Override
    public List<GrantRecord> listRetirableGrants(String retiringPrincipal, String after, int limit) {
        return real().listRetirableGrants(retiringPrincipal, after, limit);
    }

    @Override
    public long countGrants(String keyId) {
        return real().countGrants(keyId);
    }

    @Override
    public AuditTable audit() {
        return real().audit();
    }
}
