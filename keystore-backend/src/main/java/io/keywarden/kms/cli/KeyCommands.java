package io.keywarden.kms.cli;

import io.keywarden.kms.api.CancelKeyDeletionRequest;
import io.keywarden.kms.api.CreateKeyRequest;
import io.keywarden.kms.api.DescribeKeyRequest;
import io.keywarden.kms.api.DisableKeyRequest;
import io.keywarden.kms.api.EnableKeyRequest;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.ListKeysRequest;
import io.keywarden.kms.api.OriginType;
import io.keywarden.kms.api.ScheduleKeyDeletionRequest;
import io.keywarden.kms.api.UpdateKeyDescriptionRequest;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The key life-cycle operations. */
final class KeyCommands {

    private KeyCommands() {
    }

    @Command(name = "create-key", description = "Creates a KMS key: symmetric (the default), asymmetric or HMAC.")
    static final class CreateKey extends KmsOperation {
        @Option(names = "--policy", paramLabel = "TEXT", converter = TextArgument.class,
                description = "The key policy (JSON), or file://FILE. Stored as given.")
        String policy;

        @Option(names = "--description", paramLabel = "TEXT", converter = TextArgument.class,
                description = "A description of the key.")
        String description;

        @Option(names = "--key-usage", paramLabel = "USAGE",
                description = "What the key is for: ${COMPLETION-CANDIDATES} (default ENCRYPT_DECRYPT).")
        KeyUsage keyUsage;

        @Option(names = "--key-spec", paramLabel = "SPEC",
                description = "The type of key: ${COMPLETION-CANDIDATES} (default SYMMETRIC_DEFAULT).")
        KeySpec keySpec;

        @Option(names = "--origin", paramLabel = "ORIGIN",
                description = "Where the key material comes from: ${COMPLETION-CANDIDATES} (default AWS_KMS).")
        OriginType origin;

        @Option(names = "--tags", arity = "1..*", paramLabel = "TagKey=K,TagValue=V",
                description = "Tags for the key: TagKey=K,TagValue=V … or a JSON array.")
        List<String> tags;

        @Option(names = "--bypass-policy-lockout-safety-check", negatable = true,
                description = "Skips the key policy lockout check.")
        Boolean bypassPolicyLockoutSafetyCheck;

        @Option(names = "--multi-region", negatable = true, description = "Creates a multi-Region primary key.")
        Boolean multiRegion;

        @Override
        protected Object invoke(KmsBackend kms) {
            return kms.createKey(CreateKeyRequest.builder()
                    .policy(policy)
                    .description(description)
                    .keyUsage(keyUsage)
                    .keySpec(keySpec)
                    .origin(origin)
                    .tags(ListArguments.tags(spec, "--tags", tags))
                    .bypassPolicyLockoutSafetyCheck(bypassPolicyLockoutSafetyCheck)
                    .multiRegion(multiRegion)
                    .build());
        }
    }

    @Command(name = "describe-key", description = "Shows a key's metadata.")
    static final class DescribeKey extends KmsOperation {
        @Option(names = "--key-id", required = true, paramLabel = "KEY",
                description = "Key id, key ARN, alias name (alias/…) or alias ARN.")
        String keyId;

        @Option(names = "--grant-tokens", arity = "1..*", paramLabel = "TOKEN", description = "Grant tokens.")
        List<String> grantTokens;

        @Override
        protected Object invoke(KmsBackend kms) {
            return kms.describeKey(DescribeKeyRequest.builder()
                    .keyId(keyId)
                    .grantTokens(strings("--grant-tokens", grantTokens))
                    .build());
        }
    }

    @Command(name = "list-keys", description = "Lists the keys of the account: their ids and ARNs.")
    static final class ListKeys extends KmsOperation {
        @Option(names = "--limit", paramLabel = "N", description = "At most N keys (1-1000, default 100).")
        Integer limit;

        @Option(names = "--marker", paramLabel = "MARKER", description = "NextMarker of the previous page.")
        String marker;

        @Override
        protected Object invoke(KmsBackend kms) {
            return kms.listKeys(ListKeysRequest.builder().limit(limit).marker(marker).build());
        }
    }

    @Command(name = "update-key-description", description = "Replaces a key's description.")
    static final class UpdateKeyDescription extends KmsOperation {
        @Option(names = "--key-id", required = true, paramLabel = "KEY", description = "Key id or key ARN.")
        String keyId;

        @Option(names = "--description", required = true, paramLabel = "TEXT", converter = TextArgument.class,
                description = "The new description.")
        String description;

        @Override
        protected Object invoke(KmsBackend kms) {
            kms.updateKeyDescription(UpdateKeyDescriptionRequest.builder()
                    .keyId(keyId).description(description).build());
            return null;
        }
    }

    @Command(name = "enable-key", description = "Enables a key.")
    static final class EnableKey extends KmsOperation {
        @Option(names = "--key-id", required = true, paramLabel = "KEY", description = "Key id or key ARN.")
        String keyId;

        @Override
        protected Object invoke(KmsBackend kms) {
            kms.enableKey(EnableKeyRequest.builder().keyId(keyId).build());
            return null;
        }
    }

    @Command(name = "disable-key", description = "Disables a key: it cannot be used until enabled again.")
    static final class DisableKey extends KmsOperation {
        @Option(names = "--key-id", required = true, paramLabel = "KEY", description = "Key id or key ARN.")
        String keyId;

        @Override
        protected Object invoke(KmsBackend kms) {
            kms.disableKey(DisableKeyRequest.builder().keyId(keyId).build());
            return null;
        }
    }

    @Command(name = "schedule-key-deletion",
            description = "Schedules a key's deletion after a waiting period (7-30 days, default 30).")
    static final class ScheduleKeyDeletion extends KmsOperation {
        @Option(names = "--key-id", required = true, paramLabel = "KEY", description = "Key id or key ARN.")
        String keyId;

        @Option(names = "--pending-window-in-days", paramLabel = "DAYS",
                description = "The waiting period in days, 7-30 (default 30).")
        Integer pendingWindowInDays;

        @Override
        protected Object invoke(KmsBackend kms) {
            return kms.scheduleKeyDeletion(ScheduleKeyDeletionRequest.builder()
                    .keyId(keyId).pendingWindowInDays(pendingWindowInDays).build());
        }
    }

    @Command(name = "cancel-key-deletion",
            description = "Cancels a scheduled deletion; the key is then disabled.")
    static final class CancelKeyDeletion extends KmsOperation {
        @Option(names = "--key-id", required = true, paramLabel = "KEY", description = "Key id or key ARN.")
        String keyId;

        @Override
        protected Object invoke(KmsBackend kms) {
            return kms.cancelKeyDeletion(CancelKeyDeletionRequest.builder().keyId(keyId).build());
        }
    }
}
