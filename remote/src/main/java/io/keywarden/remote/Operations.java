package io.keywarden.remote;

import java.util.Set;

/**
 * Which KMS operations may be repeated without changing the outcome. A repeated CreateKey makes a
 * second key, a repeated CreateAlias or ScheduleKeyDeletion fails (AlreadyExists, KMSInvalidState)
 * although the first attempt succeeded, a repeated RotateKeyOnDemand rotates twice, and so on. Every
 * other operation (reads, the cryptographic operations, and writes that set a state, such as
 * EnableKey or PutKeyPolicy) is idempotent.
 */
final class Operations {

    private static final Set<String> NON_IDEMPOTENT = Set.of(
            "createKey", "createAlias", "deleteAlias", "scheduleKeyDeletion", "cancelKeyDeletion",
            "rotateKeyOnDemand", "createGrant", "retireGrant", "revokeGrant", "importKeyMaterial",
            "deleteImportedKeyMaterial");

    private Operations() {
    }

    /** {@code operation}: the KmsBackend method name ({@code createKey}). */
    static boolean idempotent(String operation) {
        return !NON_IDEMPOTENT.contains(operation);
    }
}
