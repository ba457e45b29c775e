package io.keywarden.kms.engine;

import io.keywarden.kms.audit.AuditLog;
import io.keywarden.kms.audit.AuditedCall;
import io.keywarden.kms.config.ServiceSettings;
import io.keywarden.kms.store.KeyRecord;
import io.keywarden.kms.store.KmsStore;
import io.keywarden.kms.store.StoreTransaction;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * What every group of operations shares: the store, the clock, the settings, the call in flight
 * (its caller and request facts), and the two ways to work on one key — in a read transaction or a
 * write transaction — after the key's due tasks (deletion, rotation, expiry of imported material)
 * have been applied, the call authorized (the one place every operation on a key is authorized,
 * see {@link Authorizer}) and the key's state checked against the {@link KeyStateRules}.
 */
final class EngineContext {

    final KmsStore store;
    /** The store without the call's audit hook (with the read cache, see {@link CachingStore}). */
    final KmsStore rawStore;
    final AuditLog audit;
    final RequestQuotas quotas;
    /** The monotonic time of request quotas and MAC sessions (tests move it). */
    final java.util.function.LongSupplier nanoTime;
    /** The AWS name of the call this context serves (null in the shared context). */
    final String eventName;
    private boolean cryptoQuotaTaken;
    final Clock clock;
    final EngineSettings settings;
    final KeyResolver resolver;
    final SecureRandom random;
    final KeyLifecycle lifecycle;
    final Authorizer authorizer;
    /** The call this context serves; the engine's own caller with no request facts in the shared context. */
    final Call call;

    EngineContext(KmsStore store, Clock clock, EngineSettings settings, SecureRandom random,
            ServiceSettings service, java.util.function.LongSupplier nanoTime) {
        KmsStore cached = CachingStore.over(store, CachingStore.DEFAULT_RECHECK_NANOS, nanoTime);
        this.store = cached;
        this.rawStore = cached;
        this.audit = new AuditLog(store, clock, settings.region(), settings.account(), service.digestInterval(),
                service.auditCommitIntervalMillis());
        this.quotas = new RequestQuotas(service, nanoTime);
        this.nanoTime = nanoTime;
        this.eventName = null;
        this.clock = clock;
        this.settings = settings;
        this.resolver = new KeyResolver(settings);
        this.random = random;
        this.lifecycle = new KeyLifecycle(this);
        this.authorizer = new Authorizer(settings, clock, new GrantRules(settings, clock)::usable);
        this.call = new Call(io.keywarden.kms.api.Caller.of(settings.principal()), RequestFacts.NONE);
    }

    private EngineContext(EngineContext shared, Call call, String eventName, AuditedCall audited) {
        this.store = audited == null ? shared.rawStore : audited.store(shared.rawStore);
        this.rawStore = shared.rawStore;
        this.audit = shared.audit;
        this.quotas = shared.quotas;
        this.nanoTime = shared.nanoTime;
        this.eventName = eventName;
        this.clock = shared.clock;
        this.settings = shared.settings;
        this.resolver = shared.resolver;
        this.random = shared.random;
        this.lifecycle = shared.lifecycle;
        this.authorizer = shared.authorizer;
        this.call = call;
    }

    /** The same engine serving one call, unaudited (internal calls). */
    EngineContext forCall(Call c) {
        return new EngineContext(this, c, null, null);
    }

    /** The same engine serving the call {@code eventName}, its changes carrying the call's audit event. */
    EngineContext forCall(Call c, String eventName, AuditedCall audited) {
        return new EngineContext(this, c, eventName, audited);
    }

    /**
     * Refuses the call's {@code op} on {@code key} unless policies or grants allow it; a
     * cryptographic call also takes its request quota for the key's spec.
     */
    void authorize(StoreTransaction tx, Operation op, KeyRecord key, String identifier) {
        if (op.group() == Operation.Group.CRYPTO && eventName != null && !cryptoQuotaTaken
                && RequestQuotas.classOf(eventName) == null) {
            cryptoQuotaTaken = true;
            quotas.take(key.awsAccountId() == null ? settings.account() : key.awsAccountId(),
                    RequestQuotas.classOf(key.keySpec()), eventName);
        }
        authorizer.onKey(tx, call, op, key, identifier);
    }

    /** Refuses an account-level {@code op} unless the caller's account allows it. */
    void authorizeAccount(StoreTransaction tx, Operation op) {
        authorizer.onAccount(tx, call, op);
    }

    Instant now() {
        return clock.instant();
    }

    String arn(KeyRecord key) {
        return settings.keyArn(key.keyId());
    }

    /** Runs {@code work} on the key in a read transaction; the key's state allows {@code op}. */
    <T> T readKey(Operation op, String identifier, BiFunction<StoreTransaction, KeyRecord, T> work) {
        return readKey(op, identifier, NO_CHECK, work);
    }

    private static final BiConsumer<StoreTransaction, KeyRecord> NO_CHECK = (tx, key) -> { };

    /**
     * {@link #readKey(Operation, String, BiFunction)}, with {@code authorized} run on the key as soon
     * as the call is authorized on it, before its state is checked: for checks whose errors come
     * before the key state's (they throw).
     */
    <T> T readKey(Operation op, String identifier, BiConsumer<StoreTransaction, KeyRecord> authorized,
            BiFunction<StoreTransaction, KeyRecord, T> work) {
        // One read transaction when nothing is due (the usual case); a key with a due task is settled
        // first and read again.
        Object first = store.read(tx -> {
            KeyRecord key = resolver.resolve(tx, identifier);
            if (isDue(key)) {
                return new Due(key.keyId());
            }
            authorize(tx, op, key, identifier);
            authorized.accept(tx, key);
            KeyStateRules.check(op, key.keyState(), arn(key));
            return work.apply(tx, key);
        });
        if (!(first instanceof Due due)) {
            @SuppressWarnings("unchecked")
            T result = (T) first;
            return result;
        }
        rawStore.write(tx -> {
            lifecycle.settle(tx, due.keyId());
            return null;
        });
        return store.read(tx -> {
            KeyRecord key = resolver.resolve(tx, identifier);
            authorize(tx, op, key, identifier);
            authorized.accept(tx, key);
            KeyStateRules.check(op, key.keyState(), arn(key));
            return work.apply(tx, key);
        });
    }

    /** Runs {@code work} on the key in a write transaction; the key's state allows {@code op}. */
    <T> T writeKey(Operation op, String identifier, BiFunction<StoreTransaction, KeyRecord, T> work) {
        return store.write(tx -> {
            KeyRecord key = current(tx, identifier);
            authorize(tx, op, key, identifier);
            KeyStateRules.check(op, key.keyState(), arn(key));
            return work.apply(tx, key);
        });
    }

    /** The key named by {@code identifier} inside a write transaction, its due tasks applied. */
    KeyRecord current(StoreTransaction tx, String identifier) {
        String keyId = resolver.keyIdOf(tx, identifier);
        lifecycle.settle(tx, keyId);
        return tx.findKey(keyId).orElseThrow(() -> resolver.notFound(keyId));
    }

    /** The marker of {@link #readKey}'s first read: the key has a due task to settle first. */
    private record Due(String keyId) {
    }

    private boolean isDue(KeyRecord key) {
        Instant due = key.nextDueAt();
        return due != null && !due.isAfter(now());
    }
}
