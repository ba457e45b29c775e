package io.keywarden.benchmarks;

import java.util.List;

/**
 * A benchmark's own warm-up, run in its trial set-up before JMH's warm-up iterations: the given
 * calls in turn for the seconds of a system property. For paths that run much code per call (an
 * engine call with its policy check and audit event, a server round trip) and that JMH's warm-up
 * alone leaves partly uncompiled, mostly when the benchmark threads keep every core busy and the
 * JIT's compiler threads wait for CPU. The warm-up of a fresh JVM is measured apart, by the
 * warm-up probe.
 */
public final class SetupWarmup {

    private SetupWarmup() {
    }

    /**
     * Calls each of {@code calls} in turn until {@code property} (default {@code defaultSeconds})
     * seconds are over; returns the number of calls made.
     */
    public static long run(String what, String property, int defaultSeconds, List<Runnable> calls) {
        long seconds = Long.getLong(property, defaultSeconds);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long n = 0;
        while (System.nanoTime() < end) {
            calls.get((int) (n % calls.size())).run();
            n++;
        }
        if (seconds > 0) {
            System.out.printf("%s: warmed up with %d calls in %d s (%s)%n", what, n, seconds, property);
        }
        return n;
    }
}
