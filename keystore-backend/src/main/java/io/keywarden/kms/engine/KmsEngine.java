package io.keywarden.kms.engine;

import io.keywarden.kms.api.CreateGrantRequest;
import io.keywarden.kms.api.CreateGrantResponse;
import io.keywarden.kms.api.GrantConstraints;
import io.keywarden.kms.api.ListGrantsRequest;
import io.keywarden.kms.api.ListGrantsResponse;
import io.keywarden.kms.api.ListRetirableGrantsRequest;
import io.keywarden.kms.api.RetireGrantRequest;
import io.keywarden.kms.api.RevokeGrantRequest;
import io.keywarden.kms.api.CancelKeyDeletionRequest;
import io.keywarden.kms.api.CancelKeyDeletionResponse;
import io.keywarden.kms.api.CreateAliasRequest;
import io.keywarden.kms.api.CreateKeyRequest;
import io.keywarden.kms.api.CreateKeyResponse;
import io.keywarden.kms.api.DecryptRequest;
import io.keywarden.kms.api.DecryptResponse;
import io.keywarden.kms.api.DeleteAliasRequest;
import io.keywarden.kms.api.DeleteCertificateEntryRequest;
import io.keywarden.kms.api.GetCertificateEntryRequest;
import io.keywarden.kms.api.GetCertificateEntryResponse;
import io.keywarden.kms.api.ListCertificateEntriesRequest;
import io.keywarden.kms.api.ListCertificateEntriesResponse;
import io.keywarden.kms.api.PutCertificateEntryRequest;
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
import io.keywarden.kms.api.Caller;
import io.keywarden.kms.api.EncryptionAlgorithmSpec;
import io.keywarden.kms.api.GetIdentityPolicyRequest;
import io.keywarden.kms.api.GetIdentityPolicyResponse;
import io.keywarden.kms.api.GetKeyPolicyRequest;
import io.keywarden.kms.api.GetKeyPolicyResponse;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.MacSession;
import io.keywarden.kms.api.OpenMacSessionRequest;
import io.keywarden.kms.api.ListKeyPoliciesRequest;
import io.keywarden.kms.api.ListKeyPoliciesResponse;
import io.keywarden.kms.api.PutIdentityPolicyRequest;
import io.keywarden.kms.api.PutKeyPolicyRequest;
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
import io.keywarden.kms.audit.AuditedCall;
import io.keywarden.kms.config.ServiceSettings;
import io.keywarden.kms.store.KmsStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The embedded KMS engine: AWS KMS's operations on a {@link KmsStore}. Each operation is handled
 * by the group it belongs to (keys, rotation, aliases, tags, encryption, signing, imports,
 * policies); the cryptography of each key spec family is a {@link io.keywarden.kms.crypto.KeySpecStrategy}.
 * An engine acts for one {@link Caller} — the configured principal, or another one through
 * {@link #forCaller(Caller)} — and every call is authorized by the key policy, the caller's
 * identity policy and the key's grants (docs/policy.md). Time comes from the injected
 * {@link Clock}, so tests can move it. Thread-safe.
 */
public final class KmsEngine implements KmsBackend {

    private final EngineContext ctx;
    private final boolean ownsStore;
    private final Caller caller;
    /** Null for an engine of {@link #forCaller}: the engine it was made from owns the resources. */
    private final KmsEngine owner;
    /** Where GetParametersForImport takes its RSA wrapping key pairs (fresh ones, except in test harnesses). */
    private WrappingKeyPairs wrappingKeys = WrappingKeyPairs.fresh();
    private ScheduledExecutorService maintenance;
    private final ServiceSettings service;

    public KmsEngine(KmsStore store, Clock clock, EngineSettings settings) {
        this(store, clock, settings, true);
    }

    /**
     * An engine without request quotas (see {@link ServiceSettings#unthrottled()}), digests every
     * {@value ServiceSettings#DEFAULT_DIGEST_INTERVAL} audit events.
     *
     * @param ownsStore whether {@link #close()} closes the store
     */
    public KmsEngine(KmsStore store, Clock clock, EngineSettings settings, boolean ownsStore) {
        this(store, clock, settings, ownsStore, ServiceSettings.unthrottled());
    }

    /**
     * @param service the audit digest interval and the request-rate quotas
     */
    public KmsEngine(KmsStore store, Clock clock, EngineSettings settings, boolean ownsStore, ServiceSettings service) {
        this(store, clock, settings, ownsStore, service, System::nanoTime);
    }

    /** @param nanoTime the monotonic time of the request quotas, the read cache's recheck window and MAC sessions (tests move it) */
    public KmsEngine(KmsStore store, Clock clock, EngineSettings settings, boolean ownsStore, ServiceSettings service,
            java.util.function.LongSupplier nanoTime) {
        this.ctx = new EngineContext(store, clock, settings, io.keywarden.kms.crypto.LocalCrypto.secureRandom(), service,
                nanoTime);
        this.service = service;
        this.ownsStore = ownsStore;
        this.caller = Caller.of(settings.principal());
        this.owner = null;
    }

    private KmsEngine(KmsEngine owner, Caller caller) {
        this.ctx = owner.ctx;
        this.service = owner.service;
        this.ownsStore = false;
        this.caller = caller;
        this.owner = owner;
        this.wrappingKeys = owner.wrappingKeys;
    }

    /**
     * An engine whose GetParametersForImport takes wrapping key pairs from {@code wrappingKeys}
     * (test harnesses that import many keys use {@link WrappingKeyPairs#reusedForTests()}).
     */
    public KmsEngine(KmsStore store, Clock clock, EngineSettings settings, boolean ownsStore,
            WrappingKeyPairs wrappingKeys) {
        this(store, clock, settings, ownsStore);
        this.wrappingKeys = java.util.Objects.requireNonNull(wrappingKeys, "wrappingKeys");
    }

    /**
     * A backend on the same engine and store acting for another caller (the CLI's {@code --principal},
     * the server's authenticated callers). Closing it does nothing; the engine it came from owns the
     * store.
     */
    public KmsBackend forCaller(Caller other) {
        return new KmsEngine(owner == null ? this : owner, java.util.Objects.requireNonNull(other, "caller"));
    }

    /** The caller this engine acts for. */
    public Caller caller() {
        return caller;
    }

    /**
     * Runs one operation for this engine's caller with the request's facts: takes the request quota,
     * runs it, and records its audit event (success, refusal or failure) before returning or throwing
     * (docs/audit.md). The event name is the request type's name without {@code Request}.
     */
    private <T> T call(Object request, RequestFacts facts, Function<EngineContext, T> work) {
        return audited(EVENT_NAMES.get(request.getClass()), request, facts, work);
    }

    /** The event name of each request type: its simple name without {@code Request}, computed once. */
    private static final ClassValue<String> EVENT_NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return type.getSimpleName().replaceFirst("Request$", "");
        }
    };

    private void run(Object request, RequestFacts facts, java.util.function.Consumer<EngineContext> work) {
        call(request, facts, c -> {
            work.accept(c);
            return null;
        });
    }

    private <T> T audited(String eventName, Object request, RequestFacts facts, Function<EngineContext, T> work) {
        AuditedCall audit = ctx.audit.begin(eventName, request, caller);
        try {
            ServiceSettings.QuotaClass quota = RequestQuotas.classOf(eventName);
            if (quota != null) {
                ctx.quotas.take(caller.account(), quota, eventName);
            }
            T result = work.apply(ctx.forCall(new Call(caller, facts), eventName, audit));
            return audit.succeeded(result);
        } catch (RuntimeException e) {
            throw audit.failed(e);
        }
    }

    private static RequestFacts facts(java.util.List<String> grantTokens) {
        return RequestFacts.builder().grantTokens(grantTokens).build();
    }

    private static RequestFacts crypto(java.util.Map<String, String> context, java.util.List<String> grantTokens,
            String algorithmKey, Object algorithm) {
        return RequestFacts.builder().encryptionContext(context).grantTokens(grantTokens)
                .key(algorithmKey, algorithm).build();
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

    /** The audit, quota and retry settings this engine was opened with. */
    public ServiceSettings service() {
        return service;
    }

    public EngineSettings settings() {
        return ctx.settings;
    }

    @Override
    public CreateKeyResponse createKey(CreateKeyRequest r) {
        RequestFacts f = RequestFacts.builder()
                .key("kms:KeySpec", r.keySpec() == null ? io.keywarden.kms.api.KeySpec.SYMMETRIC_DEFAULT : r.keySpec())
                .key("kms:KeyUsage", r.keyUsage() != null ? r.keyUsage()
                        : r.keySpec() == null || r.keySpec() == io.keywarden.kms.api.KeySpec.SYMMETRIC_DEFAULT
                        || r.keySpec().name().startsWith("RSA") ? io.keywarden.kms.api.KeyUsage.ENCRYPT_DECRYPT : null)
                .key("kms:KeyOrigin", r.origin() == null ? io.keywarden.kms.api.OriginType.AWS_KMS : r.origin())
                .key("kms:BypassPolicyLockoutSafetyCheck", Boolean.TRUE.equals(r.bypassPolicyLockoutSafetyCheck()))
                .key("kms:MultiRegion", Boolean.TRUE.equals(r.multiRegion()))
                .requestTags(r.tags()).build();
        return call(r, f, c -> new KeyManagementOperations(c).createKey(r));
    }

    @Override
    public DescribeKeyResponse describeKey(DescribeKeyRequest r) {
        return call(r, facts(r.grantTokens()), c -> new KeyManagementOperations(c).describeKey(r));
    }

    @Override
    public ListKeysResponse listKeys(ListKeysRequest r) {
        return call(r, RequestFacts.NONE, c -> new KeyManagementOperations(c).listKeys(r));
    }

    @Override
    public void updateKeyDescription(UpdateKeyDescriptionRequest r) {
        run(r, RequestFacts.NONE, c -> new KeyManagementOperations(c).updateKeyDescription(r));
    }

    @Override
    public void enableKey(EnableKeyRequest r) {
        run(r, RequestFacts.NONE, c -> new KeyManagementOperations(c).enableKey(r));
    }

    @Override
    public void disableKey(DisableKeyRequest r) {
        run(r, RequestFacts.NONE, c -> new KeyManagementOperations(c).disableKey(r));
    }

    @Override
    public ScheduleKeyDeletionResponse scheduleKeyDeletion(ScheduleKeyDeletionRequest r) {
        RequestFacts f = RequestFacts.builder().key("kms:ScheduleKeyDeletionPendingWindowInDays",
                r.pendingWindowInDays() == null ? 30 : r.pendingWindowInDays()).build();
        return call(r, f, c -> new KeyManagementOperations(c).scheduleKeyDeletion(r));
    }

    @Override
    public CancelKeyDeletionResponse cancelKeyDeletion(CancelKeyDeletionRequest r) {
        return call(r, RequestFacts.NONE, c -> new KeyManagementOperations(c).cancelKeyDeletion(r));
    }

    @Override
    public void enableKeyRotation(EnableKeyRotationRequest r) {
        RequestFacts f = RequestFacts.builder().key("kms:RotationPeriodInDays",
                r.rotationPeriodInDays() == null ? RotationOperations.DEFAULT_PERIOD_DAYS : r.rotationPeriodInDays())
                .build();
        run(r, f, c -> new RotationOperations(c).enableKeyRotation(r));
    }

    @Override
    public void disableKeyRotation(DisableKeyRotationRequest r) {
        run(r, RequestFacts.NONE, c -> new RotationOperations(c).disableKeyRotation(r));
    }

    @Override
    public GetKeyRotationStatusResponse getKeyRotationStatus(GetKeyRotationStatusRequest r) {
        return call(r, RequestFacts.NONE, c -> new RotationOperations(c).getKeyRotationStatus(r));
    }

    @Override
    public RotateKeyOnDemandResponse rotateKeyOnDemand(RotateKeyOnDemandRequest r) {
        return call(r, RequestFacts.NONE, c -> new RotationOperations(c).rotateKeyOnDemand(r));
    }

    @Override
    public ListKeyRotationsResponse listKeyRotations(ListKeyRotationsRequest r) {
        return call(r, RequestFacts.NONE, c -> new RotationOperations(c).listKeyRotations(r));
    }

    @Override
    public void createAlias(CreateAliasRequest r) {
        run(r, RequestFacts.NONE, c -> new AliasOperations(c).createAlias(r));
    }

    @Override
    public void updateAlias(UpdateAliasRequest r) {
        run(r, RequestFacts.NONE, c -> new AliasOperations(c).updateAlias(r));
    }

    @Override
    public void deleteAlias(DeleteAliasRequest r) {
        run(r, RequestFacts.NONE, c -> new AliasOperations(c).deleteAlias(r));
    }

    @Override
    public ListAliasesResponse listAliases(ListAliasesRequest r) {
        return call(r, RequestFacts.NONE, c -> new AliasOperations(c).listAliases(r));
    }

    @Override
    public void tagResource(TagResourceRequest r) {
        run(r, RequestFacts.builder().requestTags(r.tags()).build(), c -> new TagOperations(c).tagResource(r));
    }

    @Override
    public void untagResource(UntagResourceRequest r) {
        run(r, RequestFacts.builder().keys("aws:TagKeys", r.tagKeys()).build(), c -> new TagOperations(c).untagResource(r));
    }

    @Override
    public ListResourceTagsResponse listResourceTags(ListResourceTagsRequest r) {
        return call(r, RequestFacts.NONE, c -> new TagOperations(c).listResourceTags(r));
    }

    @Override
    public EncryptResponse encrypt(EncryptRequest r) {
        return call(r, crypto(r.encryptionContext(), r.grantTokens(), "kms:EncryptionAlgorithm",
                algorithm(r.encryptionAlgorithm())), c -> new EncryptionOperations(c).encrypt(r));
    }

    @Override
    public DecryptResponse decrypt(DecryptRequest r) {
        return call(r, crypto(r.encryptionContext(), r.grantTokens(), "kms:EncryptionAlgorithm",
                algorithm(r.encryptionAlgorithm())), c -> new EncryptionOperations(c).decrypt(r));
    }

    @Override
    public ReEncryptResponse reEncrypt(ReEncryptRequest r) {
        RequestFacts destination = RequestFacts.builder().encryptionContext(r.destinationEncryptionContext())
                .grantTokens(r.grantTokens())
                .key("kms:EncryptionAlgorithm", algorithm(r.destinationEncryptionAlgorithm()))
                .key("kms:ReEncryptOnSameKey", sameKey(r)).build();
        RequestFacts source = RequestFacts.builder().encryptionContext(r.sourceEncryptionContext())
                .grantTokens(r.grantTokens())
                .key("kms:EncryptionAlgorithm", algorithm(r.sourceEncryptionAlgorithm()))
                .key("kms:ReEncryptOnSameKey", sameKey(r))
                .destination(destination).build();
        return call(r, source, c -> new EncryptionOperations(c).reEncrypt(r));
    }

    private static EncryptionAlgorithmSpec algorithm(EncryptionAlgorithmSpec requested) {
        return requested == null ? EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT : requested;
    }

    private static Boolean sameKey(ReEncryptRequest r) {
        return r.sourceKeyId() != null && r.sourceKeyId().equals(r.destinationKeyId());
    }

    @Override
    public GenerateDataKeyResponse generateDataKey(GenerateDataKeyRequest r) {
        return call(r, crypto(r.encryptionContext(), r.grantTokens(), "kms:EncryptionAlgorithm",
                EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT), c -> new EncryptionOperations(c).generateDataKey(r));
    }

    @Override
    public GenerateDataKeyWithoutPlaintextResponse generateDataKeyWithoutPlaintext(GenerateDataKeyWithoutPlaintextRequest r) {
        return call(r, crypto(r.encryptionContext(), r.grantTokens(), "kms:EncryptionAlgorithm",
                EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT),
                c -> new EncryptionOperations(c).generateDataKeyWithoutPlaintext(r));
    }

    @Override
    public GenerateDataKeyPairResponse generateDataKeyPair(GenerateDataKeyPairRequest r) {
        return call(r, crypto(r.encryptionContext(), r.grantTokens(), "kms:DataKeyPairSpec", r.keyPairSpec()),
                c -> new EncryptionOperations(c).generateDataKeyPair(r));
    }

    @Override
    public GenerateDataKeyPairWithoutPlaintextResponse generateDataKeyPairWithoutPlaintext(GenerateDataKeyPairWithoutPlaintextRequest r) {
        return call(r, crypto(r.encryptionContext(), r.grantTokens(), "kms:DataKeyPairSpec", r.keyPairSpec()),
                c -> new EncryptionOperations(c).generateDataKeyPairWithoutPlaintext(r));
    }

    @Override
    public SignResponse sign(SignRequest r) {
        RequestFacts f = RequestFacts.builder().grantTokens(r.grantTokens()).key("kms:SigningAlgorithm",
                r.signingAlgorithm()).key("kms:MessageType", r.messageType() == null ? "RAW" : r.messageType()).build();
        return call(r, f, c -> new SigningOperations(c).sign(r));
    }

    @Override
    public VerifyResponse verify(VerifyRequest r) {
        RequestFacts f = RequestFacts.builder().grantTokens(r.grantTokens()).key("kms:SigningAlgorithm",
                r.signingAlgorithm()).key("kms:MessageType", r.messageType() == null ? "RAW" : r.messageType()).build();
        return call(r, f, c -> new SigningOperations(c).verify(r));
    }

    @Override
    public GetPublicKeyResponse getPublicKey(GetPublicKeyRequest r) {
        return call(r, facts(r.grantTokens()), c -> new SigningOperations(c).getPublicKey(r));
    }

    @Override
    public GenerateMacResponse generateMac(GenerateMacRequest r) {
        RequestFacts f = RequestFacts.builder().grantTokens(r.grantTokens()).key("kms:MacAlgorithm", r.macAlgorithm())
                .build();
        return call(r, f, c -> new SigningOperations(c).generateMac(r));
    }

    @Override
    public VerifyMacResponse verifyMac(VerifyMacRequest r) {
        RequestFacts f = RequestFacts.builder().grantTokens(r.grantTokens()).key("kms:MacAlgorithm", r.macAlgorithm())
                .build();
        return call(r, f, c -> new SigningOperations(c).verifyMac(r));
    }

    /**
     * Opens a MAC session (a Keywarden extension, docs/engine.md "MAC sessions"): GenerateMac's checks
     * and an {@code OpenMacSession} audit event now, and again each time the session renews its
     * authorization. Only on stores that report their changes (SQLite); otherwise
     * {@link io.keywarden.kms.api.errors.KmsUnsupportedOperationException}.
     */
    /** MAC sessions need the read cache's change tracking: offered on stores that report their changes. */
    @Override
    public boolean offersMacSessions() {
        return ctx.rawStore instanceof CachingStore;
    }

    @Override
    public MacSession openMacSession(OpenMacSessionRequest r) {
        RequestFacts f = RequestFacts.builder().grantTokens(r.grantTokens()).key("kms:MacAlgorithm", r.macAlgorithm())
                .build();
        java.util.function.Function<OpenMacSessionRequest, MacSessionOperations.Granted> authorize =
                req -> call(req, f, c -> new MacSessionOperations(c).authorize(req));
        MacSessionOperations.Granted first = authorize.apply(r);
        return new EngineMacSession(r, first, authorize, (CachingStore) ctx.rawStore, ctx.clock, ctx.nanoTime);
    }

    @Override
    public GenerateRandomResponse generateRandom(GenerateRandomRequest r) {
        return call(r, RequestFacts.NONE, c -> new SigningOperations(c).generateRandom(r));
    }

    @Override
    public DeriveSharedSecretResponse deriveSharedSecret(DeriveSharedSecretRequest r) {
        RequestFacts f = RequestFacts.builder().grantTokens(r.grantTokens())
                .key("kms:KeyAgreementAlgorithm", r.keyAgreementAlgorithm()).build();
        return call(r, f, c -> new SigningOperations(c).deriveSharedSecret(r));
    }

    @Override
    public GetParametersForImportResponse getParametersForImport(GetParametersForImportRequest r) {
        RequestFacts f = RequestFacts.builder().key("kms:WrappingAlgorithm", r.wrappingAlgorithm())
                .key("kms:WrappingKeySpec", r.wrappingKeySpec()).build();
        return call(r, f, c -> new ImportOperations(c, wrappingKeys).getParametersForImport(r));
    }

    @Override
    public ImportKeyMaterialResponse importKeyMaterial(ImportKeyMaterialRequest r) {
        RequestFacts f = RequestFacts.builder().key("kms:ExpirationModel", r.expirationModel())
                .key("kms:ValidTo", r.validTo() == null ? null : r.validTo().getEpochSecond()).build();
        return call(r, f, c -> new ImportOperations(c, wrappingKeys).importKeyMaterial(r));
    }

    @Override
    public void deleteImportedKeyMaterial(DeleteImportedKeyMaterialRequest r) {
        run(r, RequestFacts.NONE, c -> new ImportOperations(c, wrappingKeys).deleteImportedKeyMaterial(r));
    }

    @Override
    public void putKeyPolicy(PutKeyPolicyRequest r) {
        RequestFacts f = RequestFacts.builder()
                .key("kms:BypassPolicyLockoutSafetyCheck", Boolean.TRUE.equals(r.bypassPolicyLockoutSafetyCheck()))
                .build();
        run(r, f, c -> new PolicyOperations(c).putKeyPolicy(r));
    }

    @Override
    public GetKeyPolicyResponse getKeyPolicy(GetKeyPolicyRequest r) {
        return call(r, RequestFacts.NONE, c -> new PolicyOperations(c).getKeyPolicy(r));
    }

    @Override
    public ListKeyPoliciesResponse listKeyPolicies(ListKeyPoliciesRequest r) {
        return call(r, RequestFacts.NONE, c -> new PolicyOperations(c).listKeyPolicies(r));
    }

    @Override
    public void putIdentityPolicy(PutIdentityPolicyRequest r) {
        run(r, RequestFacts.NONE, c -> new PolicyOperations(c).putIdentityPolicy(r));
    }

    @Override
    public GetIdentityPolicyResponse getIdentityPolicy(GetIdentityPolicyRequest r) {
        return call(r, RequestFacts.NONE, c -> new PolicyOperations(c).getIdentityPolicy(r));
    }

    @Override
    public CreateGrantResponse createGrant(CreateGrantRequest r) {
        GrantConstraints constraints = r.constraints();
        List<String> constraintTypes = new ArrayList<>();
        if (constraints != null && constraints.encryptionContextEquals() != null) {
            constraintTypes.add("EncryptionContextEquals");
        }
        if (constraints != null && constraints.encryptionContextSubset() != null) {
            constraintTypes.add("EncryptionContextSubset");
        }
        RequestFacts f = RequestFacts.builder().grantTokens(r.grantTokens())
                .keys("kms:GrantOperations", r.operations() == null ? null
                        : r.operations().stream().filter(java.util.Objects::nonNull).map(Enum::name).toList())
                .key("kms:GranteePrincipal", r.granteePrincipal())
                .key("kms:RetiringPrincipal", r.retiringPrincipal())
                .key("kms:GrantIsForAWSResource", false)
                .keys("kms:GrantConstraintType", constraintTypes.isEmpty() ? null : constraintTypes).build();
        return call(r, f, c -> new GrantOperations(c).createGrant(r));
    }

    @Override
    public ListGrantsResponse listGrants(ListGrantsRequest r) {
        return call(r, RequestFacts.NONE, c -> new GrantOperations(c).listGrants(r));
    }

    @Override
    public ListGrantsResponse listRetirableGrants(ListRetirableGrantsRequest r) {
        return call(r, RequestFacts.NONE, c -> new GrantOperations(c).listRetirableGrants(r));
    }

    @Override
    public void retireGrant(RetireGrantRequest r) {
        run(r, RequestFacts.NONE, c -> new GrantOperations(c).retireGrant(r));
    }

    @Override
    public void revokeGrant(RevokeGrantRequest r) {
        run(r, RequestFacts.NONE, c -> new GrantOperations(c).revokeGrant(r));
    }

    /** Keywarden extension: see {@link KmsBackend#directEncrypt}. */
    @Override
    public DirectEncryptResponse directEncrypt(DirectEncryptRequest request) {
        return call(request, facts(null), c -> new DirectOperations(c).directEncrypt(request));
    }

    /** Keywarden extension: see {@link KmsBackend#directDecrypt}. */
    @Override
    public DirectDecryptResponse directDecrypt(DirectDecryptRequest request) {
        return call(request, facts(null), c -> new DirectOperations(c).directDecrypt(request));
    }

    /** Keywarden extension: see {@link KmsBackend#directWrapKey}. */
    @Override
    public DirectWrapKeyResponse directWrapKey(DirectWrapKeyRequest request) {
        return call(request, facts(null), c -> new DirectOperations(c).directWrapKey(request));
    }

    /** Keywarden extension: see {@link KmsBackend#directUnwrapKey}. */
    @Override
    public DirectUnwrapKeyResponse directUnwrapKey(DirectUnwrapKeyRequest request) {
        return call(request, facts(null), c -> new DirectOperations(c).directUnwrapKey(request));
    }

    /**
     * Waits until every audit event recorded before this call is durable (data-plane events are
     * committed by the audit writer's next group commit, docs/audit.md), at most 60 seconds.
     */
    public void flushAudit() {
        ctx.audit.flush(60_000);
    }

    @Override
    public void close() {
        if (owner != null) {
            return;
        }
        synchronized (this) {
            if (maintenance != null) {
                maintenance.shutdownNow();
                maintenance = null;
            }
        }
        ctx.audit.close();
        if (ownsStore) {
            ctx.store.close();
        }
    }

    // ---- Keywarden extension: certificate entries

    @Override
    public void putCertificateEntry(PutCertificateEntryRequest request) {
        run(request, facts(null), c -> new CertificateOperations(c).putCertificateEntry(request));
    }

    @Override
    public GetCertificateEntryResponse getCertificateEntry(GetCertificateEntryRequest request) {
        return call(request, facts(null), c -> new CertificateOperations(c).getCertificateEntry(request));
    }

    @Override
    public ListCertificateEntriesResponse listCertificateEntries(ListCertificateEntriesRequest request) {
        return call(request, facts(null), c -> new CertificateOperations(c).listCertificateEntries(request));
    }

    @Override
    public void deleteCertificateEntry(DeleteCertificateEntryRequest request) {
        run(request, facts(null), c -> new CertificateOperations(c).deleteCertificateEntry(request));
    }
}
