package io.keywarden.kms.store;

import java.util.List;
import java.util.Optional;

/**
 * The audit trail's tables inside one store transaction: the append-only {@code audit_events}
 * chain, the signed {@code audit_digests} and the deployment's digest signing key (its private key
 * sealed under the store's root key like key material, its row MACed). Event and digest rows carry
 * no row MAC: their integrity is the hash chain and the signatures, which the audit verifier checks
 * and reports event by event instead of refusing the whole store. Changes need a write transaction.
 */
public interface AuditTable {

    /**
     * One event of the chain: {@code hash = SHA-256(prevHash || UTF-8 bytes of event)}; as stored, a row
     * may also be a block of consecutive events (docs/audit.md, "Block rows"), which the audit package
     * writes and expands: then {@code seq} and {@code hash} are its last event's, {@code prevHash} its first's.
     */
    record EventRow(long seq, String event, byte[] prevHash, byte[] hash) {
    }

    /** A signed digest over the chain head at {@code seq}; {@code digest} is canonical JSON, {@code signature} Ed25519 over its UTF-8 bytes. */
    record DigestRow(long seq, String digest, byte[] signature) {
    }

    /** The deployment's digest signing key: its id, X.509 public key and (opened) PKCS#8 private key. */
    record SigningKey(String keyId, byte[] publicKey, byte[] privateKey) {
    }

    /** The last event of the chain, if any. */
    Optional<EventRow> head();

    /** Appends one event; its sequence number must be the head's plus one. */
    void append(EventRow row);

    /**
     * Appends consecutive events in order (a group commit's batch); the first one's sequence number
     * must be the head's plus one. Stores may override it with a batched insert.
     */
    default void appendAll(List<EventRow> rows) {
        rows.forEach(this::append);
    }

    /** Rows with {@code seq > afterSeq} in sequence order, at most {@code limit}. */
    List<EventRow> events(long afterSeq, int limit);

    void putDigest(DigestRow row);

    /** Every digest in sequence order. */
    List<DigestRow> digests();

    Optional<DigestRow> lastDigest();

    /** The signing key, its private key opened (the caller zeroes it); empty before the first digest. */
    Optional<SigningKey> signingKey();

    /** The signing key without its private key; empty before the first digest. */
    Optional<SigningKey> publicSigningKey();

    /** Stores the signing key, sealing its private key. There is one; a second is refused. */
    void putSigningKey(SigningKey key, java.time.Instant createdAt);
}
