package io.keywarden.benchmarks.mac;

import io.keywarden.benchmarks.KeywardenEnvironment;
import io.keywarden.benchmarks.Payloads;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
 * {@code HmacSHA256}, MACs per second: "keywarden" on a managed HMAC_256 key of the embedded engine
 * (one GenerateMac call per MAC, policy check and audit event included; at most 4096 bytes),
 * "keywarden-cached" on the same key with MAC sessions on at the {@code cache.macKeys.*} defaults
 * (one OpenMacSession authorization, policy check and audit event per 65,536 MACs or 300 s; the MAC
 * computed in the engine), vs "jdk", SunJCE with a plain {@code SecretKeySpec}. The {@code Mac} is initialised once per thread and reused, as
 * applications do ({@code doFinal} resets it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HmacBench {

    @Param({"keywarden", "keywarden-cached", "jdk"})
    public String impl;

    @Param({"1024", "65536"})
    public int size;

    public KeywardenEnvironment env;
    /** The key id of the managed key ("keywarden"), or null. */
    public String keyId;
    /** The key the MACs are made with (a handle or a SecretKeySpec). */
    public Key key;
    ThreadLocal<Mac> mac;
    public byte[] message;

    @Setup(Level.Trial)
    public void setUp() {
        message = Payloads.of(size);
        Provider provider;
        if (impl.equals("keywarden") || impl.equals("keywarden-cached")) {
            boolean cached = impl.equals("keywarden-cached");
            env = KeywardenEnvironment.temporary();
            keyId = env.createKey(KeySpec.HMAC_256, KeyUsage.GENERATE_VERIFY_MAC);
            key = env.handle(keyId, cached);
            provider = cached ? env.cachedProvider : env.provider;
        } else if (impl.equals("jdk")) {
            byte[] k = new byte[32];
            new SecureRandom().nextBytes(k);
            key = new SecretKeySpec(k, "HmacSHA256");
            provider = Security.getProvider("SunJCE");
        } else {
            throw new IllegalArgumentException("unknown HMAC implementation " + impl);
        }
        Key macKey = key;
        mac = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256", provider);
                m.init(macKey);
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (env != null) {
            env.close();
        }
    }

    @Benchmark
    public byte[] hmac() {
        return mac.get().doFinal(message);
    }
}
