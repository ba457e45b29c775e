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
 * The PostgreSQL schema of a store (version {@value #VERSION}): the tables and columns of the SQLite
 * schema (docs/store.md) in PostgreSQL's types: {@code TEXT COLLATE "C"} (so ordering and paging
 * compare code points, as SQLite does), {@code BYTEA} for blobs, {@code BIGINT} for epoch
 * milliseconds and sequence numbers. Every statement is idempotent; they run under the store's
 * write lock, so two nodes starting at once create it once.
 */
final class PostgresSchema {

    static final int VERSION = 1;

    private static final String TEXT = "TEXT COLLATE \"C\"";

    /** The statements that bring a store of version {@code n - 1} to version {@code n}, by n (none yet). */
    static final Map<Integer, List<String>> MIGRATIONS = Map.of();

    static final List<String> DDL = List.of(
            "CREATE TABLE IF NOT EXISTS meta (name " + TEXT + " PRIMARY KEY, value TEXT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS keys ("
                    + " key_id " + TEXT + " PRIMARY KEY,"
                    + " account " + TEXT + ","
                    + " key_state TEXT NOT NULL,"
                    + " due_at BIGINT,"
                    + " record TEXT NOT NULL,"
                    + " mac BYTEA NOT NULL)",
            "CREATE INDEX IF NOT EXISTS keys_due_at ON keys(due_at) WHERE due_at IS NOT NULL",
            "CREATE INDEX IF NOT EXISTS keys_account ON keys(account)",
            "CREATE TABLE IF NOT EXISTS materials ("
                    + " key_id " + TEXT + " NOT NULL REFERENCES keys(key_id) ON DELETE CASCADE,"
                    + " version INTEGER NOT NULL,"
                    + " key_material_id TEXT NOT NULL,"
                    + " created_at TEXT,"
                    + " rotation_type TEXT,"
                    + " sealed_secret BYTEA NOT NULL,"
                    + " public_key BYTEA,"
                    + " mac BYTEA NOT NULL,"
                    + " PRIMARY KEY (key_id, version))",
            "CREATE TABLE IF NOT EXISTS aliases ("
                    + " alias_name " + TEXT + " PRIMARY KEY,"
                    + " target_key_id " + TEXT + " NOT NULL REFERENCES keys(key_id) ON DELETE CASCADE,"
                    + " created_at TEXT,"
                    + " updated_at TEXT,"
                    + " mac BYTEA NOT NULL)",
            "CREATE INDEX IF NOT EXISTS aliases_target ON aliases(target_key_id)",
            "CREATE TABLE IF NOT EXISTS import_tokens ("
                    + " token_id " + TEXT + " PRIMARY KEY,"
                    + " key_id " + TEXT + " NOT NULL REFERENCES keys(key_id) ON DELETE CASCADE,"
                    + " wrapping_algorithm TEXT,"
                    + " sealed_private_key BYTEA,"
                    + " valid_to TEXT,"
                    + " mac BYTEA NOT NULL)",
            "CREATE INDEX IF NOT EXISTS import_tokens_key ON import_tokens(key_id)",
            "CREATE TABLE IF NOT EXISTS certificate_entries ("
                    + " entry_name " + TEXT + " PRIMARY KEY,"
                    + " key_id " + TEXT + " REFERENCES keys(key_id) ON DELETE CASCADE,"
                    + " chain BYTEA NOT NULL,"
                    + " created_at TEXT,"
                    + " mac BYTEA NOT NULL)",
            "CREATE INDEX IF NOT EXISTS certificate_entries_key ON certificate_entries(key_id) WHERE key_id IS NOT NULL",
            "CREATE TABLE IF NOT EXISTS identity_policies ("
                    + " principal_arn " + TEXT + " PRIMARY KEY,"
                    + " account " + TEXT + " NOT NULL,"
                    + " policy TEXT NOT NULL,"
                    + " updated_at TEXT,"
                    + " mac BYTEA NOT NULL)",
            "CREATE TABLE IF NOT EXISTS grants ("
                    + " grant_id " + TEXT + " PRIMARY KEY,"
                    + " key_id " + TEXT + " NOT NULL REFERENCES keys(key_id) ON DELETE CASCADE,"
                    + " name " + TEXT + ","
                    + " grantee_principal " + TEXT + " NOT NULL,"
                    + " retiring_principal " + TEXT + ","
                    + " issuing_account " + TEXT + " NOT NULL,"
                    + " operations TEXT NOT NULL,"
                    + " constraints TEXT,"
                    + " token_hashes TEXT NOT NULL,"
                    + " created_at TEXT NOT NULL,"
                    + " mac BYTEA NOT NULL)",
            "CREATE INDEX IF NOT EXISTS grants_key_grantee ON grants(key_id, grantee_principal)",
            "CREATE INDEX IF NOT EXISTS grants_retiring ON grants(retiring_principal) WHERE retiring_principal IS NOT NULL",
            "CREATE TABLE IF NOT EXISTS audit_events ("
                    + " seq BIGINT PRIMARY KEY,"
                    + " event TEXT NOT NULL,"
                    + " prev_hash BYTEA NOT NULL,"
                    + " hash BYTEA NOT NULL)",
            "CREATE TABLE IF NOT EXISTS audit_digests ("
                    + " seq BIGINT PRIMARY KEY,"
                    + " digest TEXT NOT NULL,"
                    + " signature BYTEA NOT NULL)",
            "CREATE TABLE IF NOT EXISTS audit_signing_keys ("
                    + " key_id " + TEXT + " PRIMARY KEY,"
                    + " public_key BYTEA NOT NULL,"
                    + " sealed_private_key BYTEA NOT NULL,"
                    + " created_at " + TEXT + " NOT NULL,"
                    + " mac BYTEA NOT NULL)");

    private PostgresSchema() {
    }

    /** Creates whatever of the schema is missing (inside the caller's transaction). */
    static void createMissing(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String ddl : DDL) {
                s.execute(ddl);
            }
        }
    }

    /** Runs the statements that take the schema from {@code from} to {@link #VERSION}. */
    static void migrate(Connection c, int from) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (int v = from + 1; v <= VERSION; v++) {
                for (String ddl : MIGRATIONS.getOrDefault(v, List.of())) {
                    s.execute(ddl);
                }
            }
        }
    }

    /** The meta table, ordered by name. */
    static Map<String, String> readMeta(Connection c) throws SQLException {
        Map<String, String> meta = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name, value FROM meta")) {
            while (rs.next()) {
                meta.put(rs.getString(1), rs.getString(2));
            }
        }
        return meta;
    }

    static void writeMeta(Connection c, Map<String, String> entries) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setString(2, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
