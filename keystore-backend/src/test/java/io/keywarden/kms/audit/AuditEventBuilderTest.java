package io.keywarden.kms.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.keywarden.kms.api.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
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
    void principalIdIsTheHashOfTheArnCachedOrNot() throws Exception {
        for (int i = 0; i < 5000; i++) { // past the cache's limit
            String arn = "arn:aws:iam::" + ACCOUNT + ":user/u" + (i % 4500);
            byte[] h = MessageDigest.getInstance("SHA-256").digest(arn.getBytes(StandardCharsets.UTF_8));
            String expected = "AID" + HexFormat.of().formatHex(h).substring(0, 17).toUpperCase(Locale.ROOT);
            assertThat(AuditEventBuilder.principalId(arn, ACCOUNT, false)).isEqualTo(expected);
        }
        assertThat(AuditEventBuilder.principalId("arn:aws:iam::" + ACCOUNT + ":root", ACCOUNT, true))
                .isEqualTo(ACCOUNT);
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
