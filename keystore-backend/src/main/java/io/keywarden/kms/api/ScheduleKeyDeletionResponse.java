package io.keywarden.kms.api;

import java.time.Instant;

/** The response of ScheduleKeyDeletion, with AWS KMS's members. */
public record ScheduleKeyDeletionResponse(
        String keyId,
        Instant deletionDate,
        KeyState keyState,
        Integer pendingWindowInDays) {
}
