package io.keywarden.kms.engine;

import io.keywarden.kms.api.ExpirationModelType;
import io.keywarden.kms.api.KeyState;
import io.keywarden.kms.api.RotationType;
import io.keywarden.kms.store.KeyRecord;
import io.keywarden.kms.store.StoreTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What happens to keys by itself when its time comes: a key pending deletion is destroyed with all
 * its material at its deletion date; an enabled key with automatic rotation gets new material at
 * each rotation date (one material per period that passed, dated when it was due); imported
 * material that expires is deleted and the key goes back to PendingImport. Every step re-reads the
 * key inside the caller's write transaction, so it happens exactly once even when several
 * processes share the store.
 */
final class KeyLifecycle {

    /** Bounds the catch-up of a key whose rotations were missed (2560-day periods over centuries). */
    private static final int MAX_CATCH_UP_ROTATIONS = 10_000;

    private final EngineContext ctx;

    KeyLifecycle(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** Applies every task of the key that is due now; a key that was deleted is gone afterwards. */
    void settle(StoreTransaction tx, String keyId) {
        KeyRecord original = tx.findKey(keyId).orElse(null);
        if (original == null) {
            return;
        }
        KeyRecord key = original;
        Instant now = ctx.now();
        if (key.keyState() == KeyState.PendingDeletion && key.deletionDate() != null
                && !key.deletionDate().isAfter(now)) {
            tx.deleteKey(keyId);
            return;
        }
        if (key.expirationModel() == ExpirationModelType.KEY_MATERIAL_EXPIRES
                && key.validTo() != null && !key.validTo().isAfter(now)) {
            key = expireImportedMaterial(tx, key);
        }
        if (key.rotationEnabled() && key.keyState() == KeyState.Enabled && key.nextRotationDate() != null) {
            key = rotateWhileDue(tx, key, now);
        }
        if (!key.equals(original)) {
            tx.putKey(key);
        }
    }

    /** Settles every key that is due now; returns how many were due. */
    int settleAllDue() {
        int total = 0;
        while (true) {
            List<String> due = ctx.store.read(tx -> tx.dueKeyIds(ctx.now(), 100));
            for (String keyId : due) {
                ctx.store.write(tx -> {
                    settle(tx, keyId);
                    return null;
                });
            }
            total += due.size();
            if (due.size() < 100) {
                return total;
            }
        }
    }

    private KeyRecord expireImportedMaterial(StoreTransaction tx, KeyRecord key) {
        tx.deleteMaterials(key.keyId());
        KeyState state = key.keyState() == KeyState.PendingDeletion ? KeyState.PendingDeletion : KeyState.PendingImport;
        return key.withExpiry(null, null)
                .withCurrentVersion(0, key.onDemandRotations())
                .withState(state, key.deletionDate(), key.pendingWindowInDays());
    }

    private KeyRecord rotateWhileDue(StoreTransaction tx, KeyRecord key, Instant now) {
        Duration period = Duration.ofDays(key.rotationPeriodInDays());
        Instant next = key.nextRotationDate();
        for (int i = 0; i < MAX_CATCH_UP_ROTATIONS && !next.isAfter(now); i++) {
            key = Materials.addVersion(tx, key, RotationType.AUTOMATIC, next);
            next = next.plus(period);
        }
        if (!next.isAfter(now)) {
            next = now.plus(period);
        }
        return key.withRotation(true, key.rotationPeriodInDays(), next);
    }
}
