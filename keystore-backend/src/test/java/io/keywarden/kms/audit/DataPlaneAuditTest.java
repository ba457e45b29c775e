package io.keywarden.kms.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.CreateKeyRequest;
import io.keywarden.kms.api.EncryptRequest;
import io.keywarden.kms.api.errors.KMSInternalException;
import io.keywarden.kms.engine.EngineSettings;
import io.keywarden.kms.engine.KmsEngine;
import io.keywarden.kms.store.RootKeySource;
import io.keywarden.kms.store.SqliteKmsStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data-plane calls (Encrypt, GenerateDataKey, …) return before their event is durable; the writer
 * commits it with its next group commit, in call order, and a store that refuses events makes the
 * following calls fail instead of losing more events.
 */
class DataPlaneAuditTest {

    static final String ACCOUNT = "111122223333";
    static final EngineSettings SETTINGS =
            new EngineSettings("arn:aws:iam::" + ACCOUNT + ":root", ACCOUNT, "us-east-1", 100_000, 50);

    @TempDir
    Path dir;

    private SqliteKmsStore openStore() {
        return SqliteKmsStore.open(dir.resolve("store"), RootKeySource.keyFile(dir.resolve("store").resolve("root.key")));
    }

    private List<String> eventNames(SqliteKmsStore s) {
        List<String> out = new ArrayList<>();
        AuditTrail.list(s, new AuditTrail.Filter(null, null, null, null, null, false),
                e -> out.add(CanonicalJson.read(e).path("eventName").asText()));
        return out;
    }

    private static EncryptRequest encrypt(String keyId, int i) {
        return EncryptRequest.builder().keyId(keyId).plaintext(("m" + i).getBytes(StandardCharsets.UTF_8)).build();
    }

    @Test
    void everyDataPlaneCallIsRecordedInOrderOnceFlushed() {
        SqliteKmsStore store = openStore();
        try (KmsEngine kms = new KmsEngine(store, Clock.systemUTC(), SETTINGS)) {
            String keyId = kms.createKey(CreateKeyRequest.builder().build()).keyMetadata().keyId();
            for (int i = 0; i < 300; i++) {
                kms.encrypt(encrypt(keyId, i));
            }
            kms.flushAudit();
            List<String> names = eventNames(store);
            assertThat(names).hasSize(301);
            assertThat(names.get(0)).isEqualTo("CreateKey");
            assertThat(names.subList(1, 301)).containsOnly("Encrypt");
            assertThat(AuditTrail.verify(store, null)).noneMatch(AuditFinding::isTampering);
        }
    }

    @Test
    void aStoreThatRefusesEventsFailsTheFollowingCalls() throws Exception {
        SqliteKmsStore store = openStore();
        try (KmsEngine kms = new KmsEngine(store, Clock.systemUTC(), SETTINGS)) {
            String keyId = kms.createKey(CreateKeyRequest.builder().build()).keyMetadata().keyId();
            exec(store, "CREATE TRIGGER no_audit BEFORE INSERT ON audit_events BEGIN SELECT RAISE(ABORT, 'x'); END");
            kms.encrypt(encrypt(keyId, 0)); // returns before its event is written
            kms.flushAudit(); // the writer found out that it cannot record
            assertThatThrownBy(() -> kms.encrypt(encrypt(keyId, 1)))
                    .isInstanceOf(KMSInternalException.class).hasMessageContaining("audit event");
            exec(store, "DROP TRIGGER no_audit");
            kms.encrypt(encrypt(keyId, 2)); // recorded durably again: the writer is healthy once it wrote
            kms.encrypt(encrypt(keyId, 3));
            kms.flushAudit();
            assertThat(eventNames(store)).containsExactly("CreateKey", "Encrypt", "Encrypt");
            assertThat(AuditTrail.verify(store, null)).noneMatch(AuditFinding::isTampering);
        }
    }

    @Test
    void aNormalExitWithoutCloseStillWritesTheQueuedEvents() throws Exception {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process child = new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), ExitWithoutCloseMain.class.getName(),
                dir.resolve("store").toString(), "20000").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isZero();
        try (SqliteKmsStore store = openStore()) {
            List<String> names = eventNames(store);
            assertThat(names).hasSize(20_001);
            assertThat(AuditTrail.verify(store, null)).noneMatch(AuditFinding::isTampering);
        }
    }

    private static void exec(SqliteKmsStore store, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.databaseFile());
                Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
