package io.keywarden.kms.api;

import java.util.List;

/** The response of ListKeys, with AWS KMS's members. */
public record ListKeysResponse(
        List<KeyListEntry> keys,
        String nextMarker,
        boolean truncated) {
}
