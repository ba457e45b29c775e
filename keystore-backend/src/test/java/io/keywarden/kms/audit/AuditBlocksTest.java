package io.keywarden.kms.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.keywarden.kms.store.AuditTable.EventRow;
import io.keywarden.kms.store.SqliteKmsStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Block rows (docs/audit.md, "Block rows"): a long run of events appended at once is stored as rows
 * of up to 32 events; listing and verification see every event as before, each event of a block is
 * checked on its own, and a damaged block is named, never trusted. The documented vector is checked here.
 */
class AuditBlocksTest {

    /** The vector of docs/audit.md: two events after genesis, as one block row. */
    static final String VECTOR_FIRST = "{\"eventName\":\"Encrypt\",\"n\":1}";
    static final String VECTOR_SECOND = "{\"eventName\":\"Encrypt\",\"n\":2}";
    static final String VECTOR_FIRST_HASH = "7a7c89a9774d939d613070eb31dce87183a3bcf21cae9a5496a0a33dc166b9ed";
    static final String VECTOR_SECOND_HASH = "e4f92ffcc1ff5ae89bf901788d8105ba196315b8e9ffc614a87bb979307bad39";

    @TempDir
    Path dir;

    /** The store's directory under {@link #dir}. */
    private String storeName = "store";

    private AuditStoreDir store() {
        return new AuditStoreDir(dir.resolve(storeName));
    }

    private SqliteKmsStore openStore() {
        return store().open();
    }

    private static String event(int n) {
        return "{\"eventName\":\"Encrypt\",\"n\":" + n + "}";
    }

    private static List<String> events(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(AuditBlocksTest::event).toList();
    }

    /** Appends each batch in its own transaction, then closes the log (which seals the head with a digest). */
    @SafeVarargs
    private void append(int digestInterval, List<String>... batches) {
        try (SqliteKmsStore store = openStore()) {
            AuditLog log = new AuditLog(store, Clock.systemUTC(), "us-east-1", "111122223333", digestInterval, 0);
            for (List<String> batch : batches) {
                store.write(tx -> log.chain().appendAll(tx, batch));
            }
            log.close();
        }
    }

    private Connection db() throws SQLException {
        return store().db();
    }

    /** The stored rows' sequence numbers, and how many events each holds. */
    private List<String> storedRows() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT seq, event FROM audit_events ORDER BY seq")) {
            while (rs.next()) {
                String text = rs.getString(2);
                out.add(rs.getLong(1) + ":" + (text.startsWith("kwb1\n") ? text.split("\n").length - 1 : 1));
            }
        }
        return out;
    }

    private void tamper(String sql) throws SQLException {
        store().tamper(sql);
    }

    private List<String> listed() {
        return store().listed();
    }

    private List<AuditFinding> verify() {
        return store().verify();
    }

    @Test
    void aLongRunIsStoredInBlocksOfThirtyTwoAndListedAndVerifiedEventByEvent() throws SQLException {
        append(1000, events(1, 3), events(4, 43), events(44, 58));

        // 3 and 15 events: one row each; 40: a block of 32 and one of 8
        List<String> rows = new ArrayList<>();
        IntStream.rangeClosed(1, 3).forEach(i -> rows.add(i + ":1"));
        rows.add("35:32");
        rows.add("43:8");
        IntStream.rangeClosed(44, 58).forEach(i -> rows.add(i + ":1"));
        assertThat(storedRows()).containsExactlyElementsOf(rows);
        assertThat(listed()).containsExactlyElementsOf(events(1, 58));
        assertThat(verify()).isEmpty();
    }

    @Test
    void theWritersGroupCommitStoresALongQueueInBlocks() throws SQLException {
        try (SqliteKmsStore store = openStore()) {
            // data-plane events wait up to 1 s for their commit, so the 100 below go in one batch
            AuditLog log = new AuditLog(store, Clock.systemUTC(), "us-east-1", "111122223333", 1000, 1000);
            events(1, 100).forEach(e -> log.recordSoon(() -> e));
            log.flush(10_000);
            log.close();
        }
        // the writer commits the first event(s) at once, then holds: the rest go in one batch
        List<String> rows = storedRows();
        assertThat(rows).as(rows.toString()).filteredOn(r -> r.endsWith(":32")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(rows.stream().mapToInt(r -> Integer.parseInt(r.substring(r.indexOf(':') + 1))).sum()).isEqualTo(100);
        assertThat(rows.get(rows.size() - 1)).startsWith("100:");
        assertThat(listed()).containsExactlyElementsOf(events(1, 100));
        assertThat(verify()).isEmpty();
    }

    @Test
    void blocksEndAtEveryDigestSoThatEachDigestSealsARowsLastEvent() throws SQLException {
        append(20, events(1, 50));

        assertThat(storedRows()).startsWith("20:20", "40:20").hasSize(2 + 10);
        assertThat(listed()).containsExactlyElementsOf(events(1, 50));
        assertThat(verify()).isEmpty();
    }

    @Test
    void anEventWithANewlineIsStoredOnItsOwnAndSplitsTheRun() throws SQLException {
        List<String> batch = new ArrayList<>(events(1, 40));
        batch.set(19, "{\"eventName\":\"Encrypt\",\n\"n\":20}");
        append(1000, batch);

        List<String> rows = new ArrayList<>();
        rows.add("19:19");
        rows.add("20:1");
        rows.add("40:20");
        assertThat(storedRows()).containsExactlyElementsOf(rows);
        assertThat(listed()).hasSize(40);
        assertThat(verify()).isEmpty();
    }

    @Test
    void aChangedEventInsideABlockIsNamedByItsOwnSequenceNumber() throws SQLException {
        append(1000, events(1, 40));
        tamper("UPDATE audit_events SET event = replace(event, '\"n\":7}', '\"n\":77}') WHERE seq = 32");

        List<AuditFinding> f = verify();
        assertThat(f).as(f.toString()).extracting(AuditFinding::kind, AuditFinding::seq, AuditFinding::lastSeq)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AuditFinding.Kind.CHANGED, 7L, 7L));
        assertThat(listed()).hasSize(40).contains("{\"eventName\":\"Encrypt\",\"n\":77}");
    }

    @Test
    void aRemovedBlockIsNamedAsTheRangeOfItsEvents() throws SQLException {
        append(1000, events(1, 3), events(4, 40), events(41, 42));
        tamper("DELETE FROM audit_events WHERE seq = 35");

        List<AuditFinding> f = verify();
        assertThat(f).anyMatch(x -> x.kind() == AuditFinding.Kind.REMOVED && x.seq() == 4 && x.lastSeq() == 35)
                .as(f.toString());
        assertThat(listed()).hasSize(3 + 5 + 2);
    }

    @Test
    void aLineRemovedFromABlockIsFound() throws SQLException {
        append(1000, events(1, 40));
        String line;
        try (Connection c = db(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT event FROM audit_events WHERE seq = 32")) {
            rs.next();
            line = "\n" + rs.getString(1).split("\n")[5]; // event 5's line
        }
        tamper("UPDATE audit_events SET event = replace(event, '" + line + "', '') WHERE seq = 32");

        List<AuditFinding> f = verify();
        assertThat(f).as(f.toString()).anyMatch(x -> x.kind() == AuditFinding.Kind.CHANGED && x.seq() == 6)
                .anyMatch(x -> x.kind() == AuditFinding.Kind.REMOVED && x.seq() == 1);
    }

    @Test
    void aMalformedBlockIsNamedAsChangedAndSkippedByListing() throws SQLException {
        List<String> tamperings = List.of(
                "UPDATE audit_events SET event = replace(event, 'kwb1\n', 'kwb1\nzz') WHERE seq = 32",
                "UPDATE audit_events SET event = substr(event, 1, length(event) - 70) WHERE seq = 32",
                "UPDATE audit_events SET event = replace(event, ' {', '{') WHERE seq = 32",
                "UPDATE audit_events SET hash = zeroblob(32) WHERE seq = 32");
        for (int i = 0; i < tamperings.size(); i++) {
            storeName = "store" + i;
            append(1000, events(1, 40));
            tamper(tamperings.get(i));
            List<AuditFinding> f = verify();
            assertThat(f).as(tamperings.get(i) + ": " + f)
                    .anyMatch(x -> x.kind() == AuditFinding.Kind.CHANGED && x.seq() == 32)
                    .anyMatch(x -> x.kind() == AuditFinding.Kind.REMOVED && x.seq() == 1 && x.lastSeq() == 31);
            assertThat(listed()).as(tamperings.get(i)).hasSize(8);
        }
    }

    @Test
    void blockRowsExpandOnlyWhenWellFormed() {
        byte[] zero = AuditChain.GENESIS;
        byte[] h1 = AuditChain.hash(zero, VECTOR_FIRST);
        byte[] h2 = AuditChain.hash(h1, VECTOR_SECOND);
        EventRow block = AuditBlocks.block(List.of(new EventRow(1, VECTOR_FIRST, zero, h1),
                new EventRow(2, VECTOR_SECOND, h1, h2)));
        assertThat(block.seq()).isEqualTo(2);
        assertThat(block.prevHash()).isEqualTo(zero);
        assertThat(block.hash()).isEqualTo(h2);
        assertThat(block.event()).isEqualTo("kwb1\n" + HexFormat.of().formatHex(h1) + " " + VECTOR_FIRST
                + "\n" + HexFormat.of().formatHex(h2) + " " + VECTOR_SECOND);

        List<EventRow> events = AuditBlocks.expand(List.of(block), 0);
        assertThat(events).extracting(EventRow::seq).containsExactly(1L, 2L);
        assertThat(events).extracting(EventRow::event).containsExactly(VECTOR_FIRST, VECTOR_SECOND);
        assertThat(events.get(1).prevHash()).isEqualTo(h1);
        assertThat(AuditBlocks.expand(List.of(block), 1)).extracting(EventRow::seq).containsExactly(2L);

        for (EventRow bad : List.of(
                new EventRow(1, block.event(), zero, h2), // two events cannot end at seq 1
                new EventRow(2, block.event(), zero, h1), // the row's hash is not its last event's
                new EventRow(2, block.event().replace(" {", "{"), zero, h2),
                new EventRow(2, block.event().replaceFirst("\n[0-9a-f]", "\nx"), zero, h2))) {
            assertThat(AuditBlocks.expand(List.of(bad), 0)).containsExactly(bad);
        }
    }

    @Test
    void theDocumentedVectorHashes() {
        byte[] h1 = AuditChain.hash(AuditChain.GENESIS, VECTOR_FIRST);
        assertThat(HexFormat.of().formatHex(h1)).isEqualTo(VECTOR_FIRST_HASH);
        assertThat(HexFormat.of().formatHex(AuditChain.hash(h1, VECTOR_SECOND))).isEqualTo(VECTOR_SECOND_HASH);
    }
}
