package io.keywarden.benchmarks.envelope;

import io.keywarden.benchmarks.KeywardenEnvironment;
import io.keywarden.benchmarks.Payloads;
import io.keywarden.benchmarks.SetupWarmup;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Whole-message authenticated encryption and decryption, messages per second, for every
 * implementation of {@link EnvelopeSubjects} at 1 KiB, 64 KiB and 1 MiB. Run with 1 and 2 threads
 * ({@code -t}); the subject (engine, caches, keyrings) is shared by the threads, JCA objects are per thread.
 * The uncached Keywarden subject's trial set-up first warms the engine path up ({@link #ENGINE_WARMUP}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EnvelopeBench {

    @Param({"keywarden", "keywarden-cached", "jdk", "local-gcm", "esdk", "esdk-cached", "tink"})
    public String impl;

    @Param({"1024", "65536", "1048576"})
    public int size;

    /**
     * The system property with the seconds of the uncached subject's own warm-up (default {@value
     * #ENGINE_WARMUP_DEFAULT_SECONDS}): 1 KiB messages encrypted and decrypted in turn on the set-up
     * thread, one engine call each, before JMH's warm-up. The engine path (policy check, audit event,
     * the audit writer) is much code; with only JMH's 10 s, and two benchmark threads keeping both
     * cores busy, the JIT compiled it during the measurement: the rates of one fork still rose from
     * 2,100 to 3,000 messages/s (1 MiB, 2 threads) and from 17,000 to 31,000 (64 KiB) between the
     * 10th and the 20th second. A fresh JVM's first second is the warm-up probe's to measure.
     */
    public static final String ENGINE_WARMUP = "keywarden.bench.engineWarmupSeconds";
    static final int ENGINE_WARMUP_DEFAULT_SECONDS = 20;

    public KeywardenEnvironment env;
    /** Engine calls made by the set-up's warm-up (0 for the other subjects). */
    public long warmupCalls;
    EnvelopeSubject subject;
    byte[] plaintext;
    byte[] ciphertext;

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        env = EnvelopeSubjects.needsKeywarden(impl) ? KeywardenEnvironment.temporary() : null;
        subject = EnvelopeSubjects.create(impl, env);
        plaintext = Payloads.of(size);
        ciphertext = subject.encrypt(plaintext);
        if (impl.equals("keywarden")) {
            warmupCalls = warmEngine(subject);
        }
    }

    private static long warmEngine(EnvelopeSubject subject) throws GeneralSecurityException {
        byte[] small = Payloads.of(1024);
        byte[] sealed = subject.encrypt(small);
        return SetupWarmup.run("EnvelopeBench keywarden", ENGINE_WARMUP, ENGINE_WARMUP_DEFAULT_SECONDS, List.of(
                () -> unchecked(() -> subject.encrypt(small)),
                () -> unchecked(() -> subject.decrypt(sealed))));
    }

    private interface Call {
        byte[] run() throws GeneralSecurityException;
    }

    private static void unchecked(Call call) {
        try {
            call.run();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("warm-up call failed", e);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (env != null) {
            env.close();
        }
    }

    @Benchmark
    public byte[] encrypt() throws GeneralSecurityException {
        return subject.encrypt(plaintext);
    }

    @Benchmark
    public byte[] decrypt() throws GeneralSecurityException {
        return subject.decrypt(ciphertext);
    }
}
