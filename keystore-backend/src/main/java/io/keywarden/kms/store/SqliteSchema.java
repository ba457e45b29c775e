package io.keywarden.kms.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SQLite schema of a store (version {@value #VERSION}) and its {@code meta} table. Every table
 * and column is described in {@code docs/store.md}. Future versions migrate from the version
 * recorded in {@code meta.schema_version}.
 */
final class SqliteSchema {

    static final int VERSION = 2;

    static final String META_SCHEMA_VERSION = StoreMeta.SCHEMA_VERSION;
    static final String META_STORE_ID = StoreMeta.STORE_ID;
    static final String META_ROOT_KIND = StoreMeta.ROOT_KIND;
    static final String META_VERIFIER = StoreMeta.VERIFIER;
    /** Prefix of the root key source's parameters, for example {@code root_param.argon2id.salt}. */
    static final String META_PARAM_PREFIX = StoreMeta.PARAM_PREFIX;

    /** Added in version 2: certificate chains of the KMS key store (a Keywarden extension). */
    static final String CERTIFICATE_ENTRIES = "CREATE TABLE certificate_entries ("
            + " entry_name TEXT PRIMARY KEY,"
            + " key_id TEXT REFERENCES keys(key_id) ON DELETE CASCADE,"
            + " chain BLOB NOT NULL,"
            + " created_at TEXT,"
            + " mac BLOB NOT NULL)";
    static final String CERTIFICATE_ENTRIES_INDEX =
            "CREATE INDEX certificate_entries_key ON certificate_entries(key_id) WHERE key_id IS NOT NULL";

    /** The statements that bring a store of version {@code n - 1} to version {@code n}, by n. */
    static final Map<Integer, List<String>> MIGRATIONS = Map.of(
            2, List.of(CERTIFICATE_ENTRIES, CERTIFICATE_ENTRIES_INDEX));

    static final List<String> DDL = List.of(
            "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
            "CREATE TABLE keys ("
                    + " key_id TEXT PRIMARY KEY,"
                    + " account TEXT,"
                    + " key_state TEXT NOT NULL,"
                    + " due_at INTEGER,"
                    + " record TEXT NOT NULL,"
                    + " mac BLOB NOT NULL)",
            "CREATE INDEX keys_due_at ON keys(due_at) WHERE due_at IS NOT NULL",
            "CREATE INDEX keys_account ON keys(account)",
            "CREATE TABLE materials ("
                    + " key_id TEXT NOT NULL REFERENCES keys(key_id) ON DELETE CASCADE,"
                    + " version INTEGER NOT NULL,"
                    + " key_material_id TEXT NOT NULL,"
                    + " created_at TEXT,"
                    + " rotation_type TEXT,"
                    + " sealed_secret BLOB NOT NULL,"
                    + " public_key BLOB,"
                    + " mac BLOB NOT NULL,"
                    + " PRIMARY KEY (key_id, version))",
            "CREATE TABLE aliases ("
                    + " alias_name TEXT PRIMARY KEY,"
                    + " target_key_id TEXT NOT NULL REFERENCES keys(key_id) ON DELETE CASCADE,"
                    + " created_at TEXT,"
                    + " updated_at TEXT,"
                    + " mac BLOB NOT NULL)",
            "CREATE INDEX aliases_target ON aliases(target_key_id)",
            "CREATE TABLE import_tokens ("
                    + " token_id TEXT PRIMARY KEY,"
                    + " key_id TEXT NOT NULL REFERENCES keys(key_id) ON DELETE CASCADE,"
                    + " wrapping_algorithm TEXT,"
                    + " sealed_private_key BLOB,"
                    + " valid_to TEXT,"
                    + " mac BLOB NOT NULL)",
            "CREATE INDEX import_tokens_key ON import_tokens(key_id)",
            CERTIFICATE_ENTRIES,
            CERTIFICATE_ENTRIES_INDEX);

    /**
     * Tables added after version 1 went out. They are additive (older Keywardens ignore them), so
     * they are created, if missing, whenever a store opens, without changing the schema version.
     */
    static final List<String> ADDITIONS = List.of(
            "CREATE TABLE IF NOT EXISTS identity_policies ("
                    + " principal_arn TEXT PRIMARY KEY,"
                    + " account TEXT NOT NULL,"
                    + " policy TEXT NOT NULL,"
                    + " updated_at TEXT,"
                    + " mac BLOB NOT NULL)",
            "CREATE TABLE IF NOT EXISTS grants ("
                    + " grant_id TEXT PRIMARY KEY,"
                    + " key_id TEXT NOT NULL REFERENCES keys(key_id) ON DELETE CASCADE,"
                    + " name TEXT,"
                    + " grantee_principal TEXT NOT NULL,"
                    + " retiring_principal TEXT,"
                    + " issuing_account TEXT NOT NULL,"
                    + " operations TEXT NOT NULL,"
                    + " constraints TEXT,"
                    + " token_hashes TEXT NOT NULL,"
                    + " created_at TEXT NOT NULL,"
                    + " mac BLOB NOT NULL)",
            "CREATE INDEX IF NOT EXISTS grants_key_grantee ON grants(key_id, grantee_principal)",
            "CREATE INDEX IF NOT EXISTS grants_retiring ON grants(retiring_principal) WHERE retiring_principal IS NOT NULL",
            // the audit trail (docs/audit.md): append-only hash chain, signed digests, signing key
            "CREATE TABLE IF NOT EXISTS audit_events ("
                    + " seq INTEGER PRIMARY KEY,"
                    + " event TEXT NOT NULL,"
                    + " prev_hash BLOB NOT NULL,"
                    + " hash BLOB NOT NULL)",
            "CREATE TABLE IF NOT EXISTS audit_digests ("
                    + " seq INTEGER PRIMARY KEY,"
                    + " digest TEXT NOT NULL,"
                    + " signature BLOB NOT NULL)",
            "CREATE TABLE IF NOT EXISTS audit_signing_keys ("
                    + " key_id TEXT PRIMARY KEY,"
                    + " public_key BLOB NOT NULL,"
                    + " sealed_private_key BLOB NOT NULL,"
                    + " created_at TEXT NOT NULL,"
                    + " mac BLOB NOT NULL)");

    /** The tables whose changes bump {@code change_stamp} (SqliteKmsStore#changeStamp). */
    static final List<String> STAMPED_TABLES = List.of("keys", "materials", "aliases", "grants", "identity_policies");

    /**
     * The change stamp: one row counting changes to {@link #STAMPED_TABLES}, bumped by triggers, so that
     * every writer — this process, another one, any version of Keywarden that opens the store — counts.
     */
    static final List<String> STAMP = stampDdl();

    private static List<String> stampDdl() {
        List<String> ddl = new java.util.ArrayList<>();
        ddl.add("CREATE TABLE IF NOT EXISTS change_stamp (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL)");
        ddl.add("INSERT OR IGNORE INTO change_stamp (id, n) VALUES (1, 0)");
        for (String table : STAMPED_TABLES) {
            for (String event : List.of("INSERT", "UPDATE", "DELETE")) {
                ddl.add("CREATE TRIGGER IF NOT EXISTS kw_stamp_" + table + "_" + event.toLowerCase(java.util.Locale.ROOT)
                        + " AFTER " + event + " ON " + table + " BEGIN UPDATE change_stamp SET n = n + 1 WHERE id = 1; END");
            }
        }
        return List.copyOf(ddl);
    }

    /** The tables of {@link #ADDITIONS}. */
    private static final List<String> ADDED_TABLES =
            List.of("identity_policies", "grants", "audit_events", "audit_digests", "audit_signing_keys");

    private SqliteSchema() {
    }

    /** True when the database holds no schema objects at all (a new, empty file). */
    static boolean isEmpty(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
            return rs.next() && rs.getLong(1) == 0;
        }
    }

    /** Runs the statements that take the schema from {@code from} to {@link #VERSION}. */
    static void migrate(Connection c, int from) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (int v = from + 1; v <= VERSION; v++) {
                for (String ddl : MIGRATIONS.get(v)) {
                    s.execute(ddl);
                }
            }
        }
    }

    static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String ddl : DDL) {
                s.execute(ddl);
            }
            for (String ddl : ADDITIONS) {
                s.execute(ddl);
            }
            for (String ddl : STAMP) {
                s.execute(ddl);
            }
        }
    }

    /** Whether a store lacks any of the {@link #ADDITIONS} or the change stamp and its triggers. */
    static boolean lacksAdditions(Connection c) throws SQLException {
        String names = String.join(", ", ADDED_TABLES.stream().map(n -> "'" + n + "'").toList());
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                        + " AND name IN (" + names + ")")) {
            if (rs.next() && rs.getLong(1) < ADDED_TABLES.size()) {
                return true;
            }
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
                        + " AND name LIKE 'kw_stamp_%') + (SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                        + " AND name = 'change_stamp')")) {
            return rs.next() && rs.getLong(1) < STAMPED_TABLES.size() * 3 + 1;
        }
    }

    /** Creates the missing {@link #ADDITIONS} and change stamp (each statement is idempotent). */
    static void addMissing(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String ddl : ADDITIONS) {
                s.execute(ddl);
            }
            for (String ddl : STAMP) {
                s.execute(ddl);
            }
        }
    }

    /** The meta table, ordered by name; empty when it does not exist. */
    static Map<String, String> readMeta(Connection c) throws SQLException {
        Map<String, String> meta = new TreeMap<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet t = s.executeQuery("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'")) {
                if (!t.next()) {
                    return meta;
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT name, value FROM meta")) {
                while (rs.next()) {
                    meta.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return meta;
    }

    static void writeMeta(Connection c, Map<String, String> entries) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value")) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setString(2, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** See {@link StoreMeta#verifiedMeta}. */
    static Object[] verifiedMeta(Map<String, String> meta) {
        return StoreMeta.verifiedMeta(meta);
    }
}
