package io.keywarden.kms.engine;

import io.keywarden.kms.api.KeyMetadata;
import io.keywarden.kms.api.KeyState;
import io.keywarden.kms.crypto.KeySpecStrategies;
import io.keywarden.kms.crypto.KeySpecStrategy;
import io.keywarden.kms.store.KeyRecord;
import java.util.List;

/** Builds AWS KMS's KeyMetadata of a key. */
final class KeyMetadataView {

    private KeyMetadataView() {
    }

    static KeyMetadata of(KeyRecord key) {
        KeySpecStrategy strategy = KeySpecStrategies.forSpec(key.keySpec());
        return new KeyMetadata(
                key.awsAccountId(),
                key.keyId(),
                key.arn(),
                key.creationDate(),
                key.keyState() == KeyState.Enabled,
                key.description(),
                key.keyUsage(),
                key.keyState(),
                key.keyState() == KeyState.PendingDeletion ? key.deletionDate() : null,
                key.validTo(),
                key.origin(),
                key.expirationModel(),
                "CUSTOMER",
                key.keySpec(),
                key.keySpec(),
                orNull(strategy.encryptionAlgorithms(key.keySpec(), key.keyUsage())),
                orNull(strategy.signingAlgorithms(key.keySpec(), key.keyUsage())),
                orNull(strategy.keyAgreementAlgorithms(key.keySpec(), key.keyUsage())),
                orNull(strategy.macAlgorithms(key.keySpec(), key.keyUsage())),
                false,
                key.keyState() == KeyState.PendingDeletion ? key.pendingWindowInDays() : null,
                key.currentVersion() > 0 ? Materials.keyMaterialId(key.keyId(), key.currentVersion()) : null);
    }

    private static <T> List<T> orNull(List<T> list) {
        return list.isEmpty() ? null : list;
    }
}
