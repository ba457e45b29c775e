package io.keywarden.kms.audit;

/**
 * One problem the {@link AuditVerifier} found, named by sequence number ({@code seq}; for a range,
 * {@code seq..lastSeq}). {@link Kind#UNSEALED} is informational: events after the newest digest are
 * chained but not yet signed.
 */
public record AuditFinding(Kind kind, long seq, long lastSeq, String detail) {

    /** What was done to the trail. */
    public enum Kind {
        /** The event's content is not what was chained. */
        CHANGED,
        /** Events are missing from the chain. */
        REMOVED,
        /** An event stands at another place than the one it was chained at. */
        REORDERED,
        /** An event that was never part of the chain was put into it. */
        INSERTED,
        /** A digest's signature does not verify, or the chain does not reach the head it signed. */
        DIGEST_MISMATCH,
        /** Events after the newest digest: chained, not signed yet (informational). */
        UNSEALED
    }

    /** Whether this finding means the trail was tampered with (everything but {@link Kind#UNSEALED}). */
    public boolean isTampering() {
        return kind != Kind.UNSEALED;
    }

    @Override
    public String toString() {
        return kind + " seq " + (lastSeq == seq ? Long.toString(seq) : seq + ".." + lastSeq) + ": " + detail;
    }
}
