package io.keywarden.kms.store;

import io.keywarden.kms.api.AlgorithmSpec;
import io.keywarden.kms.api.RotationType;
import io.keywarden.kms.api.errors.KMSInternalException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One transaction of a {@link SqliteKmsStore} or a {@link PostgresKmsStore} on one connection: the
 * SQL is common to both (the dialect differs only in how failures are classified). Every row read is checked against
 * its MAC and every sealed secret opened with its row's identity as AAD; a failure is a
 * {@link StoreCorruptedException}. Valid only while the store's {@code read}/{@code write} runs.
 */
final class JdbcTransaction implements StoreTransaction {

    private static final String KEYS = "keys";
    private static final String MATERIALS = "materials";
    private static final String ALIASES = "aliases";
    private static final String TOKENS = "import_tokens";
    private static final String CERTIFICATES = "certificate_entries";

    private static final String KEY_COLUMNS = "key_id, account, key_state, due_at, record, mac";
    private static final String MATERIAL_COLUMNS =
            "key_id, version, key_material_id, created_at, rotation_type, sealed_secret, public_key, mac";
    private static final String ALIAS_COLUMNS = "alias_name, target_key_id, created_at, updated_at, mac";
    private static final String TOKEN_COLUMNS =
            "token_id, key_id, wrapping_algorithm, sealed_private_key, valid_to, mac";
    private static final String CERTIFICATE_COLUMNS = "entry_name, key_id, chain, created_at, mac";

    private final Connection c;
    private final boolean writable;
    private final StoreKeys keys;
    private final String store;
    private final SqlDialectFailures failures;
    private final JdbcStatements statements;
    private boolean ended;

    JdbcTransaction(Connection c, boolean writable, StoreKeys keys, String store, SqlDialectFailures failures) {
        this.c = c;
        this.writable = writable;
        this.keys = keys;
        this.store = store;
        this.failures = failures;
        this.statements = new JdbcStatements(c, store, failures);
    }

    void end() {
        ended = true;
    }

    Connection connection() {
        return c;
    }

    // ---- keys

    @Override
    public Optional<KeyRecord> findKey(String keyId) {
        return one("find key", "SELECT " + KEY_COLUMNS + " FROM keys WHERE key_id = ?", this::key, keyId);
    }

    @Override
    public void putKey(KeyRecord key) {
        requireWritable();
        String json = KeyRecordJson.write(key);
        Long due = dueMillis(key.nextDueAt());
        byte[] mac = keys.rowMac.compute(KEYS, key.keyId(), key.awsAccountId(), key.keyState().name(), due, json);
        update("put key", "INSERT INTO keys (" + KEY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT(key_id) DO UPDATE SET account = excluded.account, key_state = excluded.key_state,"
                        + " due_at = excluded.due_at, record = excluded.record, mac = excluded.mac",
                key.keyId(), key.awsAccountId(), key.keyState().name(), due, json, mac);
    }

    @Override
    public void deleteKey(String keyId) {
        requireWritable();
        update("delete import tokens", "DELETE FROM import_tokens WHERE key_id = ?", keyId);
        update("delete certificate entries", "DELETE FROM certificate_entries WHERE key_id = ?", keyId);
        update("delete grants", "DELETE FROM grants WHERE key_id = ?", keyId);
        update("delete aliases", "DELETE FROM aliases WHERE target_key_id = ?", keyId);
        update("delete materials", "DELETE FROM materials WHERE key_id = ?", keyId);
        update("delete key", "DELETE FROM keys WHERE key_id = ?", keyId);
    }

    @Override
    public List<KeyRecord> listKeys(String after, int limit) {
        return many("list keys", "SELECT " + KEY_COLUMNS + " FROM keys WHERE (CAST(? AS TEXT) IS NULL OR key_id > ?)"
                + " ORDER BY key_id LIMIT ?", this::key, after, after, Math.max(0, limit));
    }

    @Override
    public long countKeys(String awsAccountId) {
        requireOpen();
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM keys WHERE account IS NOT DISTINCT FROM ?")) {
            JdbcStatements.bind(ps, awsAccountId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw failures.of(store, "count keys", e);
        }
    }

    @Override
    public List<String> dueKeyIds(Instant now, int limit) {
        requireOpen();
        List<String> out = new ArrayList<>();
        if (limit <= 0) {
            return out;
        }
        // due_at is the due instant rounded down to milliseconds: a superset, refined exactly below
        try (PreparedStatement ps = c.prepareStatement("SELECT " + KEY_COLUMNS + " FROM keys"
                + " WHERE due_at IS NOT NULL AND due_at <= ? ORDER BY due_at, key_id")) {
            JdbcStatements.bind(ps, dueMillis(now));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && out.size() < limit) {
                    KeyRecord k = key(rs);
                    Instant due = k.nextDueAt();
                    if (due != null && !due.isAfter(now)) {
                        out.add(k.keyId());
                    }
                }
            }
        } catch (SQLException e) {
            throw failures.of(store, "find due keys", e);
        }
        return out;
    }

    private KeyRecord key(ResultSet rs) throws SQLException {
        String keyId = rs.getString(1);
        String account = rs.getString(2);
        String state = rs.getString(3);
        Long due = nullableLong(rs, 4);
        String json = rs.getString(5);
        if (!keys.rowMac.verify(rs.getBytes(6), KEYS, keyId, account, state, due, json)) {
            throw corrupted("the MAC of key row " + keyId + " does not verify");
        }
        try {
            KeyRecord k = KeyRecordJson.read(json);
            if (!k.keyId().equals(keyId)) {
                throw corrupted("key row " + keyId + " holds the record of another key");
            }
            return k;
        } catch (IOException | RuntimeException e) {
            if (e instanceof StoreCorruptedException sce) {
                throw sce;
            }
            throw corrupted("key row " + keyId + " cannot be decoded (" + e.getClass().getSimpleName() + ")");
        }
    }

    // ---- materials

    @Override
    public void putMaterial(MaterialRecord m) {
        requireWritable();
        byte[] sealed = keys.sealer.seal(m.secret(), Sealer.aad(MATERIALS, m.keyId(), m.version()));
        String created = text(m.createdAt());
        String rotation = m.rotationType() == null ? null : m.rotationType().name();
        byte[] mac = keys.rowMac.compute(MATERIALS, m.keyId(), m.version(), m.keyMaterialId(), created, rotation,
                sealed, m.publicKey());
        // write transactions are serialized, so nothing can insert the version between check and insert
        boolean exists = !many("find key material", "SELECT version FROM materials WHERE key_id = ? AND version = ?",
                rs -> rs.getInt(1), m.keyId(), m.version()).isEmpty();
        if (exists) {
            throw new KMSInternalException("store " + store + ": key material " + m.keyId() + " v" + m.version()
                    + " already exists; a material version is written once");
        }
        update("put key material " + m.keyId() + " v" + m.version(),
                "INSERT INTO materials (" + MATERIAL_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                m.keyId(), m.version(), m.keyMaterialId(), created, rotation, sealed, m.publicKey(), mac);
    }

    @Override
    public Optional<MaterialRecord> findMaterial(String keyId, int version) {
        return one("find key material", "SELECT " + MATERIAL_COLUMNS + " FROM materials WHERE key_id = ? AND version = ?",
                this::material, keyId, version);
    }

    @Override
    public List<MaterialRecord> listMaterials(String keyId) {
        return many("list key materials", "SELECT " + MATERIAL_COLUMNS + " FROM materials WHERE key_id = ?"
                + " ORDER BY version", this::material, keyId);
    }

    @Override
    public void deleteMaterials(String keyId) {
        requireWritable();
        update("delete key materials", "DELETE FROM materials WHERE key_id = ?", keyId);
    }

    private MaterialRecord material(ResultSet rs) throws SQLException {
        String keyId = rs.getString(1);
        int version = rs.getInt(2);
        String materialId = rs.getString(3);
        String created = rs.getString(4);
        String rotation = rs.getString(5);
        byte[] sealed = rs.getBytes(6);
        byte[] publicKey = rs.getBytes(7);
        String row = "key material " + keyId + " v" + version;
        if (!keys.rowMac.verify(rs.getBytes(8), MATERIALS, keyId, version, materialId, created, rotation, sealed,
                publicKey)) {
            throw corrupted("the MAC of " + row + " does not verify");
        }
        byte[] secret = open(sealed, Sealer.aad(MATERIALS, keyId, version), row);
        try {
            return new MaterialRecord(keyId, version, materialId, instant(created, row),
                    rotation == null ? null : RotationType.valueOf(rotation), secret, publicKey);
        } catch (IllegalArgumentException e) {
            Arrays.fill(secret, (byte) 0);
            throw corrupted(row + " cannot be decoded");
        }
    }

    // ---- aliases

    @Override
    public Optional<AliasRecord> findAlias(String aliasName) {
        return one("find alias", "SELECT " + ALIAS_COLUMNS + " FROM aliases WHERE alias_name = ?", this::alias,
                aliasName);
    }

    @Override
    public void putAlias(AliasRecord a) {
        requireWritable();
        String created = text(a.creationDate());
        String updated = text(a.lastUpdatedDate());
        byte[] mac = keys.rowMac.compute(ALIASES, a.aliasName(), a.targetKeyId(), created, updated);
        update("put alias", "INSERT INTO aliases (" + ALIAS_COLUMNS + ") VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT(alias_name) DO UPDATE SET target_key_id = excluded.target_key_id,"
                        + " created_at = excluded.created_at, updated_at = excluded.updated_at, mac = excluded.mac",
                a.aliasName(), a.targetKeyId(), created, updated, mac);
    }

    @Override
    public void deleteAlias(String aliasName) {
        requireWritable();
        update("delete alias", "DELETE FROM aliases WHERE alias_name = ?", aliasName);
    }

    @Override
    public List<AliasRecord> listAliases(String after, int limit) {
        return many("list aliases", "SELECT " + ALIAS_COLUMNS + " FROM aliases WHERE (CAST(? AS TEXT) IS NULL OR alias_name > ?)"
                + " ORDER BY alias_name LIMIT ?", this::alias, after, after, Math.max(0, limit));
    }

    @Override
    public List<AliasRecord> aliasesOf(String keyId) {
        return many("list aliases of key", "SELECT " + ALIAS_COLUMNS + " FROM aliases WHERE target_key_id = ?"
                + " ORDER BY alias_name", this::alias, keyId);
    }

    private AliasRecord alias(ResultSet rs) throws SQLException {
        String name = rs.getString(1);
        String target = rs.getString(2);
        String created = rs.getString(3);
        String updated = rs.getString(4);
        if (!keys.rowMac.verify(rs.getBytes(5), ALIASES, name, target, created, updated)) {
            throw corrupted("the MAC of alias row " + name + " does not verify");
        }
        String row = "alias " + name;
        return new AliasRecord(name, target, instant(created, row), instant(updated, row));
    }

    // ---- import tokens

    @Override
    public void putImportToken(ImportTokenRecord t) {
        requireWritable();
        byte[] sealed = t.wrappingPrivateKey() == null ? null
                : keys.sealer.seal(t.wrappingPrivateKey(), Sealer.aad(TOKENS, t.tokenId(), t.keyId()));
        String algorithm = t.wrappingAlgorithm() == null ? null : t.wrappingAlgorithm().name();
        String validTo = text(t.validTo());
        byte[] mac = keys.rowMac.compute(TOKENS, t.tokenId(), t.keyId(), algorithm, sealed, validTo);
        update("put import token", "INSERT INTO import_tokens (" + TOKEN_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT(token_id) DO UPDATE SET key_id = excluded.key_id,"
                        + " wrapping_algorithm = excluded.wrapping_algorithm,"
                        + " sealed_private_key = excluded.sealed_private_key, valid_to = excluded.valid_to,"
                        + " mac = excluded.mac",
                t.tokenId(), t.keyId(), algorithm, sealed, validTo, mac);
    }

    @Override
    public Optional<ImportTokenRecord> findImportToken(String tokenId) {
        return one("find import token", "SELECT " + TOKEN_COLUMNS + " FROM import_tokens WHERE token_id = ?",
                this::token, tokenId);
    }

    @Override
    public void deleteImportTokens(String keyId) {
        requireWritable();
        update("delete import tokens", "DELETE FROM import_tokens WHERE key_id = ?", keyId);
    }

    private ImportTokenRecord token(ResultSet rs) throws SQLException {
        String tokenId = rs.getString(1);
        String keyId = rs.getString(2);
        String algorithm = rs.getString(3);
        byte[] sealed = rs.getBytes(4);
        String validTo = rs.getString(5);
        String row = "import token " + tokenId;
        if (!keys.rowMac.verify(rs.getBytes(6), TOKENS, tokenId, keyId, algorithm, sealed, validTo)) {
            throw corrupted("the MAC of " + row + " does not verify");
        }
        byte[] privateKey = sealed == null ? null : open(sealed, Sealer.aad(TOKENS, tokenId, keyId), row);
        try {
            return new ImportTokenRecord(tokenId, keyId, algorithm == null ? null : AlgorithmSpec.valueOf(algorithm),
                    privateKey, instant(validTo, row));
        } catch (IllegalArgumentException e) {
            if (privateKey != null) {
                Arrays.fill(privateKey, (byte) 0);
            }
            throw corrupted(row + " cannot be decoded");
        }
    }

    // ---- identity policies

    private static final String IDENTITY = "identity_policies";

    @Override
    public Optional<String> findIdentityPolicy(String principalArn) {
        return one("find identity policy", "SELECT principal_arn, account, policy, updated_at, mac"
                + " FROM identity_policies WHERE principal_arn = ?", this::identityPolicy, principalArn);
    }

    @Override
    public void putIdentityPolicy(String principalArn, String account, String policy, Instant updatedAt) {
        requireWritable();
        String updated = text(updatedAt);
        byte[] mac = keys.rowMac.compute(IDENTITY, principalArn, account, policy, updated);
        update("put identity policy", "INSERT INTO identity_policies (principal_arn, account, policy, updated_at, mac)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT(principal_arn) DO UPDATE SET account = excluded.account,"
                        + " policy = excluded.policy, updated_at = excluded.updated_at, mac = excluded.mac",
                principalArn, account, policy, updated, mac);
    }

    @Override
    public void deleteIdentityPolicy(String principalArn) {
        requireWritable();
        update("delete identity policy", "DELETE FROM identity_policies WHERE principal_arn = ?", principalArn);
    }

    private String identityPolicy(ResultSet rs) throws SQLException {
        String arn = rs.getString(1);
        String account = rs.getString(2);
        String policy = rs.getString(3);
        String updated = rs.getString(4);
        if (!keys.rowMac.verify(rs.getBytes(5), IDENTITY, arn, account, policy, updated)) {
            throw corrupted("the MAC of the identity policy row of " + arn + " does not verify");
        }
        return policy;
    }

    // ---- certificate entries

    @Override
    public Optional<CertificateEntryRecord> findCertificateEntry(String entryName) {
        return one("find certificate entry", "SELECT " + CERTIFICATE_COLUMNS
                + " FROM certificate_entries WHERE entry_name = ?", this::certificateEntry, entryName);
    }

    @Override
    public void putCertificateEntry(CertificateEntryRecord e) {
        requireWritable();
        byte[] chain = CertificateChains.encode(e.certificateChain());
        String created = text(e.creationDate());
        byte[] mac = keys.rowMac.compute(CERTIFICATES, e.entryName(), e.keyId(), chain, created);
        update("put certificate entry", "INSERT INTO certificate_entries (" + CERTIFICATE_COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?) ON CONFLICT(entry_name) DO UPDATE SET key_id = excluded.key_id,"
                        + " chain = excluded.chain, created_at = excluded.created_at, mac = excluded.mac",
                e.entryName(), e.keyId(), chain, created, mac);
    }

    @Override
    public void deleteCertificateEntry(String entryName) {
        requireWritable();
        update("delete certificate entry", "DELETE FROM certificate_entries WHERE entry_name = ?", entryName);
    }

    @Override
    public List<CertificateEntryRecord> listCertificateEntries(String after, int limit) {
        return many("list certificate entries", "SELECT " + CERTIFICATE_COLUMNS + " FROM certificate_entries"
                        + " WHERE (CAST(? AS TEXT) IS NULL OR entry_name > ?) ORDER BY entry_name LIMIT ?", this::certificateEntry,
                after, after, Math.max(0, limit));
    }

    private CertificateEntryRecord certificateEntry(ResultSet rs) throws SQLException {
        String name = rs.getString(1);
        String keyId = rs.getString(2);
        byte[] chain = rs.getBytes(3);
        String created = rs.getString(4);
        String row = "certificate entry " + name;
        if (!keys.rowMac.verify(rs.getBytes(5), CERTIFICATES, name, keyId, chain, created)) {
            throw corrupted("the MAC of " + row + " does not verify");
        }
        try {
            return new CertificateEntryRecord(name, keyId, CertificateChains.decode(chain), instant(created, row));
        } catch (IllegalArgumentException e) {
            throw corrupted(row + " cannot be decoded");
        }
    }

    // ---- grants

    private static final String GRANTS = "grants";
    private static final String GRANT_COLUMNS = "grant_id, key_id, name, grantee_principal, retiring_principal,"
            + " issuing_account, operations, constraints, token_hashes, created_at, mac";

    @Override
    public Optional<GrantRecord> findGrant(String grantId) {
        return one("find grant", "SELECT " + GRANT_COLUMNS + " FROM grants WHERE grant_id = ?", this::grant, grantId);
    }

    @Override
    public void putGrant(GrantRecord g) {
        requireWritable();
        String operations = GrantColumns.operations(g.operations());
        String constraints = GrantColumns.constraints(g.constraints());
        String hashes = GrantColumns.tokenHashes(g.tokenHashes());
        String created = text(g.createdAt());
        byte[] mac = keys.rowMac.compute(GRANTS, g.grantId(), g.keyId(), g.name(), g.granteePrincipal(),
                g.retiringPrincipal(), g.issuingAccount(), operations, constraints, hashes, created);
        update("put grant", "INSERT INTO grants (" + GRANT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT(grant_id) DO UPDATE SET key_id = excluded.key_id, name = excluded.name,"
                        + " grantee_principal = excluded.grantee_principal,"
                        + " retiring_principal = excluded.retiring_principal,"
                        + " issuing_account = excluded.issuing_account, operations = excluded.operations,"
                        + " constraints = excluded.constraints, token_hashes = excluded.token_hashes,"
                        + " created_at = excluded.created_at, mac = excluded.mac",
                g.grantId(), g.keyId(), g.name(), g.granteePrincipal(), g.retiringPrincipal(), g.issuingAccount(),
                operations, constraints, hashes, created, mac);
    }

    @Override
    public void deleteGrant(String grantId) {
        requireWritable();
        update("delete grant", "DELETE FROM grants WHERE grant_id = ?", grantId);
    }

    @Override
    public List<GrantRecord> listGrants(String keyId, String grantId, String granteePrincipal, String after,
            int limit) {
        return many("list grants", "SELECT " + GRANT_COLUMNS + " FROM grants WHERE key_id = ?"
                        + " AND (CAST(? AS TEXT) IS NULL OR grant_id = ?) AND (CAST(? AS TEXT) IS NULL OR grantee_principal = ?)"
                        + " AND (CAST(? AS TEXT) IS NULL OR grant_id > ?) ORDER BY grant_id LIMIT ?", this::grant,
                keyId, grantId, grantId, granteePrincipal, granteePrincipal, after, after, Math.max(0, limit));
    }

    @Override
    public List<GrantRecord> grantsNamed(String keyId, String name) {
        return many("find grants by name", "SELECT " + GRANT_COLUMNS + " FROM grants WHERE key_id = ? AND name = ?"
                + " ORDER BY grant_id", this::grant, keyId, name);
    }

    @Override
    public List<GrantRecord> listRetirableGrants(String retiringPrincipal, String after, int limit) {
        return many("list retirable grants", "SELECT " + GRANT_COLUMNS + " FROM grants WHERE retiring_principal = ?"
                        + " AND (CAST(? AS TEXT) IS NULL OR grant_id > ?) ORDER BY grant_id LIMIT ?", this::grant,
                retiringPrincipal, after, after, Math.max(0, limit));
    }

    @Override
    public long countGrants(String keyId) {
        requireOpen();
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM grants WHERE key_id = ?")) {
            JdbcStatements.bind(ps, keyId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw failures.of(store, "count grants", e);
        }
    }

    private GrantRecord grant(ResultSet rs) throws SQLException {
        String grantId = rs.getString(1);
        String keyId = rs.getString(2);
        String name = rs.getString(3);
        String grantee = rs.getString(4);
        String retiring = rs.getString(5);
        String issuing = rs.getString(6);
        String operations = rs.getString(7);
        String constraints = rs.getString(8);
        String hashes = rs.getString(9);
        String created = rs.getString(10);
        String row = "grant " + grantId;
        if (!keys.rowMac.verify(rs.getBytes(11), GRANTS, grantId, keyId, name, grantee, retiring, issuing,
                operations, constraints, hashes, created)) {
            throw corrupted("the MAC of " + row + " does not verify");
        }
        try {
            return new GrantRecord(grantId, keyId, name, grantee, retiring, issuing,
                    GrantColumns.operations(operations), GrantColumns.constraints(constraints),
                    GrantColumns.tokenHashes(hashes), instant(created, row));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw corrupted(row + " cannot be decoded");
        }
    }

    // ---- audit trail

    @Override
    public AuditTable audit() {
        requireOpen();
        return new JdbcAuditTable(c, writable, keys, store, failures);
    }

    // ---- whole-store verification

    /** Reads and verifies every row of every table, zeroing the secrets it opens. */
    void verifyAllRows() {
        many("verify keys", "SELECT " + KEY_COLUMNS + " FROM keys", this::key);
        for (MaterialRecord m : many("verify key materials", "SELECT " + MATERIAL_COLUMNS + " FROM materials",
                this::material)) {
            Arrays.fill(m.secret(), (byte) 0);
        }
        many("verify aliases", "SELECT " + ALIAS_COLUMNS + " FROM aliases", this::alias);
        many("verify identity policies", "SELECT principal_arn, account, policy, updated_at, mac FROM identity_policies",
                this::identityPolicy);
        many("verify certificate entries", "SELECT " + CERTIFICATE_COLUMNS + " FROM certificate_entries",
                this::certificateEntry);
        many("verify grants", "SELECT " + GRANT_COLUMNS + " FROM grants", this::grant);
        new JdbcAuditTable(c, false, keys, store, failures).verifyRows();
        for (ImportTokenRecord t : many("verify import tokens", "SELECT " + TOKEN_COLUMNS + " FROM import_tokens",
                this::token)) {
            if (t.wrappingPrivateKey() != null) {
                Arrays.fill(t.wrappingPrivateKey(), (byte) 0);
            }
        }
    }

    // ---- helpers

    private <T> Optional<T> one(String operation, String sql, JdbcStatements.RowReader<T> reader, Object... args) {
        List<T> rows = many(operation, sql, reader, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private <T> List<T> many(String operation, String sql, JdbcStatements.RowReader<T> reader, Object... args) {
        requireOpen();
        return statements.query(operation, sql, reader, args);
    }

    private void update(String operation, String sql, Object... args) {
        statements.update(operation, sql, args);
    }

    private byte[] open(byte[] sealed, byte[] aad, String row) {
        try {
            return keys.sealer.open(sealed, aad);
        } catch (GeneralSecurityException e) {
            throw corrupted("the sealed secret of " + row + " does not open");
        }
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /** An instant as epoch milliseconds rounded down, saturated at the range of long. */
    static Long dueMillis(Instant t) {
        if (t == null) {
            return null;
        }
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1000L), t.getNano() / 1_000_000);
        } catch (ArithmeticException e) {
            return t.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    private Instant instant(String s, String row) {
        try {
            return s == null ? null : Instant.parse(s);
        } catch (RuntimeException e) {
            throw corrupted(row + " holds a malformed timestamp");
        }
    }

    private StoreCorruptedException corrupted(String problem) {
        return new StoreCorruptedException(store, problem);
    }

    private void requireOpen() {
        if (ended) {
            throw new IllegalStateException("this store transaction has ended; use it only inside read/write");
        }
    }

    private void requireWritable() {
        requireOpen();
        if (!writable) {
            throw new IllegalStateException("this is a read transaction: change the store only inside KmsStore.write");
        }
    }
}
