package io.keywarden.benchmarks.server;

import io.keywarden.benchmarks.SetupWarmup;
import java.util.List;

/**
 * The server benchmarks' own warm-up ({@link SetupWarmup}): the three operations round robin for the
 * seconds of the system property {@value #PROPERTY} (default {@value #DEFAULT_SECONDS}).
 * A round trip runs a great deal of code on both sides (the SDK's client pipeline and SigV4 signing,
 * Jetty, SigV4 verification, Jackson, the engine) at only a few thousand calls a second, so the JIT
 * needs 20–40 s of calls to compile it: with the quick profile's 10 s of warm-up alone, the rates
 * were still climbing through the measurement (0.2 to 1.2 calls/ms within one fork).
 */
final class ServerWarmup {

    static final String PROPERTY = "keywarden.bench.serverWarmupSeconds";
    static final int DEFAULT_SECONDS = 20;

    private ServerWarmup() {
    }

    /** Calls each of {@code calls} in turn until the warm-up time is over; returns the number of calls made. */
    static long run(String what, List<Runnable> calls) {
        return SetupWarmup.run(what, PROPERTY, DEFAULT_SECONDS, calls);
    }
}
