package io.keywarden.kms.api;

import java.util.List;

/** The response of ListCertificateEntries (a Keywarden extension beyond AWS KMS): entry names in order. */
public record ListCertificateEntriesResponse(
        List<String> entryNames,
        String nextMarker,
        boolean truncated) {
}
