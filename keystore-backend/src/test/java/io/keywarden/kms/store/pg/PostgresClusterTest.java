package io.keywarden.kms.store.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The throwaway cluster the benchmarks use: durable settings, reachable through {@link PostgresCluster#attach}, removed by stop. */
class PostgresClusterTest {

    @Test
    void aDurableClusterFsyncsAndIsReachableFromAnAttachedHandle() throws SQLException {
        PostgresCluster cluster = PostgresCluster.startThrowaway(PostgresCluster.Durability.DURABLE);
        PostgresCluster.Database db;
        try {
            PostgresCluster attached = PostgresCluster.attach(cluster.maintenanceDatabase());
            db = attached.newDatabase();
            assertThat(db.toString()).doesNotContain(db.password());
            try (Connection c = PostgresCluster.connect(db); Statement s = c.createStatement()) {
                assertThat(setting(s, "fsync")).isEqualTo("on");
                assertThat(setting(s, "full_page_writes")).isEqualTo("on");
                assertThat(setting(s, "synchronous_commit")).isEqualTo("on");
            }
            attached.stop(); // leaves a cluster it did not start alone
            try (Connection c = PostgresCluster.connect(db)) {
                assertThat(c.isValid(5)).isTrue();
            }
        } finally {
            cluster.stop();
        }
        assertThatThrownBy(() -> PostgresCluster.connect(db).close()).isInstanceOf(SQLException.class);
    }

    private static String setting(Statement s, String name) throws SQLException {
        try (ResultSet r = s.executeQuery("SHOW " + name)) {
            r.next();
            return r.getString(1);
        }
    }
}
