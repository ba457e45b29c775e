package io.keywarden.kms.store;

import io.keywarden.kms.api.ExpirationModelType;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyState;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.OriginType;
import io.keywarden.kms.api.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Everything the engine keeps about one key, apart from its key materials: an immutable value,
 * changed by copying ({@code with…}). {@code currentVersion} is the version of the newest key
 * material (0 while a key has none, as an EXTERNAL key pending import). {@code importedMaterialDigest}
 * identifies the material imported into an EXTERNAL key (SHA-256 over the key id and the material),
 * so that only the same material can be imported again after it was deleted or expired.
 */
public record KeyRecord(
        String keyId,
        String awsAccountId,
        String arn,
        Instant creationDate,
        String description,
        KeySpec keySpec,
        KeyUsage keyUsage,
        OriginType origin,
        KeyState keyState,
        Instant deletionDate,
        Integer pendingWindowInDays,
        boolean rotationEnabled,
        Integer rotationPeriodInDays,
        Instant nextRotationDate,
        int onDemandRotations,
        int currentVersion,
        Instant validTo,
        ExpirationModelType expirationModel,
        List<Tag> tags,
        String policy,
        String importedMaterialDigest) {

    public KeyRecord {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(keySpec, "keySpec");
        Objects.requireNonNull(keyUsage, "keyUsage");
        Objects.requireNonNull(keyState, "keyState");
        tags = tags == null ? List.of() : List.copyOf(tags);
        description = description == null ? "" : description;
    }

    /**
     * The earliest moment at which something happens to this key by itself: its deletion, its next
     * automatic rotation, or the expiry of its imported material; null when nothing is due. Stores
     * index it so the engine finds due keys without reading every key.
     */
    public Instant nextDueAt() {
        return Stream.of(
                        keyState == KeyState.PendingDeletion ? deletionDate : null,
                        rotationEnabled && keyState == KeyState.Enabled ? nextRotationDate : null,
                        expirationModel == ExpirationModelType.KEY_MATERIAL_EXPIRES ? validTo : null)
                .filter(Objects::nonNull)
                .min(Instant::compareTo)
                .orElse(null);
    }

    public KeyRecord withDescription(String value) {
        return new KeyRecord(keyId, awsAccountId, arn, creationDate, value, keySpec, keyUsage, origin, keyState,
                deletionDate, pendingWindowInDays, rotationEnabled, rotationPeriodInDays, nextRotationDate,
                onDemandRotations, currentVersion, validTo, expirationModel, tags, policy, importedMaterialDigest);
    }

    public KeyRecord withState(KeyState state, Instant deletion, Integer window) {
        return new KeyRecord(keyId, awsAccountId, arn, creationDate, description, keySpec, keyUsage, origin, state,
                deletion, window, rotationEnabled, rotationPeriodInDays, nextRotationDate,
                onDemandRotations, currentVersion, validTo, expirationModel, tags, policy, importedMaterialDigest);
    }

    public KeyRecord withRotation(boolean enabled, Integer periodInDays, Instant next) {
        return new KeyRecord(keyId, awsAccountId, arn, creationDate, description, keySpec, keyUsage, origin, keyState,
                deletionDate, pendingWindowInDays, enabled, periodInDays, next,
                onDemandRotations, currentVersion, validTo, expirationModel, tags, policy, importedMaterialDigest);
    }

    public KeyRecord withCurrentVersion(int version, int onDemandCount) {
        return new KeyRecord(keyId, awsAccountId, arn, creationDate, description, keySpec, keyUsage, origin, keyState,
                deletionDate, pendingWindowInDays, rotationEnabled, rotationPeriodInDays, nextRotationDate,
                onDemandCount, version, validTo, expirationModel, tags, policy, importedMaterialDigest);
    }

    public KeyRecord withExpiry(Instant until, ExpirationModelType model) {
        return new KeyRecord(keyId, awsAccountId, arn, creationDate, description, keySpec, keyUsage, origin, keyState,
                deletionDate, pendingWindowInDays, rotationEnabled, rotationPeriodInDays, nextRotationDate,
                onDemandRotations, currentVersion, until, model, tags, policy, importedMaterialDigest);
    }

    public KeyRecord withTags(List<Tag> value) {
        return new KeyRecord(keyId, awsAccountId, arn, creationDate, description, keySpec, keyUsage, origin, keyState,
                deletionDate, pendingWindowInDays, rotationEnabled, rotationPeriodInDays, nextRotationDate,
                onDemandRotations, currentVersion, validTo, expirationModel, value, policy, importedMaterialDigest);
    }

    public KeyRecord withPolicy(String value) {
        return new KeyRecord(keyId, awsAccountId, arn, creationDate, description, keySpec, keyUsage, origin, keyState,
                deletionDate, pendingWindowInDays, rotationEnabled, rotationPeriodInDays, nextRotationDate,
                onDemandRotations, currentVersion, validTo, expirationModel, tags, value, importedMaterialDigest);
    }

    public KeyRecord withImportedMaterialDigest(String value) {
        return new KeyRecord(keyId, awsAccountId, arn, creationDate, description, keySpec, keyUsage, origin, keyState,
                deletionDate, pendingWindowInDays, rotationEnabled, rotationPeriodInDays, nextRotationDate,
                onDemandRotations, currentVersion, validTo, expirationModel, tags, policy, value);
    }
}
