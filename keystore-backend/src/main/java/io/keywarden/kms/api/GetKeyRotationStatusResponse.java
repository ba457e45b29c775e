package io.keywarden.kms.api;

import java.time.Instant;

/** The response of GetKeyRotationStatus, with AWS KMS's members. */
public record GetKeyRotationStatusResponse(
        boolean keyRotationEnabled,
        String keyId,
        Integer rotationPeriodInDays,
        Instant nextRotationDate,
        Instant onDemandRotationStartDate) {
}
