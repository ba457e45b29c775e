package io.keywarden.kms.store;

import io.keywarden.kms.api.errors.KMSInternalException;
import java.sql.SQLException;

/**
 * How a store turns a failure of its database into a typed KMS error whose message names the store
 * and the operation, never data (the SQLite and the PostgreSQL store each have their own).
 */
@FunctionalInterface
interface SqlDialectFailures {

    KMSInternalException of(String store, String operation, SQLException e);
}
