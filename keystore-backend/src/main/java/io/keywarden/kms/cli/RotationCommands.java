package io.keywarden.kms.cli;

import io.keywarden.kms.api.DisableKeyRotationRequest;
import io.keywarden.kms.api.EnableKeyRotationRequest;
import io.keywarden.kms.api.GetKeyRotationStatusRequest;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.ListKeyRotationsRequest;
import io.keywarden.kms.api.RotateKeyOnDemandRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Key rotation: automatic, on demand, and its history. */
final class RotationCommands {

    private RotationCommands() {
    }

    @Command(name = "enable-key-rotation", description = "Turns on automatic rotation of a symmetric or HMAC key.")
    static final class EnableKeyRotation extends KmsOperation {
        @Option(names = "--key-id", required = true, paramLabel = "KEY", description = "Key id or key ARN.")
        String keyId;

        @Option(names = "--rotation-period-in-days", paramLabel = "DAYS",
                description = "Days between rotations, 90-2560 (default 365).")
        Integer rotationPeriodInDays;

        @Override
        protected Object invoke(KmsBackend kms) {
            kms.enableKeyRotation(EnableKeyRotationRequest.builder()
                    .keyId(keyId).rotationPeriodInDays(rotationPeriodInDays).build());
            return null;
        }
    }

    @Command(name = "disable-key-rotation", description = "Turns off automatic rotation of a key.")
    static final class DisableKeyRotation extends KmsOperation {
        @Option(names = "--key-id", required = true, paramLabel = "KEY", description = "Key id or key ARN.")
        String keyId;

        @Override
        protected Object invoke(KmsBackend kms) {
            kms.disableKeyRotation(DisableKeyRotationRequest.builder().keyId(keyId).build());
            return null;
        }
    }

    @Command(name = "get-key-rotation-status",
            description = "Tells whether automatic rotation is on, its period and the next rotation date.")
    static final class GetKeyRotationStatus extends KmsOperation {
        @Option(names = "--key-id", required = true, paramLabel = "KEY", description = "Key id or key ARN.")
        String keyId;

        @Override
        protected Object invoke(KmsBackend kms) {
            return kms.getKeyRotationStatus(GetKeyRotationStatusRequest.builder().keyId(keyId).build());
        }
    }

    @Command(name = "rotate-key-on-demand",
            description = "Rotates a key's material now; ciphertexts under the old material still decrypt.")
    static final class RotateKeyOnDemand extends KmsOperation {
        @Option(names = "--key-id", required = true, paramLabel = "KEY", description = "Key id or key ARN.")
        String keyId;

        @Override
        protected Object invoke(KmsBackend kms) {
            return kms.rotateKeyOnDemand(RotateKeyOnDemandRequest.builder().keyId(keyId).build());
        }
    }

    @Command(name = "list-key-rotations", description = "Lists a key's completed rotations.")
    static final class ListKeyRotations extends KmsOperation {
        @Option(names = "--key-id", required = true, paramLabel = "KEY", description = "Key id or key ARN.")
        String keyId;

        @Option(names = "--limit", paramLabel = "N", description = "At most N entries (1-1000, default 100).")
        Integer limit;

        @Option(names = "--marker", paramLabel = "MARKER", description = "NextMarker of the previous page.")
        String marker;

        @Override
        protected Object invoke(KmsBackend kms) {
            return kms.listKeyRotations(ListKeyRotationsRequest.builder()
                    .keyId(keyId).limit(limit).marker(marker).build());
        }
    }
}
