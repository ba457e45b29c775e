package io.keywarden.kms.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.kms.api.CreateKeyRequest;
import io.keywarden.kms.api.EncryptRequest;
import io.keywarden.kms.api.GenerateDataKeyRequest;
import io.keywarden.kms.engine.EngineSettings;
import io.keywarden.kms.engine.KmsEngine;
import io.keywarden.kms.store.SqliteKmsStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compact events (docs/audit.md, "Compact events"): data-plane successes are stored as a canonical
 * JSON array and listed as the event they stand for; a changed or malformed compact row is named by
 * the verifier and never breaks listing. The documented vector is checked here.
 */
class CompactEventsTest {

    static final String ACCOUNT = "111122223333";
    static final String ROOT = "arn:aws:iam::" + ACCOUNT + ":root";
    static final EngineSettings SETTINGS = new EngineSettings(ROOT, ACCOUNT, "us-east-1", 100_000, 50);

    /** The vector of docs/audit.md: a compact row, the event it stands for, and its hash after genesis. */
    static final String VECTOR_COMPACT = "[\"kwc1\",\"us-east-1\",\"111122223333\",\"GenerateDataKey\","
            + "\"2026-11-27T22:00:00Z\",\"6f1c2f0e-1b2a-4c3d-9e8f-0a1b2c3d4e5f\",\"0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b\","
            + "\"arn:aws:iam::111122223333:user/alice\",\"111122223333\",\"127.0.0.1\",\"keywarden-embedded\",null,"
            + "{\"encryptionContext\":{\"purpose\":\"vector\"},\"keyId\":\"alias/app\",\"numberOfBytes\":32},"
            + "{\"keyId\":\"arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\"}]";
    static final String VECTOR_EVENT = "{\"awsRegion\":\"us-east-1\",\"eventCategory\":\"Management\","
            + "\"eventID\":\"6f1c2f0e-1b2a-4c3d-9e8f-0a1b2c3d4e5f\",\"eventName\":\"GenerateDataKey\","
            + "\"eventSource\":\"kms.amazonaws.com\",\"eventTime\":\"2026-11-27T22:00:00Z\",\"eventType\":\"AwsApiCall\","
            + "\"eventVersion\":\"1.08\",\"managementEvent\":true,\"readOnly\":true,\"recipientAccountId\":\"111122223333\","
            + "\"requestID\":\"0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b\",\"requestParameters\":{\"encryptionContext\":"
            + "{\"purpose\":\"vector\"},\"keyId\":\"alias/app\",\"numberOfBytes\":32},\"resources\":[{\"ARN\":"
            + "\"arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\",\"accountId\":"
            + "\"111122223333\",\"type\":\"AWS::KMS::Key\"}],\"responseElements\":{\"keyId\":"
            + "\"arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\"},"
            + "\"sourceIPAddress\":\"127.0.0.1\",\"userAgent\":\"keywarden-embedded\",\"userIdentity\":{\"accountId\":"
            + "\"111122223333\",\"arn\":\"arn:aws:iam::111122223333:user/alice\",\"principalId\":"
            + "\"AID5778C30D3FE8C123C\","
            + "\"type\":\"IAMUser\"}}";
    static final String VECTOR_HASH = "ed81907db8cca0094fb75e169acace83b7fead9b27dcc63fd2430912868c8b14";

    @TempDir
    Path dir;

    @Test
    void theDocumentedVectorRendersAndHashes() {
        assertThat(AuditEventBuilder.storedJson(VECTOR_COMPACT)).isEqualTo(VECTOR_EVENT);
        assertThat(UserIdentities.principalId("arn:aws:iam::111122223333:user/alice", ACCOUNT, false))
                .isEqualTo("AID5778C30D3FE8C123C");
        assertThat(HexFormat.of().formatHex(AuditChain.hash(AuditChain.GENESIS, VECTOR_COMPACT))).isEqualTo(VECTOR_HASH);
    }

    @Test
    void anEventObjectIsItsOwnJsonAndMalformedCompactRowsAreNone() {
        assertThat(AuditEventBuilder.storedJson("{\"a\":1}")).isEqualTo("{\"a\":1}");
        assertThat(AuditEventBuilder.storedJson(null)).isNull();
        String tail = VECTOR_COMPACT.substring("[\"kwc1\"".length());
        for (String bad : List.of("[\"kwc2\"" + tail, "[\"kwc1\",1]", "[", "[1,2]",
                VECTOR_COMPACT.replace("\"2026-11-27T22:00:00Z\"", "\"yesterday\""),
                VECTOR_COMPACT.replace("\"GenerateDataKey\"", "null"),
                VECTOR_COMPACT.replace("arn:aws:iam::111122223333:user/alice", "mallory"),
                VECTOR_COMPACT.replace("\"keywarden-embedded\"", "7"),
                VECTOR_COMPACT.replace("{\"encryptionContext\"", "[{\"encryptionContext\"").replace("32},{", "32}],{"),
                VECTOR_COMPACT.replaceFirst("\\{\"keyId\":\"arn[^}]*}]$", "{}]"))) {
            assertThat(AuditEventBuilder.storedJson(bad)).as(bad).isNull();
        }
    }

    private SqliteKmsStore openStore() {
        return new AuditStoreDir(dir.resolve("store")).open();
    }

    /** A key, an Encrypt and two GenerateDataKey calls (rows 2–4 compact), the trail sealed on close. */
    private String populate() {
        try (KmsEngine kms = new KmsEngine(openStore(), Clock.systemUTC(), SETTINGS)) {
            String keyId = kms.createKey(CreateKeyRequest.builder().build()).keyMetadata().keyId();
            kms.encrypt(EncryptRequest.builder().keyId(keyId).plaintext("p".getBytes(StandardCharsets.UTF_8))
                    .encryptionContext(Map.of("tenant", "q\"uote \u2028")).build());
            for (int i = 0; i < 2; i++) {
                kms.generateDataKey(GenerateDataKeyRequest.builder().keyId(keyId).numberOfBytes(32).build());
            }
            return keyId;
        }
    }

    private Connection db() throws SQLException {
        return new AuditStoreDir(dir.resolve("store")).db();
    }

    private List<String> storedRows() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT event FROM audit_events ORDER BY seq")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private void tamper(String sql) throws SQLException {
        new AuditStoreDir(dir.resolve("store")).tamper(sql);
    }

    private List<JsonNode> listed() {
        return new AuditStoreDir(dir.resolve("store")).listed().stream().map(CanonicalJson::read).toList();
    }

    private List<AuditFinding> verify() {
        return new AuditStoreDir(dir.resolve("store")).verify();
    }

    @Test
    void dataPlaneSuccessesAreStoredCompactAndListedAsTheirEvents() throws Exception {
        String keyId = populate();
        List<String> rows = storedRows();
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).startsWith("{\"awsRegion\"");
        assertThat(rows.subList(1, 4)).allSatisfy(r -> assertThat(r).startsWith("[\"kwc1\",\"us-east-1\","));
        List<JsonNode> events = listed();
        assertThat(events).extracting(e -> e.path("eventName").asText())
                .containsExactly("CreateKey", "Encrypt", "GenerateDataKey", "GenerateDataKey");
        JsonNode encrypt = events.get(1);
        assertThat(encrypt.path("requestParameters").path("encryptionContext").path("tenant").asText())
                .isEqualTo("q\"uote \u2028");
        assertThat(encrypt.path("resources").get(0).path("ARN").asText()).endsWith(":key/" + keyId);
        assertThat(encrypt.path("userIdentity").path("type").asText()).isEqualTo("Root");
        assertThat(rows.get(2).length()).isLessThan(AuditEventBuilder.storedJson(rows.get(2)).length() * 2 / 3);
        assertThat(verify()).filteredOn(AuditFinding::isTampering).isEmpty();
        try (SqliteKmsStore s = openStore()) { // the filters see the rendered event
            List<String> gdk = new ArrayList<>();
            AuditTrail.list(s, new AuditTrail.Filter(keyId, ROOT, "GenerateDataKey", null, null, false), gdk::add);
            assertThat(gdk).hasSize(2);
        }
    }

    @Test
    void aChangedCompactRowIsNamed() throws Exception {
        populate();
        tamper("UPDATE audit_events SET event = replace(event, '\"GenerateDataKey\"', '\"Decrypt\"') WHERE seq = 3");
        List<AuditFinding> f = verify();
        assertThat(f).filteredOn(AuditFinding::isTampering).hasSize(1)
                .allSatisfy(x -> assertThat(x.kind()).isEqualTo(AuditFinding.Kind.CHANGED))
                .allSatisfy(x -> assertThat(x.seq()).isEqualTo(3));
        assertThat(listed()).extracting(e -> e.path("eventName").asText()).contains("Decrypt"); // shown, and named above
    }

    @Test
    void aMalformedCompactRowIsSkippedByListingAndNamedByTheVerifier() throws Exception {
        populate();
        tamper("UPDATE audit_events SET event = '[\"kwc1\",1]' WHERE seq = 3");
        assertThat(listed()).hasSize(3);
        assertThat(verify()).filteredOn(AuditFinding::isTampering)
                .anySatisfy(x -> assertThat(x.kind()).isEqualTo(AuditFinding.Kind.CHANGED));
    }
}
