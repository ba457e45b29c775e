package io.keywarden.kms.api;

import java.util.List;

/** The response of ListAliases, with AWS KMS's members. */
public record ListAliasesResponse(
        List<AliasListEntry> aliases,
        String nextMarker,
        boolean truncated) {
}
