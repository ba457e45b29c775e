package io.keywarden.kms.api;

import java.util.List;

/** The response of ListResourceTags, with AWS KMS's members. */
public record ListResourceTagsResponse(
        List<Tag> tags,
        String nextMarker,
        boolean truncated) {
}
