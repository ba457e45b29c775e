package io.keywarden.benchmarks.engine;

import io.keywarden.benchmarks.KeywardenEnvironment;
import io.keywarden.kms.api.DataKeySpec;
import io.keywarden.kms.api.DecryptRequest;
import io.keywarden.kms.api.GenerateDataKeyRequest;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The engine's own cost per data-plane call, calls per second (information, no target): one
 * GenerateDataKey or one Decrypt of a data key, made directly on the embedded engine of
 * {@link KeywardenEnvironment} (SQLite store, default key policy, audit trail), as the uncached
 * envelope makes one per message — key read, authorization, the key-material operation and the
 * call's audit event (written by the audit writer's thread) — without the envelope's own work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EngineCallBench {

    private static final Map<String, String> CONTEXT = Map.of("purpose", "benchmark");

    public KeywardenEnvironment env;
    public String keyId;
    /** The wrapped data key {@link #decrypt} unwraps (made in the set-up). */
    public byte[] wrappedDataKey;

    @Setup(Level.Trial)
    public void setUp() {
        env = KeywardenEnvironment.temporary();
        keyId = env.createKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        var r = env.engine.generateDataKey(request());
        Arrays.fill(r.plaintext(), (byte) 0);
        wrappedDataKey = r.ciphertextBlob();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        env.close();
    }

    private GenerateDataKeyRequest request() {
        return GenerateDataKeyRequest.builder().keyId(keyId).keySpec(DataKeySpec.AES_256)
                .encryptionContext(CONTEXT).build();
    }

    /** A data key for a new message; its plaintext is zeroed, as the envelope does. */
    @Benchmark
    public byte[] generateDataKey() {
        var r = env.engine.generateDataKey(request());
        Arrays.fill(r.plaintext(), (byte) 0);
        return r.ciphertextBlob();
    }

    /** The data key of a message, unwrapped; zeroed. */
    @Benchmark
    public int decrypt() {
        byte[] k = env.engine.decrypt(DecryptRequest.builder().ciphertextBlob(wrappedDataKey).keyId(keyId)
                .encryptionContext(CONTEXT).build()).plaintext();
        int n = k.length;
        Arrays.fill(k, (byte) 0);
        return n;
    }
}
