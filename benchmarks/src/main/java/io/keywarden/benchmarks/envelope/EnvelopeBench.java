package io.keywarden.benchmarks.envelope;

import io.keywarden.benchmarks.KeywardenEnvironment;
import io.keywarden.benchmarks.Payloads;
import java.security.GeneralSecurityException;
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
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EnvelopeBench {

    @Param({"keywarden", "keywarden-cached", "jdk", "local-gcm", "esdk", "esdk-cached", "tink"})
    public String impl;

    @Param({"1024", "65536", "1048576"})
    public int size;

    public KeywardenEnvironment env;
    EnvelopeSubject subject;
    byte[] plaintext;
    byte[] ciphertext;

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        env = EnvelopeSubjects.needsKeywarden(impl) ? KeywardenEnvironment.temporary() : null;
        subject = EnvelopeSubjects.create(impl, env);
        plaintext = Payloads.of(size);
        ciphertext = subject.encrypt(plaintext);
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
