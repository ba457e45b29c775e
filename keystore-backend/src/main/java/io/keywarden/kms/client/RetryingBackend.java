package io.keywarden.kms.client;

import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.errors.ThrottlingException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A {@link KmsBackend} decorator that retries calls refused with {@link ThrottlingException}:
 * bounded exponential backoff with full jitter (sleep a random time in {@code [0, min(cap, base·2^n))}
 * before attempt {@code n+1}), at most {@code maxAttempts} attempts and {@code maxTotalDelayMillis}
 * of sleep in all; then the last ThrottlingException is thrown. Other errors are not retried. Used by
 * the CLI and the JCA provider around the backend they open. Every method of {@link KmsBackend} is
 * decorated, including ones added later (it is a dynamic proxy).
 */
public final class RetryingBackend implements InvocationHandler {

    /** The first backoff window. */
    public static final long BASE_DELAY_MILLIS = 25;
    /** The largest backoff window. */
    public static final long MAX_WINDOW_MILLIS = 2_000;

    /** How to wait; tests pass one that does not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final KmsBackend delegate;
    private final int maxAttempts;
    private final long maxTotalDelayMillis;
    private final Sleeper sleeper;

    private RetryingBackend(KmsBackend delegate, int maxAttempts, long maxTotalDelayMillis, Sleeper sleeper) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        if (maxAttempts < 1 || maxTotalDelayMillis < 0) {
            throw new IllegalArgumentException("maxAttempts must be at least 1 and maxTotalDelayMillis not negative");
        }
        this.maxAttempts = maxAttempts;
        this.maxTotalDelayMillis = maxTotalDelayMillis;
        this.sleeper = sleeper;
    }

    /** {@code backend}, retrying throttled calls. */
    public static KmsBackend wrap(KmsBackend backend, int maxAttempts, long maxTotalDelayMillis) {
        return wrap(backend, maxAttempts, maxTotalDelayMillis, Thread::sleep);
    }

    /** As {@link #wrap(KmsBackend, int, long)} with a chosen way to wait. */
    public static KmsBackend wrap(KmsBackend backend, int maxAttempts, long maxTotalDelayMillis, Sleeper sleeper) {
        return (KmsBackend) Proxy.newProxyInstance(KmsBackend.class.getClassLoader(), new Class<?>[] {KmsBackend.class},
                new RetryingBackend(backend, maxAttempts, maxTotalDelayMillis, sleeper));
    }

    /** The backend a {@link #wrap}ped one decorates; {@code backend} itself when it is not wrapped. */
    public static KmsBackend unwrap(KmsBackend backend) {
        if (backend != null && Proxy.isProxyClass(backend.getClass())
                && Proxy.getInvocationHandler(backend) instanceof RetryingBackend r) {
            return r.delegate;
        }
        return backend;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "RetryingBackend[" + delegate + "]";
            };
        }
        long slept = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                return method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (!(cause instanceof ThrottlingException) || attempt >= maxAttempts || slept >= maxTotalDelayMillis) {
                    throw cause;
                }
                long window = Math.min(MAX_WINDOW_MILLIS, BASE_DELAY_MILLIS << Math.min(attempt - 1, 20));
                long delay = Math.min(ThreadLocalRandom.current().nextLong(window + 1), maxTotalDelayMillis - slept);
                try {
                    sleeper.sleep(delay);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw cause;
                }
                slept += delay;
            }
        }
    }
}
