package io.keywarden.benchmarks.server;

import io.keywarden.benchmarks.Payloads;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
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
import org.openjdk.jmh.infra.ThreadParams;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;

/**
 * {@link ServerBench}'s round trips (Encrypt of 1 KiB, Decrypt of that ciphertext, GenerateDataKey
 * AES_256 through the AWS SDK {@code KmsClient}) against {@code nodes} in-process server nodes on one
 * PostgreSQL database ({@link PostgresNodes}): {@code nodes=1} compares the PostgreSQL store with
 * SQLite, {@code nodes=2} spreads the calls over two nodes. One client per node; each benchmark
 * thread takes the nodes round robin, call by call, thread {@code i} starting at node {@code i}.
 * The trial set-up warms the path up first ({@link ServerWarmup}).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PostgresServerBench {

    @Param({"1", "2"})
    public int nodes;

    PostgresNodes cluster;
    String keyId;
    public SdkBytes plaintext;
    public SdkBytes ciphertext;
    /** The calls of the set-up's warm-up ({@link ServerWarmup}), every node in turn. */
    public long warmupCalls;

    /** A benchmark thread's place in the round robin. */
    @State(Scope.Thread)
    public static class Caller {
        int next;
        /** The node of the latest call (for the smoke test). */
        public int lastNode = -1;

        @Setup(Level.Trial)
        public void setUp(ThreadParams thread) {
            next = thread.getThreadIndex();
        }

        KmsClient client(PostgresNodes cluster) {
            lastNode = Math.floorMod(next++, cluster.size());
            return cluster.client(lastNode);
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        cluster = PostgresNodes.start(nodes);
        keyId = cluster.createKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        plaintext = SdkBytes.fromByteArray(Payloads.of(1024));
        ciphertext = cluster.client(0).encrypt(r -> r.keyId(keyId).plaintext(plaintext)).ciphertextBlob();
        Caller warm = new Caller();
        warmupCalls = ServerWarmup.run("PostgresServerBench", List.of(() -> encrypt(warm), () -> decrypt(warm),
                () -> generateDataKey(warm)));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (cluster != null) { // null when setUp failed
            cluster.close();
        }
    }

    @Benchmark
    public EncryptResponse encrypt(Caller caller) {
        return caller.client(cluster).encrypt(r -> r.keyId(keyId).plaintext(plaintext));
    }

    @Benchmark
    public DecryptResponse decrypt(Caller caller) {
        return caller.client(cluster).decrypt(r -> r.keyId(keyId).ciphertextBlob(ciphertext));
    }

    @Benchmark
    public GenerateDataKeyResponse generateDataKey(Caller caller) {
        return caller.client(cluster).generateDataKey(r -> r.keyId(keyId).keySpec(DataKeySpec.AES_256));
    }
}
