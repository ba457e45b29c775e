package io.keywarden.kms.engine;

import io.keywarden.kms.api.CancelKeyDeletionRequest;
import io.keywarden.kms.api.CancelKeyDeletionResponse;
import io.keywarden.kms.api.CreateAliasRequest;
import io.keywarden.kms.api.CreateKeyRequest;
import io.keywarden.kms.api.CreateKeyResponse;
import io.keywarden.kms.api.DecryptRequest;
import io.keywarden.kms.api.DecryptResponse;
import io.keywarden.kms.api.DeleteAliasRequest;
import io.keywarden.kms.api.DeleteImportedKeyMaterialRequest;
import io.keywarden.kms.api.DeriveSharedSecretRequest;
import io.keywarden.kms.api.DeriveSharedSecretResponse;
import io.keywarden.kms.api.DescribeKeyRequest;
import io.keywarden.kms.api.DescribeKeyResponse;
import io.keywarden.kms.api.DirectDecryptRequest;
import io.keywarden.kms.api.DirectDecryptResponse;
import io.keywarden.kms.api.DirectEncryptRequest;
import io.keywarden.kms.api.DirectEncryptResponse;
import io.keywarden.kms.api.DirectUnwrapKeyRequest;
import io.keywarden.kms.api.DirectUnwrapKeyResponse;
import io.keywarden.kms.api.DirectWrapKeyRequest;
import io.keywarden.kms.api.DirectWrapKeyResponse;
import io.keywarden.kms.api.DisableKeyRequest;
import io.keywarden.kms.api.DisableKeyRotationRequest;
import io.keywarden.kms.api.EnableKeyRequest;
import io.keywarden.kms.api.EnableKeyRotationRequest;
import io.keywarden.kms.api.EncryptRequest;
import io.keywarden.kms.api.EncryptResponse;
import io.keywarden.kms.api.GenerateDataKeyPairRequest;
import io.keywarden.kms.api.GenerateDataKeyPairResponse;
import io.keywarden.kms.api.GenerateDataKeyPairWithoutPlaintextRequest;
import io.keywarden.kms.api.GenerateDataKeyPairWithoutPlaintextResponse;
import io.keywarden.kms.api.GenerateDataKeyRequest;
import io.keywarden.kms.api.GenerateDataKeyResponse;
import io.keywarden.kms.api.GenerateDataKeyWithoutPlaintextRequest;
import io.keywarden.kms.api.GenerateDataKeyWithoutPlaintextResponse;
import io.keywarden.kms.api.GenerateMacRequest;
import io.keywarden.kms.api.GenerateMacResponse;
import io.keywarden.kms.api.GenerateRandomRequest;
import io.keywarden.kms.api.GenerateRandomResponse;
import io.keywarden.kms.api.GetKeyRotationStatusRequest;
import io.keywarden.kms.api.GetKeyRotationStatusResponse;
import io.keywarden.kms.api.GetParametersForImportRequest;
import io.keywarden.kms.api.GetParametersForImportResponse;
import io.keywarden.kms.api.GetPublicKeyRequest;
import io.keywarden.kms.api.GetPublicKeyResponse;
import io.keywarden.kms.api.ImportKeyMaterialRequest;
import io.keywarden.kms.api.ImportKeyMaterialResponse;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.ListAliasesRequest;
import io.keywarden.kms.api.ListAliasesResponse;
import io.keywarden.kms.api.ListKeyRotationsRequest;
import io.keywarden.kms.api.ListKeyRotationsResponse;
import io.keywarden.kms.api.ListKeysRequest;
import io.keywarden.kms.api.ListKeysResponse;
import io.keywarden.kms.api.ListResourceTagsRequest;
import io.keywarden.kms.api.ListResourceTagsResponse;
import io.keywarden.kms.api.ReEncryptRequest;
import io.keywarden.kms.api.ReEncryptResponse;
import io.keywarden.kms.api.RotateKeyOnDemandRequest;
import io.keywarden.kms.api.RotateKeyOnDemandResponse;
import io.keywarden.kms.api.ScheduleKeyDeletionRequest;
import io.keywarden.kms.api.ScheduleKeyDeletionResponse;
import io.keywarden.kms.api.SignRequest;
import io.keywarden.kms.api.SignResponse;
import io.keywarden.kms.api.TagResourceRequest;
import io.keywarden.kms.api.UntagResourceRequest;
import io.keywarden.kms.api.UpdateAliasRequest;
import io.keywarden.kms.api.UpdateKeyDescriptionRequest;
import io.keywarden.kms.api.VerifyMacRequest;
import io.keywarden.kms.api.VerifyMacResponse;
import io.keywarden.kms.api.VerifyRequest;
import io.keywarden.kms.api.VerifyResponse;
import io.keywarden.kms.store.KmsStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The embedded KMS engine: AWS KMS's operations on a {@link KmsStore}. Each operation is handled
 * by the group it belongs to (keys, rotation, aliases, tags, encryption, signing, imports); the
 * cryptography of each key spec family is a {@link io.keywarden.kms.crypto.KeySpecStrategy}.
 * Time comes from the injected {@link Clock}, so tests can move it. Thread-safe.
 */
public final class KmsEngine implements KmsBackend {

    private final EngineContext ctx;
    private final boolean ownsStore;
    private final KeyManagementOperations keys;
    private final RotationOperations rotation;
    private final AliasOperations aliases;
    private final TagOperations tags;
    private final EncryptionOperations encryption;
    private final SigningOperations signing;
    private ImportOperations imports;
    private final DirectOperations direct;
    private ScheduledExecutorService maintenance;

    public KmsEngine(KmsStore store, Clock clock, EngineSettings settings) {
        this(store, clock, settings, true);
    }

    /** @param ownsStore whether {@link #close()} closes the store */
    public KmsEngine(KmsStore store, Clock clock, EngineSettings settings, boolean ownsStore) {
        this.ctx = new EngineContext(store, clock, settings, new SecureRandom());
        this.ownsStore = ownsStore;
        this.keys = new KeyManagementOperations(ctx);
        this.rotation = new RotationOperations(ctx);
        this.aliases = new AliasOperations(ctx);
        this.tags = new TagOperations(ctx);
        this.encryption = new EncryptionOperations(ctx);
        this.signing = new SigningOperations(ctx);
        this.imports = new ImportOperations(ctx);
        this.direct = new DirectOperations(ctx);
    }

    /**
     * An engine whose GetParametersForImport takes wrapping key pairs from {@code wrappingKeys}
     * (test harnesses that import many keys use {@link WrappingKeyPairs#reusedForTests()}).
     */
    public KmsEngine(KmsStore store, Clock clock, EngineSettings settings, boolean ownsStore,
            WrappingKeyPairs wrappingKeys) {
        this(store, clock, settings, ownsStore);
        this.imports = new ImportOperations(ctx, wrappingKeys);
    }

    /**
     * Applies every task that is due now (deletions, automatic rotations, expiry of imported
     * material) to every key; returns how many keys had one. Operations on a key also apply its
     * own due tasks first, so this only matters for keys nobody touches.
     */
    public int runDueTasks() {
        return ctx.lifecycle.settleAllDue();
    }

    /**
     * Starts a daemon thread that calls {@link #runDueTasks()} every {@code interval}, so keys
     * rotate and are deleted on time even when nobody uses them; stopped by {@link #close()}.
     */
    public synchronized void startMaintenance(Duration interval) {
        if (maintenance != null) {
            return;
        }
        maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "keywarden-maintenance");
            t.setDaemon(true);
            return t;
        });
        long millis = interval.toMillis();
        maintenance.scheduleWithFixedDelay(() -> {
            try {
                runDueTasks();
            } catch (RuntimeException e) {
                // The next round tries again; operations on a key settle its own due tasks anyway.
                System.getLogger("io.keywarden.kms").log(System.Logger.Level.WARNING,
                        "due-task maintenance failed: " + e.getClass().getSimpleName());
            }
        }, 0, millis, TimeUnit.MILLISECONDS);
    }

    public EngineSettings settings() {
        return ctx.settings;
    }

    @Override
    public CreateKeyResponse createKey(CreateKeyRequest request) {
        return keys.createKey(request);
    }

    @Override
    public DescribeKeyResponse describeKey(DescribeKeyRequest request) {
        return keys.describeKey(request);
    }

    @Override
    public ListKeysResponse listKeys(ListKeysRequest request) {
        return keys.listKeys(request);
    }

    @Override
    public void updateKeyDescription(UpdateKeyDescriptionRequest request) {
        keys.updateKeyDescription(request);
    }

    @Override
    public void enableKey(EnableKeyRequest request) {
        keys.enableKey(request);
    }

    @Override
    public void disableKey(DisableKeyRequest request) {
        keys.disableKey(request);
    }

    @Override
    public ScheduleKeyDeletionResponse scheduleKeyDeletion(ScheduleKeyDeletionRequest request) {
        return keys.scheduleKeyDeletion(request);
    }

    @Override
    public CancelKeyDeletionResponse cancelKeyDeletion(CancelKeyDeletionRequest request) {
        return keys.cancelKeyDeletion(request);
    }

    @Override
    public void enableKeyRotation(EnableKeyRotationRequest request) {
        rotation.enableKeyRotation(request);
    }

    @Override
    public void disableKeyRotation(DisableKeyRotationRequest request) {
        rotation.disableKeyRotation(request);
    }

    @Override
    public GetKeyRotationStatusResponse getKeyRotationStatus(GetKeyRotationStatusRequest request) {
        return rotation.getKeyRotationStatus(request);
    }

    @Override
    public RotateKeyOnDemandResponse rotateKeyOnDemand(RotateKeyOnDemandRequest request) {
        return rotation.rotateKeyOnDemand(request);
    }

    @Override
    public ListKeyRotationsResponse listKeyRotations(ListKeyRotationsRequest request) {
        return rotation.listKeyRotations(request);
    }

    @Override
    public void createAlias(CreateAliasRequest request) {
        aliases.createAlias(request);
    }

    @Override
    public void updateAlias(UpdateAliasRequest request) {
        aliases.updateAlias(request);
    }

    @Override
    public void deleteAlias(DeleteAliasRequest request) {
        aliases.deleteAlias(request);
    }

    @Override
    public ListAliasesResponse listAliases(ListAliasesRequest request) {
        return aliases.listAliases(request);
    }

    @Override
    public void tagResource(TagResourceRequest request) {
        tags.tagResource(request);
    }

    @Override
    public void untagResource(UntagResourceRequest request) {
        tags.untagResource(request);
    }

    @Override
    public ListResourceTagsResponse listResourceTags(ListResourceTagsRequest request) {
        return tags.listResourceTags(request);
    }

    @Override
    public EncryptResponse encrypt(EncryptRequest request) {
        return encryption.encrypt(request);
    }

    @Override
    public DecryptResponse decrypt(DecryptRequest request) {
        return encryption.decrypt(request);
    }

    @Override
    public ReEncryptResponse reEncrypt(ReEncryptRequest request) {
        return encryption.reEncrypt(request);
    }

    @Override
    public GenerateDataKeyResponse generateDataKey(GenerateDataKeyRequest request) {
        return encryption.generateDataKey(request);
    }

    @Override
    public GenerateDataKeyWithoutPlaintextResponse generateDataKeyWithoutPlaintext(GenerateDataKeyWithoutPlaintextRequest request) {
        return encryption.generateDataKeyWithoutPlaintext(request);
    }

    @Override
    public GenerateDataKeyPairResponse generateDataKeyPair(GenerateDataKeyPairRequest request) {
        return encryption.generateDataKeyPair(request);
    }

    @Override
    public GenerateDataKeyPairWithoutPlaintextResponse generateDataKeyPairWithoutPlaintext(GenerateDataKeyPairWithoutPlaintextRequest request) {
        return encryption.generateDataKeyPairWithoutPlaintext(request);
    }

    @Override
    public SignResponse sign(SignRequest request) {
        return signing.sign(request);
    }

    @Override
    public VerifyResponse verify(VerifyRequest request) {
        return signing.verify(request);
    }

    @Override
    public GetPublicKeyResponse getPublicKey(GetPublicKeyRequest request) {
        return signing.getPublicKey(request);
    }

    @Override
    public GenerateMacResponse generateMac(GenerateMacRequest request) {
        return signing.generateMac(request);
    }

    @Override
    public VerifyMacResponse verifyMac(VerifyMacRequest request) {
        return signing.verifyMac(request);
    }

    @Override
    public GenerateRandomResponse generateRandom(GenerateRandomRequest request) {
        return signing.generateRandom(request);
    }

    @Override
    public DeriveSharedSecretResponse deriveSharedSecret(DeriveSharedSecretRequest request) {
        return signing.deriveSharedSecret(request);
    }

    @Override
    public GetParametersForImportResponse getParametersForImport(GetParametersForImportRequest request) {
        return imports.getParametersForImport(request);
    }

    @Override
    public ImportKeyMaterialResponse importKeyMaterial(ImportKeyMaterialRequest request) {
        return imports.importKeyMaterial(request);
    }

    @Override
    public void deleteImportedKeyMaterial(DeleteImportedKeyMaterialRequest request) {
        imports.deleteImportedKeyMaterial(request);
    }

    /** Keywarden extension: see {@link KmsBackend#directEncrypt}. */
    @Override
    public DirectEncryptResponse directEncrypt(DirectEncryptRequest request) {
        return direct.directEncrypt(request);
    }

    /** Keywarden extension: see {@link KmsBackend#directDecrypt}. */
    @Override
    public DirectDecryptResponse directDecrypt(DirectDecryptRequest request) {
        return direct.directDecrypt(request);
    }

    /** Keywarden extension: see {@link KmsBackend#directWrapKey}. */
    @Override
    public DirectWrapKeyResponse directWrapKey(DirectWrapKeyRequest request) {
        return direct.directWrapKey(request);
    }

    /** Keywarden extension: see {@link KmsBackend#directUnwrapKey}. */
    @Override
    public DirectUnwrapKeyResponse directUnwrapKey(DirectUnwrapKeyRequest request) {
        return direct.directUnwrapKey(request);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (maintenance != null) {
                maintenance.shutdownNow();
                maintenance = null;
            }
        }
        if (ownsStore) {
            ctx.store.close();
        }
    }
}
