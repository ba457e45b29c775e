package io.keywarden.kms.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.keywarden.kms.api.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The cheaper parts of an event give what the expensive ones gave. */
class AuditEventBuilderTest {

    private static final String ACCOUNT = "111122223333";

    private final AuditEventBuilder builder = new AuditEventBuilder("DescribeKey", null,
            Caller.of("arn:aws:iam::" + ACCOUNT + ":root"), "us-east-1", ACCOUNT, Instant.EPOCH);

    @Test
    void arnAccountIsTheFifthFieldAsSplitGivesIt() {
        for (String arn : List.of("arn:aws:kms:us-east-1:444455556666:key/k", "arn:aws:kms:us-east-1::key/k",
                "arn:aws:kms:us-east-1:", "arn:aws:kms:us-east-1::", "arn:aws:kms:us-east-1:::", "arn:aws:kms",
                "arn:", "arn:aws:kms:us-east-1:x", "arn:aws:kms:us-east-1::x", "arn:aws:kms:us-east-1:::x",
                "arn:aws:kms:us-east-1:acct:", "arn::::", "arn:::::", "arn:a:b:c:d:e:f")) {
            String[] parts = arn.split(":");
            String expected = parts.length > 4 ? parts[4] : ACCOUNT;
            assertThat(builder.arnAccount(arn)).as(arn).isEqualTo(expected);
        }
    }

    @Test
    void userIdentityIsMadeOncePerCallerAndStaysRight() throws Exception {
        for (int i = 0; i < UserIdentities.LIMIT + 1000; i++) { // past the cache's limit, and back to cached callers
            String arn = "arn:aws:iam::" + ACCOUNT + ":user/u" + (i % (UserIdentities.LIMIT + 500));
            byte[] h = MessageDigest.getInstance("SHA-256").digest(arn.getBytes(StandardCharsets.UTF_8));
            String expected = "AID" + HexFormat.of().formatHex(h).substring(0, 17).toUpperCase(Locale.ROOT);
            Map<String, Object> u = UserIdentities.of(Caller.of(arn));
            assertThat(u).containsExactly(entry("accountId", ACCOUNT), entry("arn", arn),
                    entry("principalId", expected), entry("type", "IAMUser"));
            assertThat(UserIdentities.json(Caller.of(arn)).rawValue()).isEqualTo(CanonicalJson.writeWithJackson(u));
        }
        assertThat(UserIdentities.of(Caller.of("arn:aws:iam::" + ACCOUNT + ":root")))
                .containsEntry("principalId", ACCOUNT).containsEntry("type", "Root");
        assertThat(UserIdentities.of(Caller.of("arn:aws:iam::" + ACCOUNT + ":role/r").via("ec2.amazonaws.com")))
                .containsEntry("type", "Role").containsEntry("invokedBy", "ec2.amazonaws.com");
        assertThat(UserIdentities.of(Caller.of("arn:aws:iam::" + ACCOUNT + ":role/r")))
                .containsEntry("type", "Role").doesNotContainKey("invokedBy");
        assertThat(UserIdentities.of(Caller.of("arn:aws:sts::" + ACCOUNT + ":assumed-role/r/s")))
                .containsEntry("type", "AssumedRole");
    }

    /** The resources of a DescribeKey event on {@code keyId}, as the stored text has them. */
    private static Object resources(String keyId, String keyAccount) throws Exception {
        AuditEventBuilder b = new AuditEventBuilder("DescribeKey",
                io.keywarden.kms.api.DescribeKeyRequest.builder().keyId(keyId).build(),
                Caller.of("arn:aws:iam::" + ACCOUNT + ":root"), "us-east-1", keyAccount, Instant.EPOCH);
        String text = b.success(null);
        assertThat(text).isEqualTo(CanonicalJson.writeWithJackson(b.successEvent(null)));
        return CanonicalJson.MAPPER.readValue(text, Map.class).get("resources");
    }

    @Test
    void resourceEntriesAreMadeOncePerKeyAndStayRight() throws Exception {
        for (int i = 0; i < AuditEventBuilder.RESOURCES_LIMIT + 1000; i++) { // past the cache's limit and back
            String id = "k" + (i % (AuditEventBuilder.RESOURCES_LIMIT + 500));
            String arn = "arn:aws:kms:us-east-1:" + ACCOUNT + ":key/" + id;
            List<Map<String, String>> expected = List.of(Map.of("ARN", arn, "accountId", ACCOUNT, "type", "AWS::KMS::Key"));
            assertThat(resources(i % 2 == 0 ? id : arn, ACCOUNT)).isEqualTo(expected);
        }
        // an ARN without an account field is given the engine's own: the entry is not shared between engines
        assertThat(resources("arn:aws:kms", "444455556666")).isEqualTo(
                List.of(Map.of("ARN", "arn:aws:kms", "accountId", "444455556666", "type", "AWS::KMS::Key")));
        assertThat(resources("arn:aws:kms", ACCOUNT)).isEqualTo(
                List.of(Map.of("ARN", "arn:aws:kms", "accountId", ACCOUNT, "type", "AWS::KMS::Key")));
        assertThat(resources("alias/a", ACCOUNT)).isEqualTo(List.of());
    }

    @Test
    void eventTimeIsTheInstantTruncatedToSeconds() {
        for (Instant t : List.of(Instant.parse("2024-05-01T12:00:00.999Z"), Instant.parse("2024-05-01T12:00:00Z"),
                Instant.parse("2024-05-01T12:00:01.5Z"), Instant.parse("1969-12-31T23:59:59.5Z"), Instant.EPOCH,
                Instant.parse("2024-05-01T12:00:01.7Z"))) {
            assertThat(AuditEventBuilder.eventTime(t)).isEqualTo(t.truncatedTo(ChronoUnit.SECONDS).toString());
        }
    }

    @Test
    void eventIdsAreDistinctVersion4Uuids() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String id = EventIds.next();
            UUID u = UUID.fromString(id);
            assertThat(u.version()).isEqualTo(4);
            assertThat(u.variant()).isEqualTo(2);
            assertThat(u.toString()).isEqualTo(id);
            assertThat(seen.add(id)).isTrue();
        }
    }
}
