package io.keywarden.kms.api;

import java.util.List;

/** The response of ListGrants and ListRetirableGrants, with AWS KMS's members. */
public record ListGrantsResponse(List<GrantListEntry> grants, String nextMarker, boolean truncated) {

    public ListGrantsResponse {
        grants = List.copyOf(grants);
    }
}
