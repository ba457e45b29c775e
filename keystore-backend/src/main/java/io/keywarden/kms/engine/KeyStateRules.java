package io.keywarden.kms.engine;

import io.keywarden.kms.api.KeyState;
import io.keywarden.kms.api.errors.DisabledException;
import io.keywarden.kms.api.errors.KMSInvalidStateException;
import io.keywarden.kms.api.errors.KmsException;
import io.keywarden.kms.api.errors.KmsUnsupportedOperationException;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * AWS KMS's key state table as data: for each group of operations and each key state, either
 * allowed (no entry) or the error the refusal gives. {@link #check} is the one place the engine
 * asks it. Checks that depend on the key's type or origin (rotation only for symmetric AWS_KMS
 * keys, import only for EXTERNAL keys) are made by the operations after this table.
 */
public final class KeyStateRules {

    private enum Refusal {
        DISABLED(arn -> new DisabledException(arn + " is disabled.")),
        PENDING_DELETION(arn -> new KMSInvalidStateException(arn + " is pending deletion.")),
        PENDING_IMPORT(arn -> new KMSInvalidStateException(arn + " is pending import.")),
        NOT_PENDING_DELETION(arn -> new KMSInvalidStateException(arn + " is not pending deletion.")),
        UNSUPPORTED_PENDING_IMPORT(arn -> new KmsUnsupportedOperationException(
                arn + " is pending import: the operation is not supported for keys with imported key material."));

        private final Function<String, KmsException> error;

        Refusal(Function<String, KmsException> error) {
            this.error = error;
        }
    }

    private static final Map<Operation.Group, Map<KeyState, Refusal>> TABLE = new EnumMap<>(Operation.Group.class);

    static {
        row(Operation.Group.CRYPTO, Refusal.DISABLED, Refusal.PENDING_DELETION, Refusal.PENDING_IMPORT);
        row(Operation.Group.CREATE_GRANT, Refusal.DISABLED, Refusal.PENDING_DELETION, Refusal.PENDING_IMPORT);
        row(Operation.Group.ENABLE_DISABLE, null, Refusal.PENDING_DELETION, Refusal.PENDING_IMPORT);
        row(Operation.Group.SCHEDULE_DELETION, null, Refusal.PENDING_DELETION, null);
        TABLE.put(Operation.Group.CANCEL_DELETION, new EnumMap<>(Map.of(
                KeyState.Enabled, Refusal.NOT_PENDING_DELETION,
                KeyState.Disabled, Refusal.NOT_PENDING_DELETION,
                KeyState.PendingImport, Refusal.NOT_PENDING_DELETION)));
        row(Operation.Group.ROTATION, Refusal.DISABLED, Refusal.PENDING_DELETION, Refusal.UNSUPPORTED_PENDING_IMPORT);
        row(Operation.Group.IMPORT, null, Refusal.PENDING_DELETION, null);
        row(Operation.Group.MANAGE, null, Refusal.PENDING_DELETION, null);
        row(Operation.Group.ANY_STATE, null, null, null);
        row(Operation.Group.ACCOUNT, null, null, null);
    }

    private KeyStateRules() {
    }

    private static void row(Operation.Group group, Refusal disabled, Refusal pendingDeletion, Refusal pendingImport) {
        Map<KeyState, Refusal> cells = new EnumMap<>(KeyState.class);
        if (disabled != null) {
            cells.put(KeyState.Disabled, disabled);
        }
        if (pendingDeletion != null) {
            cells.put(KeyState.PendingDeletion, pendingDeletion);
        }
        if (pendingImport != null) {
            cells.put(KeyState.PendingImport, pendingImport);
        }
        TABLE.put(group, cells);
    }

    /** Whether the table allows {@code operation} on a key in {@code state}. */
    public static boolean allows(Operation operation, KeyState state) {
        return !TABLE.get(operation.group()).containsKey(state);
    }

    /** Throws the table's error if it refuses {@code operation} on a key in {@code state}. */
    public static void check(Operation operation, KeyState state, String keyArn) {
        Refusal refusal = TABLE.get(operation.group()).get(state);
        if (refusal != null) {
            throw refusal.error.apply(keyArn);
        }
    }
}
