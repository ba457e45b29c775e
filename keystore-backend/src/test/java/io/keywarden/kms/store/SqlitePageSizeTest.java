package io.keywarden.kms.store;

import static io.keywarden.kms.store.Fixtures.key;
import static io.keywarden.kms.store.Fixtures.material;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new store's database has 16 KiB pages in WAL mode; a store made with 4 KiB pages keeps them and works. */
class SqlitePageSizeTest {

    @TempDir
    Path tmp;

    @Test
    void aNewStoreHas16KiBPagesInWalMode() throws Exception {
        Path db;
        try (SqliteKmsStore store = SqliteKmsStore.open(tmp.resolve("store"), Fixtures.keyFile(tmp))) {
            db = store.databaseFile();
        }
        assertThat(pragma(db, "page_size")).isEqualTo("16384").isEqualTo(
                Integer.toString(SqliteKmsStore.NEW_DATABASE_PAGE_SIZE));
        assertThat(pragma(db, "journal_mode")).isEqualTo("wal");
    }

    @Test
    void aStoreMadeWith4KiBPagesOpensKeepsThemAndWorks() throws Exception {
        Path dir = tmp.resolve("store");
        Path db;
        try (SqliteKmsStore store = SqliteKmsStore.open(dir, Fixtures.keyFile(tmp))) {
            store.write(tx -> {
                tx.putKey(key("k1"));
                tx.putMaterial(material("k1", 1));
                return null;
            });
            db = store.databaseFile();
        }
        // what a store created before the 16 KiB default looks like
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = DELETE");
            s.execute("PRAGMA page_size = 4096");
            s.execute("VACUUM");
            s.execute("PRAGMA journal_mode = WAL");
        }
        assertThat(pragma(db, "page_size")).isEqualTo("4096");

        try (SqliteKmsStore store = SqliteKmsStore.open(dir, Fixtures.keyFile(tmp))) {
            Optional<KeyRecord> k1 = store.read(tx -> tx.findKey("k1"));
            assertThat(k1).contains(key("k1"));
            store.write(tx -> {
                tx.putKey(key("k2"));
                return null;
            });
            Optional<KeyRecord> k2 = store.read(tx -> tx.findKey("k2"));
            assertThat(k2).contains(key("k2"));
            store.checkIntegrity();
        }
        assertThat(pragma(db, "page_size")).isEqualTo("4096");
        assertThat(pragma(db, "journal_mode")).isEqualTo("wal");
    }

    private static String pragma(Path db, String name) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
