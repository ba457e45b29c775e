package io.keywarden.kms.engine;

import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.MacAlgorithmSpec;
import io.keywarden.kms.api.OpenMacSessionRequest;
import io.keywarden.kms.api.errors.KmsUnsupportedOperationException;
import io.keywarden.kms.crypto.KeyMaterial;
import java.time.Instant;

/**
 * OpenMacSession (a Keywarden extension): GenerateMac's checks — the key, its state and usage, the
 * MAC algorithm, key policy, identity policy and grants, the request quota — made once for a MAC
 * session, and again each time the session renews its authorization (docs/engine.md, "MAC sessions").
 */
final class MacSessionOperations {

    /** MACs per authorization when the request does not say. */
    static final long DEFAULT_MAX_MESSAGES = 65_536;
    /** Seconds per authorization when the request does not say. */
    static final int DEFAULT_MAX_AGE_SECONDS = 300;

    /**
     * What one authorization found: the key's ARN, its spec and current material, when its next
     * lifecycle task is due, and the store's generation it was checked in. Not an API response: the
     * audit event records no response elements (as CloudTrail's GenerateMac events).
     */
    record Granted(String keyArn, MacAlgorithmSpec macAlgorithm, KeySpec keySpec, KeyMaterial material,
            Instant dueAt, Object generation) {
        @Override
        public String toString() {
            return "Granted[" + keyArn + "]";
        }
    }

    private final EngineContext ctx;

    MacSessionOperations(EngineContext ctx) {
        this.ctx = ctx;
    }

    Granted authorize(OpenMacSessionRequest request) {
        MacAlgorithmSpec algorithm = Validate.required(request.macAlgorithm(), "macAlgorithm");
        maxMessages(request);
        maxAgeSeconds(request);
        if (!(ctx.rawStore instanceof CachingStore store)) {
            throw new KmsUnsupportedOperationException("MAC sessions need a key store that reports its changes"
                    + " (SQLite); use GenerateMac.");
        }
        // The generation is taken before the checks, so a change made during them ends the session.
        Object generation = store.currentGeneration(store.nanoTime());
        return ctx.readKey(Operation.GENERATE_MAC, request.keyId(), (tx, key) -> {
            SigningOperations.macStrategy(key, algorithm, Operation.GENERATE_MAC);
            return new Granted(key.arn(), algorithm, key.keySpec(), Materials.current(tx, key), key.nextDueAt(),
                    generation);
        });
    }

    static long maxMessages(OpenMacSessionRequest request) {
        return Validate.range(request.maxMessages(), "maxMessages", 1, OpenMacSessionRequest.MAX_MESSAGES,
                DEFAULT_MAX_MESSAGES);
    }

    static int maxAgeSeconds(OpenMacSessionRequest request) {
        return Validate.range(request.maxAgeSeconds(), "maxAgeSeconds", 1, OpenMacSessionRequest.MAX_AGE_SECONDS,
                DEFAULT_MAX_AGE_SECONDS);
    }
}
