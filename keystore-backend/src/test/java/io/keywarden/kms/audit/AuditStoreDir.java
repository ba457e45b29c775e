package io.keywarden.kms.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.keywarden.kms.store.RootKeySource;
import io.keywarden.kms.store.SqliteKmsStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQLite store directory of an audit test: opening the store, changing its raw rows as an
 * attacker would, and listing and verifying its trail as {@code keywarden audit} does.
 */
record AuditStoreDir(Path dir) {

    SqliteKmsStore open() {
        return SqliteKmsStore.open(dir, RootKeySource.keyFile(dir.resolve("root.key")));
    }

    /** A plain JDBC connection to the store's database, past the store's own checks. */
    Connection db() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("keywarden.db"));
    }

    /** Runs {@code sql}, which must change exactly one row. */
    void tamper(String sql) throws SQLException {
        try (Connection c = db(); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate(sql)).isEqualTo(1);
        }
    }

    /** Every listed event's JSON, in order (no filter). */
    List<String> listed() {
        List<String> out = new ArrayList<>();
        try (SqliteKmsStore s = open()) {
            AuditTrail.list(s, new AuditTrail.Filter(null, null, null, null, null, false), out::add);
        }
        return out;
    }

    /** The verifier's findings with the store's own digest key. */
    List<AuditFinding> verify() {
        try (SqliteKmsStore s = open()) {
            return AuditTrail.verify(s, null);
        }
    }
}
