package io.keywarden.kms.engine;

import io.keywarden.kms.api.CancelKeyDeletionRequest;
import io.keywarden.kms.api.CancelKeyDeletionResponse;
import io.keywarden.kms.api.CreateKeyRequest;
import io.keywarden.kms.api.CreateKeyResponse;
import io.keywarden.kms.api.DescribeKeyRequest;
import io.keywarden.kms.api.DescribeKeyResponse;
import io.keywarden.kms.api.DisableKeyRequest;
import io.keywarden.kms.api.EnableKeyRequest;
import io.keywarden.kms.api.KeyListEntry;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyState;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.ListKeysRequest;
import io.keywarden.kms.api.ListKeysResponse;
import io.keywarden.kms.api.OriginType;
import io.keywarden.kms.api.ScheduleKeyDeletionRequest;
import io.keywarden.kms.api.ScheduleKeyDeletionResponse;
import io.keywarden.kms.api.Tag;
import io.keywarden.kms.api.UpdateKeyDescriptionRequest;
import io.keywarden.kms.api.errors.KmsUnsupportedOperationException;
import io.keywarden.kms.api.errors.LimitExceededException;
import io.keywarden.kms.api.errors.ValidationException;
import io.keywarden.kms.crypto.KeySpecStrategies;
import io.keywarden.kms.store.KeyRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** CreateKey, DescribeKey, ListKeys, UpdateKeyDescription, Enable/DisableKey, Schedule/CancelKeyDeletion. */
final class KeyManagementOperations {

    static final int MAX_DESCRIPTION = 8192;
    static final int MAX_POLICY = 32_768;

    private final EngineContext ctx;

    KeyManagementOperations(EngineContext ctx) {
        this.ctx = ctx;
    }

    CreateKeyResponse createKey(CreateKeyRequest request) {
        KeySpec spec = request.keySpec() == null ? KeySpec.SYMMETRIC_DEFAULT : request.keySpec();
        KeyUsage usage = usageOf(spec, request.keyUsage());
        OriginType origin = request.origin() == null ? OriginType.AWS_KMS : request.origin();
        if (Boolean.TRUE.equals(request.multiRegion())) {
            throw new KmsUnsupportedOperationException("Multi-Region keys are not supported by this service.");
        }
        if (origin != OriginType.EXTERNAL && spec.isKeywardenExtension()) {
            throw new KmsUnsupportedOperationException("Key spec " + spec + " is a Keywarden extension for imported "
                    + "key material only: create it with Origin EXTERNAL.");
        }
        if (origin == OriginType.EXTERNAL && spec.name().startsWith("ML_DSA")) {
            throw new KmsUnsupportedOperationException("Imported key material is not supported for " + spec + " keys.");
        }
        String description = Validate.length(request.description(), "description", 0, MAX_DESCRIPTION);
        String policy = Validate.length(request.policy(), "policy", 1, MAX_POLICY);
        io.keywarden.kms.policy.PolicyDocument parsedPolicy = policy == null ? null
                : PolicyOperations.parseKeyPolicy(policy);
        boolean bypass = Boolean.TRUE.equals(request.bypassPolicyLockoutSafetyCheck());
        List<Tag> tags = Tags.merge(List.of(), request.tags() == null ? List.of() : request.tags());
        String keyId = UUID.randomUUID().toString();
        Instant now = ctx.now().truncatedTo(ChronoUnit.MILLIS);
        KeyRecord created = ctx.store.write(tx -> {
            ctx.authorizeAccount(tx, Operation.CREATE_KEY);
            if (tx.countKeys(ctx.settings.account()) >= ctx.settings.keysPerAccount()) {
                throw new LimitExceededException("The request was rejected because a quota was exceeded: "
                        + ctx.settings.keysPerAccount() + " keys per account.");
            }
            KeyRecord key = new KeyRecord(keyId, ctx.settings.account(), ctx.settings.keyArn(keyId), now,
                    description, spec, usage, origin,
                    origin == OriginType.EXTERNAL ? KeyState.PendingImport : KeyState.Enabled,
                    null, null, false, null, null, 0, 0, null, null, tags,
                    policy == null ? DefaultKeyPolicy.forAccount(ctx.settings.account()) : policy, null);
            if (parsedPolicy != null && !bypass) {
                ctx.authorizer.checkLockout(tx, ctx.call, parsedPolicy, key);
            }
            tx.putKey(key);
            if (origin == OriginType.AWS_KMS) {
                key = Materials.addVersion(tx, key, null, now);
                tx.putKey(key);
            }
            return key;
        });
        return new CreateKeyResponse(KeyMetadataView.of(created));
    }

    private static KeyUsage usageOf(KeySpec spec, KeyUsage requested) {
        if (requested == null) {
            if (spec == KeySpec.SYMMETRIC_DEFAULT || spec.name().startsWith("RSA")) {
                return KeyUsage.ENCRYPT_DECRYPT;
            }
            throw new ValidationException("You must specify a KeyUsage value for all KMS keys except for symmetric "
                    + "encryption keys and RSA keys.");
        }
        if (!KeySpecStrategies.forSpec(spec).usages(spec).contains(requested)) {
            throw new ValidationException("KeyUsage " + requested + " is not compatible with KeySpec " + spec + ".");
        }
        return requested;
    }

    DescribeKeyResponse describeKey(DescribeKeyRequest request) {
        return ctx.readKey(Operation.DESCRIBE_KEY, request.keyId(),
                (tx, key) -> new DescribeKeyResponse(KeyMetadataView.of(key)));
    }

    ListKeysResponse listKeys(ListKeysRequest request) {
        int limit = Paging.limit(request.limit());
        String after = Paging.after(request.marker());
        List<KeyRecord> fetched = ctx.store.read(tx -> {
            ctx.authorizeAccount(tx, Operation.LIST_KEYS);
            return tx.listKeys(after, limit + 1);
        });
        Paging.Page<KeyRecord> page = Paging.page(fetched, limit, KeyRecord::keyId);
        List<KeyListEntry> entries = page.items().stream().map(k -> new KeyListEntry(k.keyId(), k.arn())).toList();
        return new ListKeysResponse(entries, page.nextMarker(), page.truncated());
    }

    void updateKeyDescription(UpdateKeyDescriptionRequest request) {
        String description = Validate.required(request.description(), "description");
        Validate.length(description, "description", 0, MAX_DESCRIPTION);
        ctx.writeKey(Operation.UPDATE_KEY_DESCRIPTION, request.keyId(), (tx, key) -> {
            tx.putKey(key.withDescription(description));
            return null;
        });
    }

    void enableKey(EnableKeyRequest request) {
        ctx.writeKey(Operation.ENABLE_KEY, request.keyId(), (tx, key) -> {
            tx.putKey(key.withState(KeyState.Enabled, null, null));
            // A key whose rotation fell due while it was disabled rotates as soon as it is enabled again.
            ctx.lifecycle.settle(tx, key.keyId());
            return null;
        });
    }

    void disableKey(DisableKeyRequest request) {
        ctx.writeKey(Operation.DISABLE_KEY, request.keyId(), (tx, key) -> {
            tx.putKey(key.withState(KeyState.Disabled, null, null));
            return null;
        });
    }

    ScheduleKeyDeletionResponse scheduleKeyDeletion(ScheduleKeyDeletionRequest request) {
        int days = Validate.range(request.pendingWindowInDays(), "pendingWindowInDays", 7, 30, 30);
        return ctx.writeKey(Operation.SCHEDULE_KEY_DELETION, request.keyId(), (tx, key) -> {
            Instant deletionDate = ctx.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.MILLIS);
            tx.putKey(key.withState(KeyState.PendingDeletion, deletionDate, days));
            return new ScheduleKeyDeletionResponse(key.arn(), deletionDate, KeyState.PendingDeletion, days);
        });
    }

    CancelKeyDeletionResponse cancelKeyDeletion(CancelKeyDeletionRequest request) {
        return ctx.writeKey(Operation.CANCEL_KEY_DELETION, request.keyId(), (tx, key) -> {
            KeyState back = key.origin() == OriginType.EXTERNAL && key.currentVersion() == 0
                    ? KeyState.PendingImport : KeyState.Disabled;
            tx.putKey(key.withState(back, null, null));
            return new CancelKeyDeletionResponse(key.arn());
        });
    }
}
