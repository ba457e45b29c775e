package io.keywarden.kms.audit;

import io.keywarden.kms.store.AuditTable;
import io.keywarden.kms.store.StoreTransaction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hash chain of the audit trail: event {@code n} stores {@code prev_hash} (the hash of event
 * {@code n-1}, 32 zero bytes for the first) and {@code hash = SHA-256(prev_hash || UTF-8 bytes of
 * its stored text)}: the event's canonical JSON, or a data-plane success's compact row (docs/audit.md);
 * a long run of events appended at once is stored as block rows of several events ({@link AuditBlocks}),
 * each event hashed as before. Appending reads the head inside the caller's write transaction, which holds
 * the store's write lock, so the chain stays linear across threads and processes. Every
 * {@code digestInterval}-th event is sealed by a signed digest in the same transaction.
 */
final class AuditChain {

    static final byte[] GENESIS = new byte[32];

    private final DigestSigner signer;
    private final int digestInterval;

    AuditChain(DigestSigner signer, int digestInterval) {
        this.signer = signer;
        this.digestInterval = digestInterval;
    }

    /** Appends {@code eventJson} after the current head in {@code tx}; returns its sequence number. */
    long append(StoreTransaction tx, String eventJson) {
        AuditTable t = tx.audit();
        AuditTable.EventRow head = t.head().orElse(null);
        long seq = head == null ? 1 : head.seq() + 1;
        byte[] prev = head == null ? GENESIS : head.hash();
        t.append(new AuditTable.EventRow(seq, eventJson, prev, hash(prev, eventJson)));
        if (seq % digestInterval == 0) {
            signer.seal(tx);
        }
        return seq;
    }

    /**
     * Appends {@code eventsJson} in order after the current head in {@code tx}, reading the head once
     * (a group commit's batch); returns the sequence number of the first. Long runs are stored as
     * {@linkplain AuditBlocks block rows}, cut at every digest so that each digest seals a row's last event.
     */
    long appendAll(StoreTransaction tx, java.util.List<String> eventsJson) {
        AuditTable t = tx.audit();
        AuditTable.EventRow head = t.head().orElse(null);
        long first = head == null ? 1 : head.seq() + 1;
        byte[] prev = head == null ? GENESIS : head.hash();
        java.util.List<AuditTable.EventRow> rows = new java.util.ArrayList<>(eventsJson.size());
        java.util.List<AuditTable.EventRow> run = new java.util.ArrayList<>();
        MessageDigest sha256 = sha256(); // one per batch: getInstance per event showed in the writer's profile
        long seq = first;
        for (String e : eventsJson) {
            byte[] h = hash(sha256, prev, e);
            AuditTable.EventRow row = new AuditTable.EventRow(seq, e, prev, h);
            if (AuditBlocks.blockable(e)) {
                run.add(row);
            } else {
                AuditBlocks.addRun(run, rows);
                run.clear();
                rows.add(row);
            }
            prev = h;
            if (seq % digestInterval == 0) {
                AuditBlocks.addRun(run, rows);
                run.clear();
                t.appendAll(rows);
                rows.clear();
                signer.seal(tx);
            }
            seq++;
        }
        AuditBlocks.addRun(run, rows);
        t.appendAll(rows);
        return first;
    }

    static byte[] hash(byte[] prev, String eventJson) {
        return hash(sha256(), prev, eventJson);
    }

    /** SHA-256(prev || UTF-8 of eventJson) with {@code d}, which is left reset for the next use. */
    private static byte[] hash(MessageDigest d, byte[] prev, String eventJson) {
        d.update(prev);
        d.update(eventJson.getBytes(StandardCharsets.UTF_8));
        return d.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
