package io.keywarden.kms.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.kms.api.Caller;
import io.keywarden.kms.api.DecryptRequest;
import io.keywarden.kms.api.DescribeKeyRequest;
import io.keywarden.kms.api.EncryptRequest;
import io.keywarden.kms.api.EncryptResponse;
import io.keywarden.kms.api.CreateKeyRequest;
import io.keywarden.kms.api.GenerateDataKeyRequest;
import io.keywarden.kms.api.GenerateDataKeyResponse;
import io.keywarden.kms.api.errors.AccessDeniedException;
import io.keywarden.kms.api.errors.NotFoundException;
import io.keywarden.kms.engine.EngineSettings;
import io.keywarden.kms.engine.KmsEngine;
import io.keywarden.kms.store.SqliteKmsStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit trail: what is recorded, that no secret is, and that the verifier names each kind of tampering. */
class AuditTrailTest {

    static final String ACCOUNT = "111122223333";
    static final EngineSettings SETTINGS =
            new EngineSettings("arn:aws:iam::" + ACCOUNT + ":root", ACCOUNT, "us-east-1", 100_000, 50);

    @TempDir
    Path dir;

    private SqliteKmsStore openStore() {
        return new AuditStoreDir(dir.resolve("store")).open();
    }

    private List<JsonNode> events() {
        return new AuditStoreDir(dir.resolve("store")).listed().stream().map(CanonicalJson::read).toList();
    }

    /** Ten events (successes, a refusal and a failure), the trail sealed on close. */
    private String populate() {
        try (KmsEngine kms = new KmsEngine(openStore(), Clock.systemUTC(), SETTINGS)) {
            String keyId = kms.createKey(CreateKeyRequest.builder().build()).keyMetadata().keyId();
            for (int i = 0; i < 6; i++) {
                kms.describeKey(DescribeKeyRequest.builder().keyId(keyId).build());
            }
            try {
                kms.describeKey(DescribeKeyRequest.builder().keyId("alias/missing").build());
            } catch (NotFoundException expected) {
                // recorded
            }
            try {
                kms.forCaller(Caller.of("arn:aws:iam::" + ACCOUNT + ":user/mallory"))
                        .describeKey(DescribeKeyRequest.builder().keyId(keyId).build());
            } catch (AccessDeniedException expected) {
                // recorded
            }
            kms.describeKey(DescribeKeyRequest.builder().keyId(keyId).build());
            return keyId;
        }
    }

    @Test
    void recordsSuccessesRefusalsAndFailuresInCloudTrailShape() {
        String keyId = populate();
        List<JsonNode> events = events();
        assertThat(events).hasSize(10);
        JsonNode create = events.get(0);
        assertThat(create.path("eventName").asText()).isEqualTo("CreateKey");
        assertThat(create.path("eventSource").asText()).isEqualTo("kms.amazonaws.com");
        assertThat(create.path("eventVersion").asText()).isEqualTo("1.08");
        assertThat(create.path("readOnly").asBoolean()).isFalse();
        assertThat(create.path("userIdentity").path("type").asText()).isEqualTo("Root");
        assertThat(create.path("userIdentity").path("accountId").asText()).isEqualTo(ACCOUNT);
        assertThat(create.path("responseElements").path("keyMetadata").path("keyId").asText()).isEqualTo(keyId);
        assertThat(create.path("resources").get(0).path("type").asText()).isEqualTo("AWS::KMS::Key");
        assertThat(create.path("resources").get(0).path("ARN").asText()).endsWith(":key/" + keyId);
        for (String f : List.of("eventTime", "awsRegion", "sourceIPAddress", "userAgent", "requestID", "eventID")) {
            assertThat(create.path(f).asText()).as(f).isNotEmpty();
        }
        JsonNode notFound = events.get(7);
        assertThat(notFound.path("errorCode").asText()).isEqualTo("NotFoundException");
        JsonNode denied = events.get(8);
        assertThat(denied.path("errorCode").asText()).isEqualTo("AccessDeniedException");
        assertThat(denied.path("errorMessage").asText()).contains("is not authorized to perform: kms:DescribeKey");
        assertThat(denied.path("userIdentity").path("arn").asText()).endsWith(":user/mallory");
        assertThat(denied.path("userIdentity").path("type").asText()).isEqualTo("IAMUser");
        assertThat(events.get(1).path("readOnly").asBoolean()).isTrue();
        try (SqliteKmsStore s = openStore()) {
            assertThat(AuditTrail.verify(s, null)).isEmpty();
            List<String> errors = new ArrayList<>();
            AuditTrail.list(s, new AuditTrail.Filter(null, "arn:aws:iam::" + ACCOUNT + ":user/mallory", null, null,
                    null, true), errors::add);
            assertThat(errors).hasSize(1);
            assertThat(AuditTrail.publicKeyPem(s)).get().asString().startsWith("-----BEGIN PUBLIC KEY-----");
        }
    }

    @Test
    void noPlaintextCiphertextOrDataKeyInAnyEvent() throws Exception {
        byte[] plaintext = "attack at dawn: the secret plaintext 0123456789".getBytes(StandardCharsets.UTF_8);
        List<byte[]> secrets = new ArrayList<>();
        secrets.add(plaintext);
        try (KmsEngine kms = new KmsEngine(openStore(), Clock.systemUTC(), SETTINGS)) {
            String keyId = kms.createKey(CreateKeyRequest.builder().build()).keyMetadata().keyId();
            EncryptResponse enc = kms.encrypt(EncryptRequest.builder().keyId(keyId).plaintext(plaintext)
                    .encryptionContext(Map.of("purpose", "audit-test")).build());
            secrets.add(enc.ciphertextBlob());
            kms.decrypt(DecryptRequest.builder().ciphertextBlob(enc.ciphertextBlob())
                    .encryptionContext(Map.of("purpose", "audit-test")).build());
            GenerateDataKeyResponse dk = kms.generateDataKey(GenerateDataKeyRequest.builder().keyId(keyId)
                    .numberOfBytes(32).build());
            secrets.add(dk.plaintext());
            secrets.add(dk.ciphertextBlob());
        }
        List<JsonNode> events = events();
        assertThat(events).extracting(e -> e.path("eventName").asText())
                .containsExactly("CreateKey", "Encrypt", "Decrypt", "GenerateDataKey");
        assertThat(events.get(1).path("requestParameters").path("encryptionContext").path("purpose").asText())
                .isEqualTo("audit-test");
        StringBuilder stored = new StringBuilder(); // the rows as stored too: data-plane rows are compact
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("store").resolve("keywarden.db"));
                Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT event FROM audit_events")) {
            while (rs.next()) {
                stored.append(rs.getString(1)).append('\n');
            }
        }
        assertThat(stored.toString()).contains("[\"kwc1\",");
        String all = events + "\n" + stored;
        for (byte[] secret : secrets) {
            for (String form : List.of(Base64.getEncoder().encodeToString(secret), HexFormat.of().formatHex(secret),
                    new String(secret, StandardCharsets.ISO_8859_1))) {
                assertThat(all).doesNotContain(form.substring(0, Math.min(form.length(), 24)));
            }
        }
    }

    // ---- tampering

    private List<AuditFinding> tamperAndVerify(String... sql) throws Exception {
        populate();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("store").resolve("keywarden.db"));
                Statement s = c.createStatement()) {
            for (String q : sql) {
                s.executeUpdate(q);
            }
        }
        try (SqliteKmsStore s = openStore()) {
            return AuditTrail.verify(s, null);
        }
    }

    private static boolean has(List<AuditFinding> f, AuditFinding.Kind kind, long seq) {
        return f.stream().anyMatch(x -> x.kind() == kind && x.seq() <= seq && seq <= x.lastSeq());
    }

    @Test
    void intactTrailVerifies() throws Exception {
        assertThat(tamperAndVerify()).isEmpty();
    }

    @Test
    void changedEventIsNamed() throws Exception {
        List<AuditFinding> f = tamperAndVerify(
                "UPDATE audit_events SET event = replace(event, 'DescribeKey', 'DisableKey') WHERE seq = 4");
        assertThat(has(f, AuditFinding.Kind.CHANGED, 4)).as(f.toString()).isTrue();
        assertThat(f).filteredOn(AuditFinding::isTampering).hasSize(1);
    }

    @Test
    void removedEventIsNamed() throws Exception {
        List<AuditFinding> f = tamperAndVerify("DELETE FROM audit_events WHERE seq = 5");
        assertThat(has(f, AuditFinding.Kind.REMOVED, 5)).as(f.toString()).isTrue();
    }

    @Test
    void swappedEventsAreNamed() throws Exception {
        List<AuditFinding> f = tamperAndVerify("UPDATE audit_events SET seq = -1 WHERE seq = 3",
                "UPDATE audit_events SET seq = 3 WHERE seq = 6", "UPDATE audit_events SET seq = 6 WHERE seq = -1");
        assertThat(has(f, AuditFinding.Kind.REORDERED, 3)).as(f.toString()).isTrue();
        assertThat(has(f, AuditFinding.Kind.REORDERED, 6)).as(f.toString()).isTrue();
        assertThat(f).filteredOn(AuditFinding::isTampering).hasSize(2);
    }

    @Test
    void insertedEventIsNamed() throws Exception {
        populate();
        Path db = dir.resolve("store").resolve("keywarden.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE audit_events SET seq = seq + 1000 WHERE seq >= 5");
            s.executeUpdate("UPDATE audit_events SET seq = seq - 999 WHERE seq >= 1005");
            byte[] prev;
            try (ResultSet rs = s.executeQuery("SELECT hash FROM audit_events WHERE seq = 4")) {
                rs.next();
                prev = rs.getBytes(1);
            }
            String forged = "{\"eventName\":\"Decrypt\",\"forged\":true}";
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(prev);
            byte[] hash = d.digest(forged.getBytes(StandardCharsets.UTF_8));
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO audit_events (seq, event, prev_hash, hash) VALUES (5, ?, ?, ?)")) {
                ps.setString(1, forged);
                ps.setBytes(2, prev);
                ps.setBytes(3, hash);
                ps.executeUpdate();
            }
        }
        try (SqliteKmsStore s = openStore()) {
            List<AuditFinding> f = AuditTrail.verify(s, null);
            assertThat(has(f, AuditFinding.Kind.INSERTED, 5)).as(f.toString()).isTrue();
        }
    }

    @Test
    void truncatedTailAfterTheLastDigestIsNamed() throws Exception {
        List<AuditFinding> f = tamperAndVerify("DELETE FROM audit_events WHERE seq > 7");
        assertThat(has(f, AuditFinding.Kind.REMOVED, 8)).as(f.toString()).isTrue();
        assertThat(has(f, AuditFinding.Kind.REMOVED, 10)).as(f.toString()).isTrue();
    }

    @Test
    void forgedDigestIsNamed() throws Exception {
        List<AuditFinding> f = tamperAndVerify("UPDATE audit_digests SET digest = replace(digest, '\"seq\"', '\"seq\" ')");
        assertThat(f).anyMatch(x -> x.kind() == AuditFinding.Kind.DIGEST_MISMATCH);
    }

    @Test
    void anEventThatCannotBeRecordedFailsTheCall() {
        SqliteKmsStore store = openStore();
        KmsEngine kms = new KmsEngine(store, Clock.systemUTC(), SETTINGS);
        String keyId = kms.createKey(CreateKeyRequest.builder().build()).keyMetadata().keyId();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.databaseFile());
                Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TRIGGER no_audit BEFORE INSERT ON audit_events BEGIN SELECT RAISE(ABORT, 'x'); END");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThatThrownBy(() -> kms.describeKey(DescribeKeyRequest.builder().keyId(keyId).build()))
                .isInstanceOf(io.keywarden.kms.api.errors.KMSInternalException.class)
                .hasMessageContaining("audit event");
        assertThatThrownBy(() -> kms.createKey(CreateKeyRequest.builder().build()))
                .isInstanceOf(io.keywarden.kms.api.errors.KMSInternalException.class);
        kms.close();
        try (SqliteKmsStore s = openStore()) {
            long keys = s.read(tx -> tx.countKeys(ACCOUNT));
            assertThat(keys).isEqualTo(1L);
        }
    }
}
