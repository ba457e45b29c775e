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
 * Each trial's set-up first warms the subject up ({@link #SETUP_WARMUP}).
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
     * The system property with the seconds of every subject's own warm-up (default {@value
     * #SETUP_WARMUP_DEFAULT_SECONDS}): 1 KiB messages encrypted and decrypted in turn on the set-up
     * thread, before JMH's warm-up, so that the rows measure compiled code. With JMH's 10 s alone,
     * several paths were still being compiled during the measurement, mostly with two benchmark
     * threads keeping both cores busy while the JIT's compiler thread waited for CPU: Keywarden's
     * uncached engine path (the rates of one fork rose from 17,000 to 31,000 messages/s at 64 KiB
     * between its 10th and 20th second) and the ESDK's (from 20,000 to 72,000 at 1 KiB within the
     * measurement). It does not warm the JDK's own AES-GCM for 1 MiB inputs, which JDK 17 leaves
     * its slow path for only after many large calls (about 25 s of a one-thread fork). A fresh
     * JVM's first second is the warm-up probe's to measure.
     */
    public static final String SETUP_WARMUP = "keywarden.bench.envelopeWarmupSeconds";
    static final int SETUP_WARMUP_DEFAULT_SECONDS = 12;

    public KeywardenEnvironment env;
    /** Messages encrypted or decrypted by the set-up's warm-up. */
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
        warmupCalls = warmUp(impl, subject);
    }

    private static long warmUp(String impl, EnvelopeSubject subject) throws GeneralSecurityException {
        byte[] small = Payloads.of(1024);
        byte[] sealed = subject.encrypt(small);
        return SetupWarmup.run("EnvelopeBench " + impl, SETUP_WARMUP, SETUP_WARMUP_DEFAULT_SECONDS, List.of(
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
