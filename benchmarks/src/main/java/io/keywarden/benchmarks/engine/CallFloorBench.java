package io.keywarden.benchmarks.engine;

import io.keywarden.kms.crypto.LocalCrypto;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The floor of an audited GenerateDataKey call (information, no target): the cryptographic steps
 * any such call must take, each alone, operations per second — 32 random bytes for the data key,
 * their AES-256-GCM wrap under the managed key's material (a fresh IV, the blob's header and
 * encryption context as AAD), and the SHA-256 that chains the call's audit event (its stored text is
 * about 400 bytes). A Decrypt call's floor is the {@link #unwrap} and the same hash. The local
 * primitives are the engine's ({@link LocalCrypto}: ACCP where it loads). Set beside
 * {@link EngineCallBench}, it shows how much of an engine call is this floor and how much is the
 * engine's own bookkeeping (key read, authorization, the event's capture and storage).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CallFloorBench {

    /** The size of a stored GenerateDataKey event (a compact row) on this project's benchmarks. */
    public static final int EVENT_BYTES = 400;
    /** The blob header (21 bytes) and a one-entry encryption context, as the wrap's AAD. */
    static final int AAD_BYTES = 21 + 2 + 2 + 7 + 2 + 9;

    private SecureRandom random;
    private Cipher gcm;
    /** The managed key's material (random, made in the set-up). */
    public SecretKeySpec material;
    public byte[] aad;
    public byte[] dataKey;
    /** The IV of the last {@link #wrap}. */
    public byte[] iv;
    /** A data key wrapped in the set-up (IV {@link #wrappedIv}), which {@link #unwrap} opens. */
    public byte[] wrapped;
    public byte[] wrappedIv;
    private MessageDigest sha256;
    public byte[] event;

    @Setup
    public void setUp() throws GeneralSecurityException {
        random = LocalCrypto.secureRandom();
        gcm = LocalCrypto.cipher("AES/GCM/NoPadding");
        byte[] k = new byte[32];
        random.nextBytes(k);
        material = new SecretKeySpec(k, "AES");
        aad = new byte[AAD_BYTES];
        dataKey = new byte[32];
        iv = new byte[12];
        sha256 = MessageDigest.getInstance("SHA-256");
        event = "x".repeat(EVENT_BYTES).getBytes(StandardCharsets.UTF_8);
        random.nextBytes(dataKey);
        wrapped = wrap();
        wrappedIv = iv.clone();
    }

    /** The data key: 32 bytes of the engine's random source. */
    @Benchmark
    public byte[] dataKeyBytes() {
        random.nextBytes(dataKey);
        return dataKey;
    }

    /** The wrap: a fresh IV, then AES-256-GCM of 32 bytes with the header and context as AAD. */
    @Benchmark
    public byte[] wrap() throws GeneralSecurityException {
        random.nextBytes(iv);
        gcm.init(Cipher.ENCRYPT_MODE, material, new GCMParameterSpec(128, iv));
        gcm.updateAAD(aad);
        return gcm.doFinal(dataKey);
    }

    /** The unwrap: AES-256-GCM decryption of a wrapped data key, its tag checked. */
    @Benchmark
    public byte[] unwrap() throws GeneralSecurityException {
        gcm.init(Cipher.DECRYPT_MODE, material, new GCMParameterSpec(128, wrappedIv));
        gcm.updateAAD(aad);
        return gcm.doFinal(wrapped);
    }

    /** The audit chain's hash of one event's stored text. */
    @Benchmark
    public byte[] chainHash() {
        sha256.update(event);
        return sha256.digest();
    }
}
