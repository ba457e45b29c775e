package io.keywarden.kms.audit;

import io.keywarden.kms.store.AuditTable.EventRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Block rows (docs/audit.md, "Block rows"): when one group commit appends a long run of events, the
 * run is stored as rows of up to {@link #MAX_EVENTS} events each instead of one row per event, which
 * takes most of the store's per-row cost off the single audit writer. A block row's text is
 * {@code kwb1}, then for each event a newline, the event's hash in lowercase hex, a space and the
 * event's stored text (canonical JSON, which never holds a raw newline); its {@code seq} is its last
 * event's, its {@code prev_hash} its first event's {@code prev_hash} and its {@code hash} its last
 * event's hash. The chain is unchanged: every event's hash is still
 * {@code SHA-256(prev_hash || UTF-8 bytes of its text)}, so each event of a block is checked on its
 * own. Readers {@linkplain #expand expand} block rows into their events before listing or verifying.
 */
final class AuditBlocks {

    /** The first line of a block row's text. */
    static final String TAG = "kwb1";

    /** A run of fewer events than this is stored one row per event, as before block rows. */
    static final int MIN_EVENTS = 16;

    /** The most events in one block row (about 16 KiB of compact events). */
    static final int MAX_EVENTS = 32;

    private static final int HASH_HEX = 64;
    private static final HexFormat HEX = HexFormat.of();
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private AuditBlocks() {
    }

    /** Whether {@code text} may go into a block: it has no newline (canonical JSON never has one). */
    static boolean blockable(String text) {
        return text.indexOf('\n') < 0;
    }

    /**
     * Adds {@code run} (consecutive events, each with its seq, prev_hash and hash) to {@code rows}:
     * as block rows of up to {@link #MAX_EVENTS} events when the run has at least {@link #MIN_EVENTS},
     * else one row per event. Every event of the run must be {@link #blockable}.
     */
    static void addRun(List<EventRow> run, List<EventRow> rows) {
        if (run.size() < MIN_EVENTS) {
            rows.addAll(run);
            return;
        }
        for (int from = 0; from < run.size(); from += MAX_EVENTS) {
            List<EventRow> part = run.subList(from, Math.min(run.size(), from + MAX_EVENTS));
            rows.add(part.size() == 1 ? part.get(0) : block(part));
        }
    }

    /** One block row of {@code events} (at least two, consecutive, each chained after the one before). */
    static EventRow block(List<EventRow> events) {
        int length = TAG.length();
        for (EventRow e : events) {
            length += 2 + HASH_HEX + e.event().length();
        }
        StringBuilder text = new StringBuilder(length).append(TAG);
        char[] hex = new char[HASH_HEX];
        for (EventRow e : events) {
            byte[] h = e.hash();
            for (int i = 0; i < h.length; i++) { // HexFormat's Appendable form went a char at a time: 6% of the writer
                hex[2 * i] = DIGITS[(h[i] >> 4) & 0xF];
                hex[2 * i + 1] = DIGITS[h[i] & 0xF];
            }
            text.append('\n').append(hex).append(' ').append(e.event());
        }
        EventRow first = events.get(0);
        EventRow last = events.get(events.size() - 1);
        return new EventRow(last.seq(), text.toString(), first.prevHash(), last.hash());
    }

    /**
     * The events of {@code rows} with {@code seq > afterSeq}, in order: a block row as its events, any
     * other row as itself. A block row that cannot be read as one (damaged or tampered: a line without
     * a hash, a sequence number below 1, a last hash that is not the row's) stays one row, which
     * listing skips and the verifier names as changed.
     */
    static List<EventRow> expand(List<EventRow> rows, long afterSeq) {
        List<EventRow> out = new ArrayList<>(rows.size());
        for (EventRow r : rows) {
            List<EventRow> events = isBlock(r) ? events(r) : null;
            for (EventRow e : events == null ? List.of(r) : events) {
                if (e.seq() > afterSeq) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    private static boolean isBlock(EventRow r) {
        return r.event() != null && r.event().startsWith(TAG + "\n");
    }

    /** A block row's events; null when it is not a well-formed block. */
    private static List<EventRow> events(EventRow r) {
        String[] lines = r.event().substring(TAG.length() + 1).split("\n", -1);
        long firstSeq = r.seq() - lines.length + 1;
        if (firstSeq < 1 || r.prevHash() == null || r.hash() == null) {
            return null;
        }
        List<EventRow> out = new ArrayList<>(lines.length);
        byte[] prev = r.prevHash();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.length() <= HASH_HEX || line.charAt(HASH_HEX) != ' ') {
                return null;
            }
            byte[] hash;
            try {
                hash = HEX.parseHex(line, 0, HASH_HEX);
            } catch (IllegalArgumentException e) {
                return null;
            }
            out.add(new EventRow(firstSeq + i, line.substring(HASH_HEX + 1), prev, hash));
            prev = hash;
        }
        if (!Arrays.equals(prev, r.hash())) {
            return null; // the row's hash is its last event's: the head and the digests rely on it
        }
        return out;
    }
}
