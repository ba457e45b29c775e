package io.keywarden.kms.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.kms.store.AuditTable.DigestRow;
import io.keywarden.kms.store.AuditTable.EventRow;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Checks an audit trail (docs/audit.md): recomputes every event's hash, follows the chain links to
 * find where each event was chained, and checks every digest's Ed25519 signature and that the chain
 * reaches the head it signed. Reports changed, removed, reordered and inserted events by sequence
 * number. Works on the rows alone, so a trail can be verified with an exported public key.
 */
public final class AuditVerifier {

    private final PublicKey publicKey;

    /** @param x509PublicKey the deployment's digest key (X.509 SubjectPublicKeyInfo); null: digests are not checked */
    public AuditVerifier(byte[] x509PublicKey) {
        this.publicKey = x509PublicKey == null ? null : DigestSigner.publicKey(x509PublicKey);
    }

    /** Every finding, in sequence order of the events, then the digests'. Empty: the trail is intact and sealed. */
    public List<AuditFinding> verify(List<EventRow> events, List<DigestRow> digests) {
        List<AuditFinding> out = new ArrayList<>();
        Map<String, EventRow> byHash = new HashMap<>();
        Map<String, Integer> children = new HashMap<>();
        for (EventRow r : events) {
            byHash.put(hex(r.hash()), r);
            children.merge(hex(r.prevHash()), 1, Integer::sum);
        }
        Map<Long, Long> chainedAt = new HashMap<>();
        long inserted = 0;
        long expectedSeq = 1;
        EventRow last = events.isEmpty() ? null : events.get(events.size() - 1);
        for (EventRow r : events) {
            boolean selfOk = Arrays.equals(AuditChain.hash(r.prevHash(), r.event()), r.hash());
            if (!selfOk) {
                out.add(changedOrMoved(r, events));
            }
            if (r.seq() > expectedSeq) {
                out.add(new AuditFinding(AuditFinding.Kind.REMOVED, expectedSeq, r.seq() - 1,
                        "the sequence numbers are missing"));
            }
            expectedSeq = r.seq() + 1;
            boolean genesis = Arrays.equals(r.prevHash(), AuditChain.GENESIS);
            EventRow pred = genesis ? null : byHash.get(hex(r.prevHash()));
            if (!genesis && pred == null) {
                // the event it was chained after is gone; anchor here
                if (out.isEmpty() || out.get(out.size() - 1).kind() != AuditFinding.Kind.REMOVED
                        || out.get(out.size() - 1).lastSeq() != r.seq() - 1) {
                    out.add(new AuditFinding(AuditFinding.Kind.REMOVED, r.seq(), r.seq(),
                            "the event chained before this one is missing"));
                }
                chainedAt.put(r.seq(), r.seq());
                continue;
            }
            if (r != last && children.getOrDefault(hex(r.hash()), 0) == 0
                    && children.getOrDefault(hex(r.prevHash()), 0) > 1) {
                out.add(new AuditFinding(AuditFinding.Kind.INSERTED, r.seq(), r.seq(),
                        "this event is not part of the chain: another event is chained at its place and none after it"));
                inserted++;
                continue;
            }
            Long at = genesis ? Long.valueOf(1) : position(pred, byHash, chainedAt, 0);
            if (at != null && !genesis) {
                at = at + 1;
            }
            if (at == null) {
                continue;
            }
            chainedAt.put(r.seq(), at);
            if (selfOk && at + inserted != r.seq() && r.seq() != at) {
                out.add(new AuditFinding(AuditFinding.Kind.REORDERED, r.seq(), r.seq(),
                        "this event was chained at seq " + at));
            }
        }
        checkDigests(events, digests, out);
        return out;
    }

    /** The sequence number {@code r} was chained at, following links back to the first event. */
    private Long position(EventRow r, Map<String, EventRow> byHash, Map<Long, Long> chainedAt, int depth) {
        Long known = chainedAt.get(r.seq());
        if (known != null) {
            return known;
        }
        if (Arrays.equals(r.prevHash(), AuditChain.GENESIS)) {
            return 1L;
        }
        EventRow pred = byHash.get(hex(r.prevHash()));
        if (pred == null || depth > 100_000) {
            return r.seq();
        }
        Long p = position(pred, byHash, chainedAt, depth + 1);
        return p == null ? null : p + 1;
    }

    private static AuditFinding changedOrMoved(EventRow r, List<EventRow> events) {
        for (EventRow m : events) {
            if (m != r && Arrays.equals(AuditChain.hash(m.prevHash(), r.event()), m.hash())) {
                return new AuditFinding(AuditFinding.Kind.REORDERED, r.seq(), r.seq(),
                        "this event's content was chained at seq " + m.seq());
            }
        }
        return new AuditFinding(AuditFinding.Kind.CHANGED, r.seq(), r.seq(),
                "the event's hash does not match its content");
    }

    private void checkDigests(List<EventRow> events, List<DigestRow> digests, List<AuditFinding> out) {
        Map<Long, EventRow> bySeq = new HashMap<>();
        events.forEach(e -> bySeq.put(e.seq(), e));
        long maxSeq = events.isEmpty() ? 0 : events.get(events.size() - 1).seq();
        long previous = 0;
        long sealed = 0;
        for (DigestRow d : digests) {
            JsonNode j = CanonicalJson.read(d.digest());
            if (j == null || j.path("seq").asLong(-1) != d.seq()) {
                out.add(new AuditFinding(AuditFinding.Kind.DIGEST_MISMATCH, d.seq(), d.seq(), "the digest is malformed"));
                continue;
            }
            if (publicKey != null && !DigestSigner.verify(publicKey, d.digest(), d.signature())) {
                out.add(new AuditFinding(AuditFinding.Kind.DIGEST_MISMATCH, d.seq(), d.seq(),
                        "the digest's signature does not verify"));
            }
            if (j.path("previousDigestSeq").asLong(-1) != previous) {
                out.add(new AuditFinding(AuditFinding.Kind.DIGEST_MISMATCH, d.seq(), d.seq(),
                        "the digest follows the digest at seq " + j.path("previousDigestSeq").asLong()
                                + ", which is missing"));
            }
            previous = d.seq();
            sealed = Math.max(sealed, d.seq());
            EventRow head = bySeq.get(d.seq());
            if (d.seq() > maxSeq) {
                out.add(new AuditFinding(AuditFinding.Kind.REMOVED, maxSeq + 1, d.seq(),
                        "events sealed by the digest at seq " + d.seq() + " are missing (the tail was truncated)"));
            } else if (head != null && !j.path("headHash").asText().equals(hex(head.hash()))) {
                out.add(new AuditFinding(AuditFinding.Kind.DIGEST_MISMATCH, d.seq(), d.seq(),
                        "the chain does not reach the head the digest signed (events up to here were rewritten)"));
            }
        }
        if (maxSeq > sealed) {
            out.add(new AuditFinding(AuditFinding.Kind.UNSEALED, sealed + 1, maxSeq,
                    "chained but not yet sealed by a signed digest"));
        }
    }

    private static String hex(byte[] b) {
        return b == null ? "" : HexFormat.of().formatHex(b);
    }
}
