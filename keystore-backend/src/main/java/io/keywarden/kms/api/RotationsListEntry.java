package io.keywarden.kms.api;

import java.time.Instant;

/** One entry of ListKeyRotations: a past key material of a key. */
public record RotationsListEntry(
        String keyId,
        String keyMaterialId,
        Instant rotationDate,
        RotationType rotationType) {
}
