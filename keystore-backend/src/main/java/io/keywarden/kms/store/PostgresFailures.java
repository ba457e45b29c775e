package io.keywarden.kms.store;

import io.keywarden.kms.api.errors.KMSInternalException;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns PostgreSQL failures into typed KMS errors whose messages name the store and the operation
 * and carry PostgreSQL's primary message only (which names tables, columns and constraints); the
 * server's detail line, which can quote values, is never included (the driver runs with
 * {@code logServerErrorDetail=false} as well).
 */
final class PostgresFailures {

    private PostgresFailures() {
    }

    static KMSInternalException of(String store, String operation, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String detail = primaryMessage(e);
        if (state.equals("XX001") || state.equals("XX002")) { // data_corrupted, index_corrupted
            return new StoreCorruptedException(store, operation + ": " + detail, e);
        }
        if (state.startsWith("08")) { // connection exceptions
            return new KMSInternalException("store " + store + " is unreachable: " + operation + ": " + detail, e);
        }
        if (state.equals("55P03") || state.equals("40001") || state.equals("40P01") || state.equals("57014")) {
            return new KMSInternalException("store " + store + " is busy: " + operation
                    + " waited too long for another node or connection: " + detail, e);
        }
        return new KMSInternalException("store " + store + ": " + operation + " failed: " + detail, e);
    }

    private static String primaryMessage(SQLException e) {
        if (e instanceof PSQLException p) {
            ServerErrorMessage m = p.getServerErrorMessage();
            if (m != null && m.getMessage() != null) {
                return m.getMessage() + " (SQLSTATE " + m.getSQLState() + ")";
            }
        }
        return e.getMessage();
    }
}
