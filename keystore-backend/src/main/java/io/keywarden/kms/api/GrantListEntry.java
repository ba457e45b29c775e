package io.keywarden.kms.api;

import java.time.Instant;
import java.util.List;

/** One grant, as ListGrants and ListRetirableGrants show it (AWS KMS's {@code GrantListEntry}). */
public record GrantListEntry(
        String keyId,
        String grantId,
        String name,
        Instant creationDate,
        String granteePrincipal,
        String retiringPrincipal,
        String issuingAccount,
        List<GrantOperation> operations,
        GrantConstraints constraints) {

    public GrantListEntry {
        operations = operations == null ? null : List.copyOf(operations);
    }
}
