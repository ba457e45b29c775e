package io.keywarden.provider.generator;

import io.keywarden.kms.api.CreateAliasRequest;
import io.keywarden.kms.api.CreateKeyRequest;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.ScheduleKeyDeletionRequest;
import io.keywarden.kms.api.Tag;
import io.keywarden.kms.api.errors.KmsException;
import io.keywarden.provider.JcaErrors;
import io.keywarden.provider.KeywardenRuntime;
import io.keywarden.provider.KmsKey;
import io.keywarden.provider.KmsKeyGenParameterSpec;
import io.keywarden.provider.KmsKeys;
import java.security.InvalidKeyException;
import java.security.ProviderException;
import java.util.List;

/** CreateKey (and CreateAlias) for the generators; failures are ProviderExceptions. */
final class KeyCreation {

    private KeyCreation() {
    }

    /** Creates the key, its alias if the spec names one, and returns its handle. */
    static KmsKey create(KeywardenRuntime runtime, KeySpec keySpec, KeyUsage usage, KmsKeyGenParameterSpec spec) {
        KmsBackend kms = runtime.backend();
        List<Tag> tags = spec == null ? null
                : spec.tags().entrySet().stream().map(e -> new Tag(e.getKey(), e.getValue())).toList();
        String keyId;
        try {
            keyId = kms.createKey(CreateKeyRequest.builder().keySpec(keySpec).keyUsage(usage)
                    .description(spec == null ? null : spec.description())
                    .policy(spec == null ? null : spec.policy())
                    .tags(tags == null || tags.isEmpty() ? null : tags)
                    .build()).keyMetadata().keyId();
        } catch (KmsException e) {
            throw JcaErrors.provider(e);
        }
        try {
            if (spec != null && spec.alias() != null) {
                kms.createAlias(CreateAliasRequest.builder().aliasName(spec.kmsAliasName()).targetKeyId(keyId).build());
            }
            return KmsKeys.handle(runtime, keyId);
        } catch (KmsException | InvalidKeyException e) {
            abandon(kms, keyId);
            throw e instanceof KmsException ke ? JcaErrors.provider(ke)
                    : new ProviderException("The new key " + keyId + " cannot be used", e);
        }
    }

    private static void abandon(KmsBackend kms, String keyId) {
        try {
            kms.scheduleKeyDeletion(ScheduleKeyDeletionRequest.builder().keyId(keyId).pendingWindowInDays(7).build());
        } catch (KmsException ignored) {
            // the generation already failed
        }
    }
}
