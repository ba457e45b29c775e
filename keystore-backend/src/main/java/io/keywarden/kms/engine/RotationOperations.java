package io.keywarden.kms.engine;

import io.keywarden.kms.api.DisableKeyRotationRequest;
import io.keywarden.kms.api.EnableKeyRotationRequest;
import io.keywarden.kms.api.GetKeyRotationStatusRequest;
import io.keywarden.kms.api.GetKeyRotationStatusResponse;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyState;
import io.keywarden.kms.api.ListKeyRotationsRequest;
import io.keywarden.kms.api.ListKeyRotationsResponse;
import io.keywarden.kms.api.OriginType;
import io.keywarden.kms.api.RotateKeyOnDemandRequest;
import io.keywarden.kms.api.RotateKeyOnDemandResponse;
import io.keywarden.kms.api.RotationsListEntry;
import io.keywarden.kms.api.errors.KmsUnsupportedOperationException;
import io.keywarden.kms.api.errors.LimitExceededException;
import io.keywarden.kms.store.KeyRecord;
import io.keywarden.kms.store.MaterialRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Automatic and on-demand rotation of symmetric keys whose material the service generated. Every
 * old material stays, so what it encrypted still decrypts; new encryptions use the newest.
 */
final class RotationOperations {

    static final int MIN_PERIOD_DAYS = 90;
    static final int MAX_PERIOD_DAYS = 2560;
    static final int DEFAULT_PERIOD_DAYS = 365;
    static final int MAX_ON_DEMAND_ROTATIONS = 25;

    private final EngineContext ctx;

    RotationOperations(EngineContext ctx) {
        this.ctx = ctx;
    }

    void enableKeyRotation(EnableKeyRotationRequest request) {
        int days = Validate.range(request.rotationPeriodInDays(), "rotationPeriodInDays",
                MIN_PERIOD_DAYS, MAX_PERIOD_DAYS, DEFAULT_PERIOD_DAYS);
        ctx.writeKey(Operation.ENABLE_KEY_ROTATION, request.keyId(), (tx, key) -> {
            requireRotatable(key);
            Instant next = ctx.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.MILLIS);
            tx.putKey(key.withRotation(true, days, next));
            return null;
        });
    }

    void disableKeyRotation(DisableKeyRotationRequest request) {
        ctx.writeKey(Operation.DISABLE_KEY_ROTATION, request.keyId(), (tx, key) -> {
            requireRotatable(key);
            tx.putKey(key.withRotation(false, null, null));
            return null;
        });
    }

    GetKeyRotationStatusResponse getKeyRotationStatus(GetKeyRotationStatusRequest request) {
        return ctx.readKey(Operation.GET_KEY_ROTATION_STATUS, request.keyId(), (tx, key) -> {
            // While a key is pending deletion its status reads false; cancelling the deletion restores it.
            boolean enabled = key.rotationEnabled() && key.keyState() != KeyState.PendingDeletion;
            return new GetKeyRotationStatusResponse(enabled, key.arn(),
                    enabled ? key.rotationPeriodInDays() : null,
                    enabled ? key.nextRotationDate() : null, null);
        });
    }

    RotateKeyOnDemandResponse rotateKeyOnDemand(RotateKeyOnDemandRequest request) {
        return ctx.writeKey(Operation.ROTATE_KEY_ON_DEMAND, request.keyId(), (tx, key) -> {
            requireRotatable(key);
            if (key.onDemandRotations() >= MAX_ON_DEMAND_ROTATIONS) {
                throw new LimitExceededException("The key " + key.arn() + " has reached the limit of "
                        + MAX_ON_DEMAND_ROTATIONS + " on-demand rotations.");
            }
            tx.putKey(Materials.addVersion(tx, key, io.keywarden.kms.api.RotationType.ON_DEMAND,
                    ctx.now().truncatedTo(ChronoUnit.MILLIS)));
            return new RotateKeyOnDemandResponse(key.arn());
        });
    }

    ListKeyRotationsResponse listKeyRotations(ListKeyRotationsRequest request) {
        int limit = Paging.limit(request.limit());
        String after = Paging.after(request.marker());
        return ctx.readKey(Operation.LIST_KEY_ROTATIONS, request.keyId(), (tx, key) -> {
            // A symmetric key with imported material has key materials too (none rotated here): listing
            // them is allowed in every key state, PendingImport included, as AWS's key state table says.
            if (key.keySpec() != KeySpec.SYMMETRIC_DEFAULT) {
                requireRotatable(key);
            }
            int afterVersion = after == null ? 0 : parseVersion(after);
            List<MaterialRecord> rotations = tx.listMaterials(key.keyId()).stream()
                    .filter(m -> m.rotationType() != null && m.version() > afterVersion)
                    .limit(limit + 1L)
                    .toList();
            Paging.Page<MaterialRecord> page = Paging.page(rotations, limit, m -> Integer.toString(m.version()));
            List<RotationsListEntry> entries = page.items().stream()
                    .map(m -> new RotationsListEntry(key.arn(), m.keyMaterialId(), m.createdAt(), m.rotationType()))
                    .toList();
            return new ListKeyRotationsResponse(entries, page.nextMarker(), page.truncated());
        });
    }

    private static int parseVersion(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new io.keywarden.kms.api.errors.InvalidMarkerException("Invalid marker");
        }
    }

    private void requireRotatable(KeyRecord key) {
        if (key.keySpec() != KeySpec.SYMMETRIC_DEFAULT || key.origin() != OriginType.AWS_KMS) {
            throw new KmsUnsupportedOperationException(key.arn() + " origin is " + key.origin() + " and key spec is "
                    + key.keySpec() + ": rotation is supported only for symmetric encryption keys with AWS_KMS origin.");
        }
    }
}
