package io.keywarden.kms.audit;

import io.keywarden.kms.api.errors.KmsException;
import io.keywarden.kms.store.KmsStore;
import io.keywarden.kms.store.StoreTransaction;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The audit record of one call in flight. The call's write transactions go through
 * {@link #store(KmsStore)}: the first one that commits carries the call's success event, so a
 * change and its event are committed together or not at all. A call that committed no change gets
 * its event from {@link #succeeded} or {@link #failed}, which return only once it is durable —
 * except the success of a data-plane call (Encrypt, GenerateDataKey, Sign, GenerateMac, …), whose
 * event the writer commits with its next group commit (docs/audit.md, "Durability").
 * Confined to the thread of the call.
 */
public final class AuditedCall {

    private final AuditLog log;
    private final AuditEventBuilder event;
    private boolean appendedInTransaction;
    private boolean recorded;

    AuditedCall(AuditLog log, AuditEventBuilder event) {
        this.log = log;
        this.event = event;
    }

    /** {@code raw} as this call sees it: its write transactions carry the call's event. */
    public KmsStore store(KmsStore raw) {
        return new KmsStore() {
            @Override
            public <T> T read(Function<StoreTransaction, T> work) {
                return raw.read(work);
            }

            @Override
            public <T> T write(Function<StoreTransaction, T> work) {
                try {
                    T result = raw.write(tx -> {
                        T r = work.apply(tx);
                        appendInTransaction(tx, r);
                        return r;
                    });
                    recorded |= appendedInTransaction;
                    return result;
                } finally {
                    appendedInTransaction = false;
                }
            }

            @Override
            public void backupTo(Path target) {
                raw.backupTo(target);
            }

            @Override
            public void close() {
                raw.close();
            }
        };
    }

    private void appendInTransaction(StoreTransaction tx, Object result) {
        if (!recorded) {
            log.chain().append(tx, event.success(result));
            appendedInTransaction = true;
        }
    }

    /** Records the success of the call (unless its write transaction already did) and returns {@code result}. */
    public <T> T succeeded(T result) {
        if (!recorded) {
            if (AuditEventBuilder.isDataPlane(event.eventName())) {
                Supplier<String> compact = event.compactLater(result); // stored compact (docs/audit.md)
                if (log.writerHasRoom()) {
                    log.recordSoon(compact); // written by the writer, off the call's path
                } else {
                    String text = compact.get(); // written here: the writer is busy enough
                    log.recordSoon(() -> text);
                }
            } else {
                log.recordDurably(event.success(result));
            }
            recorded = true;
        }
        return result;
    }

    /**
     * Records the refusal or failure {@code error} (unless a committed change already recorded the
     * call) and returns it for the caller to throw. If the event cannot be recorded, that failure is
     * added to {@code error} as suppressed.
     */
    public RuntimeException failed(RuntimeException error) {
        if (recorded) {
            return error;
        }
        String code = error instanceof KmsException k ? k.errorType() : "InternalFailure";
        String message = error instanceof KmsException ? error.getMessage()
                : "An internal error occurred (" + error.getClass().getSimpleName() + ").";
        try {
            log.recordDurably(event.failure(code, message));
            recorded = true;
        } catch (RuntimeException e) {
            error.addSuppressed(e);
        }
        return error;
    }
}
