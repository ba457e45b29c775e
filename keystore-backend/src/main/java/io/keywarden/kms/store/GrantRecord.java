package io.keywarden.kms.store;

import io.keywarden.kms.api.GrantConstraints;
import io.keywarden.kms.api.GrantOperation;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One grant on a key, as the store keeps it. The grant tokens are never kept: only their
 * {@code tokenHashes} (hex SHA-256 of each token CreateGrant returned for this grant; an idempotent
 * retry adds one). {@code constraints} is null when the grant has none.
 */
public record GrantRecord(
        String grantId,
        String keyId,
        String name,
        String granteePrincipal,
        String retiringPrincipal,
        String issuingAccount,
        Set<GrantOperation> operations,
        GrantConstraints constraints,
        List<String> tokenHashes,
        Instant createdAt) {

    /** At most this many token hashes are kept per grant; the oldest goes first. */
    public static final int MAX_TOKEN_HASHES = 16;

    public GrantRecord {
        Objects.requireNonNull(grantId, "grantId");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(granteePrincipal, "granteePrincipal");
        Objects.requireNonNull(issuingAccount, "issuingAccount");
        Objects.requireNonNull(createdAt, "createdAt");
        operations = operations.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(operations));
        constraints = constraints == null || constraints.isEmpty() ? null : constraints;
        tokenHashes = List.copyOf(tokenHashes);
    }

    /** The same grant with one more token hash (the oldest dropped beyond {@link #MAX_TOKEN_HASHES}). */
    public GrantRecord withTokenHash(String hash) {
        List<String> hashes = new java.util.ArrayList<>(tokenHashes);
        hashes.add(hash);
        while (hashes.size() > MAX_TOKEN_HASHES) {
            hashes.remove(0);
        }
        return new GrantRecord(grantId, keyId, name, granteePrincipal, retiringPrincipal, issuingAccount, operations,
                constraints, hashes, createdAt);
    }

    /** The operations in AWS's order. */
    public List<GrantOperation> orderedOperations() {
        return operations.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(operations));
    }

    /** Token hashes are shown by count only. */
    @Override
    public String toString() {
        return "GrantRecord[grantId=" + grantId + ", keyId=" + keyId + ", name=" + name + ", granteePrincipal="
                + granteePrincipal + ", retiringPrincipal=" + retiringPrincipal + ", issuingAccount=" + issuingAccount
                + ", operations=" + orderedOperations() + ", constraints=" + constraints + ", tokenHashes=<"
                + tokenHashes.size() + ">, createdAt=" + createdAt + "]";
    }
}
