package io.keywarden.provider.mac;

import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.MacAlgorithmSpec;
import io.keywarden.kms.api.MacSession;
import io.keywarden.kms.api.OpenMacSessionRequest;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The MAC sessions of one provider runtime under one {@link MacSessionPolicy}: one open session per
 * backend, key and algorithm, shared by every {@code Mac} on it (docs/engine.md, "MAC sessions").
 * A backend without sessions (a remote server, AWS KMS, a store without change stamps) is remembered
 * and its handles use GenerateMac. At most {@code maxEntries} sessions stay open; the one opened
 * first is closed for room. Thread-safe.
 */
public final class MacSessions {

    private record Id(KmsBackend backend, String keyId, MacAlgorithmSpec algorithm) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Id i && i.backend == backend && i.keyId.equals(keyId) && i.algorithm == algorithm;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(backend) * 31 + keyId.hashCode() * 7 + algorithm.hashCode();
        }
    }

    private final MacSessionPolicy policy;
    private final Map<Id, MacSession> open = new ConcurrentHashMap<>();
    private final Set<KmsBackend> withoutSessions = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));

    public MacSessions(MacSessionPolicy policy) {
        this.policy = policy;
    }

    public MacSessionPolicy policy() {
        return policy;
    }

    /**
     * The open session for the key, opened (a policy-checked, audited call) if there is none; null
     * when the backend has no MAC sessions. A refusal is thrown as the KMS error.
     */
    public MacSession session(KmsBackend backend, String keyId, MacAlgorithmSpec algorithm) {
        if (withoutSessions.contains(backend)) {
            return null;
        }
        Id id = new Id(backend, keyId, algorithm);
        MacSession s = open.get(id);
        if (s != null && !s.isClosed()) {
            return s;
        }
        synchronized (this) {
            s = open.get(id);
            if (s != null && !s.isClosed()) {
                return s;
            }
            if (!backend.offersMacSessions()) {
                withoutSessions.add(backend);
                return null;
            }
            s = backend.openMacSession(OpenMacSessionRequest.builder().keyId(keyId).macAlgorithm(algorithm)
                    .maxMessages(policy.maxMessages()).maxAgeSeconds((int) policy.maxAge().toSeconds()).build());
            open.put(id, s);
            Iterator<Map.Entry<Id, MacSession>> it = open.entrySet().iterator();
            while (open.size() > policy.maxEntries() && it.hasNext()) {
                Map.Entry<Id, MacSession> e = it.next();
                if (e.getValue() != s) {
                    it.remove();
                    e.getValue().close();
                }
            }
            return s;
        }
    }

    /** How many sessions are open. */
    public int size() {
        return open.size();
    }

    /** Closes every session. */
    public synchronized void clear() {
        open.values().forEach(MacSession::close);
        open.clear();
    }
}
