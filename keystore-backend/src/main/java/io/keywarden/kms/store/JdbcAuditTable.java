package io.keywarden.kms.store;

import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The {@link AuditTable} of one {@link JdbcTransaction}. */
final class JdbcAuditTable implements AuditTable {

    static final String SIGNING_KEYS = "audit_signing_keys";

    private final Connection c;
    private final boolean writable;
    private final StoreKeys keys;
    private final String store;
    private final SqlDialectFailures failures;
    private final JdbcStatements statements;

    JdbcAuditTable(Connection c, boolean writable, StoreKeys keys, String store, SqlDialectFailures failures) {
        this.failures = failures;
        this.c = c;
        this.writable = writable;
        this.keys = keys;
        this.store = store;
        this.statements = new JdbcStatements(c, store, failures);
    }

    @Override
    public Optional<EventRow> head() {
        List<EventRow> rows = query("read audit head",
                "SELECT seq, event, prev_hash, hash FROM audit_events ORDER BY seq DESC LIMIT 1", this::event);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    @Override
    public void append(EventRow row) {
        requireWritable();
        update("append audit event", "INSERT INTO audit_events (seq, event, prev_hash, hash) VALUES (?, ?, ?, ?)",
                row.seq(), row.event(), row.prevHash(), row.hash());
    }

    @Override
    public void appendAll(List<EventRow> rows) {
        requireWritable();
        if (rows.isEmpty()) {
            return;
        }
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<EventRow> part = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            try (PreparedStatement ps = c.prepareStatement(multiRowInsert(part.size()))) {
                int i = 1;
                for (EventRow row : part) {
                    ps.setLong(i++, row.seq());
                    ps.setString(i++, row.event());
                    ps.setBytes(i++, row.prevHash());
                    ps.setBytes(i++, row.hash());
                }
                ps.executeUpdate();
            } catch (SQLException e) {
                throw SqlFailures.of(store, "append audit events", e);
            }
        }
    }

    /** Rows per INSERT statement of {@link #appendAll} (4 parameters each, far below SQLite's limit). */
    static final int ROWS_PER_INSERT = 128;

    private static String multiRowInsert(int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO audit_events (seq, event, prev_hash, hash) VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "(?, ?, ?, ?)" : ", (?, ?, ?, ?)");
        }
        return sql.toString();
    }

    @Override
    public List<EventRow> events(long afterSeq, int limit) {
        return query("list audit events", "SELECT seq, event, prev_hash, hash FROM audit_events WHERE seq > ?"
                + " ORDER BY seq LIMIT ?", this::event, afterSeq, Math.max(0, limit));
    }

    @Override
    public void putDigest(DigestRow row) {
        requireWritable();
        update("put audit digest", "INSERT INTO audit_digests (seq, digest, signature) VALUES (?, ?, ?)",
                row.seq(), row.digest(), row.signature());
    }

    @Override
    public List<DigestRow> digests() {
        return query("list audit digests", "SELECT seq, digest, signature FROM audit_digests ORDER BY seq",
                this::digest);
    }

    @Override
    public Optional<DigestRow> lastDigest() {
        List<DigestRow> rows = query("read last audit digest",
                "SELECT seq, digest, signature FROM audit_digests ORDER BY seq DESC LIMIT 1", this::digest);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    @Override
    public Optional<SigningKey> signingKey() {
        return signingKey(true);
    }

    @Override
    public Optional<SigningKey> publicSigningKey() {
        return signingKey(false);
    }

    private Optional<SigningKey> signingKey(boolean withPrivate) {
        List<SigningKey> rows = query("read audit signing key", "SELECT key_id, public_key, sealed_private_key,"
                + " created_at, mac FROM " + SIGNING_KEYS + " ORDER BY created_at LIMIT 1", rs -> {
                    String id = rs.getString(1);
                    byte[] pub = rs.getBytes(2);
                    byte[] sealed = rs.getBytes(3);
                    String created = rs.getString(4);
                    if (!keys.rowMac.verify(rs.getBytes(5), SIGNING_KEYS, id, pub, sealed, created)) {
                        throw new StoreCorruptedException(store, "the MAC of the audit signing key row does not verify");
                    }
                    byte[] priv = null;
                    if (withPrivate) {
                        try {
                            priv = keys.sealer.open(sealed, Sealer.aad(SIGNING_KEYS, id, pub));
                        } catch (GeneralSecurityException e) {
                            throw new StoreCorruptedException(store, "the sealed audit signing key does not open");
                        }
                    }
                    return new SigningKey(id, pub, priv);
                });
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    @Override
    public void putSigningKey(SigningKey key, java.time.Instant createdAt) {
        requireWritable();
        byte[] sealed = keys.sealer.seal(key.privateKey(), Sealer.aad(SIGNING_KEYS, key.keyId(), key.publicKey()));
        String created = createdAt.toString();
        byte[] mac = keys.rowMac.compute(SIGNING_KEYS, key.keyId(), key.publicKey(), sealed, created);
        update("put audit signing key", "INSERT INTO " + SIGNING_KEYS
                + " (key_id, public_key, sealed_private_key, created_at, mac) VALUES (?, ?, ?, ?, ?)",
                key.keyId(), key.publicKey(), sealed, created, mac);
    }

    /** Reads the signing key row, checking its MAC and its seal (for the store's integrity check). */
    void verifyRows() {
        signingKey(true).ifPresent(k -> java.util.Arrays.fill(k.privateKey(), (byte) 0));
    }

    private EventRow event(ResultSet rs) throws SQLException {
        return new EventRow(rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getBytes(4));
    }

    private DigestRow digest(ResultSet rs) throws SQLException {
        return new DigestRow(rs.getLong(1), rs.getString(2), rs.getBytes(3));
    }

    private <T> List<T> query(String operation, String sql, JdbcStatements.RowReader<T> reader, Object... args) {
        return statements.query(operation, sql, reader, args);
    }

    private void update(String operation, String sql, Object... args) {
        statements.update(operation, sql, args);
    }

    private void requireWritable() {
        if (!writable) {
            throw new IllegalStateException("this is a read transaction: append audit events only inside KmsStore.write");
        }
    }
}
