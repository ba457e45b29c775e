package io.keywarden.kms.api;

import java.util.List;

/** The response of ListKeyRotations, with AWS KMS's members. */
public record ListKeyRotationsResponse(
        List<RotationsListEntry> rotations,
        String nextMarker,
        boolean truncated) {
}
