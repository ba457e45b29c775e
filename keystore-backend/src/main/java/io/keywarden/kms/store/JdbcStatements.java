package io.keywarden.kms.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Parameterised statements on one transaction's connection, shared by {@link JdbcTransaction} and
 * {@link JdbcAuditTable}: parameters bound by type, and an {@link SQLException} turned into the
 * store's error by its dialect's {@link SqlDialectFailures}, naming the operation.
 */
final class JdbcStatements {

    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final Connection c;
    private final String store;
    private final SqlDialectFailures failures;

    JdbcStatements(Connection c, String store, SqlDialectFailures failures) {
        this.c = c;
        this.store = store;
        this.failures = failures;
    }

    <T> List<T> query(String operation, String sql, RowReader<T> reader, Object... args) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(reader.read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failures.of(store, operation, e);
        }
    }

    void update(String operation, String sql, Object... args) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failures.of(store, operation, e);
        }
    }

    static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (a instanceof String s) {
                ps.setString(i + 1, s);
            } else if (a instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (a instanceof Long n) {
                ps.setLong(i + 1, n);
            } else if (a instanceof byte[] b) {
                ps.setBytes(i + 1, b);
            } else {
                throw new IllegalArgumentException("unsupported parameter type " + a.getClass().getName());
            }
        }
    }
}
