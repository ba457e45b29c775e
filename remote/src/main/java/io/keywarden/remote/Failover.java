package io.keywarden.remote;

import io.keywarden.kms.api.errors.KMSInternalException;
import io.keywarden.kms.api.errors.KmsException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;
import java.util.function.LongSupplier;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Calls an operation on one of several endpoints (each with its own SDK client, which does not retry
 * by itself) and decides, per failure ({@link FailureKind}), whether to try again: a final client
 * error is thrown at once; throttling is retried after a backoff; an endpoint that cannot be reached,
 * times out or answers a 5xx fault is remembered as failed for the cool-down and the call moves to the
 * next endpoint. Attempts per call are bounded by {@code maxAttempts}. Retries wait an exponential
 * backoff with full jitter ({@link #BASE_DELAY} doubling up to {@link #MAX_DELAY}), except a first
 * move to an endpoint not yet tried in this call, which is immediate. The endpoint that last answered
 * stays the preferred one (stateless nodes: no return to the first). A non-idempotent operation
 * (see {@link Operations}) whose request may have reached a server is retried only when
 * {@code retryNonIdempotent} is on, as the AWS SDKs do (docs/server.md, "Failover").
 */
final class Failover<C> {

    static final Duration BASE_DELAY = Duration.ofMillis(100);
    static final Duration MAX_DELAY = Duration.ofSeconds(5);

    /** One endpoint (its URL, named in errors) and the client bound to it. */
    record Endpoint<C>(String name, C client) {
    }

    /** Waits between attempts (replaceable in tests). */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final List<Endpoint<C>> endpoints;
    private final int maxAttempts;
    private final long coolDownNanos;
    private final boolean retryNonIdempotent;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final AtomicLongArray failedUntil;
    private final AtomicInteger preferred = new AtomicInteger();

    Failover(List<Endpoint<C>> endpoints, int maxAttempts, Duration coolDown, boolean retryNonIdempotent,
            LongSupplier nanoTime, Sleeper sleeper) {
        if (endpoints.isEmpty() || maxAttempts < 1) {
            throw new IllegalArgumentException("at least one endpoint and one attempt");
        }
        this.endpoints = List.copyOf(endpoints);
        this.maxAttempts = maxAttempts;
        this.coolDownNanos = coolDown.toNanos();
        this.retryNonIdempotent = retryNonIdempotent;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.failedUntil = new AtomicLongArray(endpoints.size());
    }

    static <C> Failover<C> of(List<Endpoint<C>> endpoints, int maxAttempts, Duration coolDown, boolean retryNonIdempotent) {
        return new Failover<>(endpoints, maxAttempts, coolDown, retryNonIdempotent, System::nanoTime,
                d -> Thread.sleep(d.toMillis()));
    }

    List<Endpoint<C>> endpoints() {
        return endpoints;
    }

    /** Whether the endpoint at {@code index} is in its cool-down after a failure. */
    boolean coolingDown(int index) {
        return coolingDown(index, nanoTime.getAsLong());
    }

    /** 0 in {@code failedUntil} means "never failed" (nanoTime values may be negative). */
    private boolean coolingDown(int index, long now) {
        long until = failedUntil.get(index);
        return until != 0 && until - now > 0;
    }

    /** Runs {@code call} on an endpoint's client, retrying and failing over as described above. */
    <R> R call(String operation, Function<C, R> call) {
        boolean idempotent = Operations.idempotent(operation);
        Set<String> tried = new LinkedHashSet<>();
        List<String> failures = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            int index = choose();
            Endpoint<C> endpoint = endpoints.get(index);
            tried.add(endpoint.name());
            try {
                R result = call.apply(endpoint.client());
                preferred.set(index);
                return result;
            } catch (SdkException e) {
                FailureKind kind = FailureKind.of(e);
                if (kind == FailureKind.FINAL) {
                    throw RemoteErrors.map(e, endpoint.name());
                }
                if (kind != FailureKind.THROTTLED) {
                    failedUntil.set(index, nanoTime.getAsLong() + coolDownNanos);
                    preferred.compareAndSet(index, (index + 1) % endpoints.size());
                }
                failures.add(endpoint.name() + ": " + RemoteErrors.describe(e));
                boolean unsafeToRepeat = kind == FailureKind.FAULT && !idempotent && !retryNonIdempotent;
                if (attempt >= maxAttempts || unsafeToRepeat) {
                    throw exhausted(operation, e, kind, tried, failures, unsafeToRepeat);
                }
                boolean freshEndpoint = !tried.contains(endpoints.get(choose()).name());
                if (kind == FailureKind.THROTTLED || !freshEndpoint) {
                    backoff(attempt);
                }
            }
        }
    }

    /** The preferred endpoint if it is not cooling down, else the next one that is not, else the one that recovers first. */
    private int choose() {
        int start = preferred.get();
        long now = nanoTime.getAsLong();
        int soonest = start;
        for (int i = 0; i < endpoints.size(); i++) {
            int index = (start + i) % endpoints.size();
            if (!coolingDown(index, now)) {
                return index;
            }
            if (failedUntil.get(index) - failedUntil.get(soonest) < 0) {
                soonest = index;
            }
        }
        return soonest;
    }

    private void backoff(int attempt) {
        long ceiling = Math.min(MAX_DELAY.toNanos(), BASE_DELAY.toNanos() << Math.min(attempt - 1, 20));
        try {
            sleeper.sleep(Duration.ofNanos(ThreadLocalRandom.current().nextLong(ceiling + 1)));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new KMSInternalException("interrupted while retrying the remote call");
        }
    }

    private static KmsException exhausted(String operation, SdkException last, FailureKind kind, Set<String> tried,
            List<String> failures, boolean unsafeToRepeat) {
        String where = tried.size() == 1 ? tried.iterator().next().toString() : "every endpoint tried " + tried;
        if (kind == FailureKind.THROTTLED) {
            return RemoteErrors.map(last, where);
        }
        String why = unsafeToRepeat
                ? " (not retried: " + operation + " is not idempotent and may have been applied; remote.retryNonIdempotent=false)"
                : "";
        return new KMSInternalException(operation + " failed on " + where + " after " + failures.size()
                + (failures.size() == 1 ? " attempt" : " attempts") + why + ": " + String.join("; ", failures), last);
    }
}
