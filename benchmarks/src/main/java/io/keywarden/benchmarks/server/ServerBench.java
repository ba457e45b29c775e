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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;

/**
 * Round trips through the AWS SDK for Java v2 {@code KmsClient} to an in-process single-node
 * Keywarden server on loopback (SigV4 signing and verification, JSON 1.1, the engine with its
 * policy check and audit event): Encrypt of 1 KiB, Decrypt of that ciphertext, GenerateDataKey
 * AES_256. Throughput (calls/s) and SampleTime (latency distribution: p50, p90, p99, p99.9). The
 * trial set-up warms the path up first ({@link ServerWarmup}).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ServerBench {

    LoopbackServer loopback;
    String keyId;
    public SdkBytes plaintext;
    public SdkBytes ciphertext;
    /** The calls of the set-up's warm-up ({@link ServerWarmup}). */
    public long warmupCalls;

    @Setup(Level.Trial)
    public void setUp() {
        loopback = new LoopbackServer();
        keyId = loopback.env.createKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        plaintext = SdkBytes.fromByteArray(Payloads.of(1024));
        ciphertext = encrypt().ciphertextBlob();
        warmupCalls = ServerWarmup.run("ServerBench", List.of(this::encrypt, this::decrypt, this::generateDataKey));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        loopback.close();
    }

    @Benchmark
    public EncryptResponse encrypt() {
        return loopback.client.encrypt(r -> r.keyId(keyId).plaintext(plaintext));
    }

    @Benchmark
    public DecryptResponse decrypt() {
        return loopback.client.decrypt(r -> r.keyId(keyId).ciphertextBlob(ciphertext));
    }

    @Benchmark
    public GenerateDataKeyResponse generateDataKey() {
        return loopback.client.generateDataKey(r -> r.keyId(keyId).keySpec(DataKeySpec.AES_256));
    }
}
