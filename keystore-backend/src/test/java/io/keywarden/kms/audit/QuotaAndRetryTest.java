package io.keywarden.kms.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.keywarden.kms.api.CreateKeyRequest;
import io.keywarden.kms.api.EncryptRequest;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.errors.ThrottlingException;
import io.keywarden.kms.client.RetryingBackend;
import io.keywarden.kms.config.ServiceSettings;
import io.keywarden.kms.config.ServiceSettings.QuotaClass;
import io.keywarden.kms.engine.KmsEngine;
import io.keywarden.kms.store.RootKeySource;
import io.keywarden.kms.store.SqliteKmsStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Request quotas under a concurrent burst, and the client-side retries that get every call through. */
class QuotaAndRetryTest {

    static final int BURST = 40;

    @TempDir
    Path dir;

    private KmsEngine engine(double symmetricRate) {
        SqliteKmsStore store = SqliteKmsStore.open(dir.resolve("store"),
                RootKeySource.keyFile(dir.resolve("store").resolve("root.key")));
        return new KmsEngine(store, Clock.systemUTC(), AuditTrailTest.SETTINGS, true,
                ServiceSettings.defaults().withRates(Map.of(QuotaClass.SYMMETRIC, symmetricRate)));
    }

    /** Runs {@link #BURST} Encrypt calls from 8 threads; returns how many were throttled. */
    private static int burst(KmsBackend kms, String keyId) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger throttled = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            done.add(pool.submit(() -> {
                try {
                    kms.encrypt(EncryptRequest.builder().keyId(keyId)
                            .plaintext("x".getBytes(StandardCharsets.UTF_8)).build());
                } catch (ThrottlingException e) {
                    throttled.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        return throttled.get();
    }

    @Test
    void burstOverQuotaIsThrottledFastOnTheEngineAndSucceedsThroughRetries() throws Exception {
        try (KmsEngine kms = engine(20)) {
            String keyId = kms.createKey(CreateKeyRequest.builder().build()).keyMetadata().keyId();
            long start = System.nanoTime();
            int throttled = burst(kms, keyId);
            assertThat(throttled).isGreaterThan(0);
            Thread.sleep(2_100); // the bucket refills
            KmsBackend retrying = RetryingBackend.wrap(kms, 30, 8_000);
            assertThat(burst(retrying, keyId)).isZero();
            assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(30));
        }
    }

    @Test
    void retriesAreBoundedAndOtherErrorsAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        List<Long> sleeps = new ArrayList<>();
        KmsBackend throttling = (KmsBackend) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {KmsBackend.class}, (p, m, a) -> {
                    calls.incrementAndGet();
                    throw new ThrottlingException("slow down");
                });
        KmsBackend r = RetryingBackend.wrap(throttling, 5, 10_000, sleeps::add);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.listKeys(null))
                .isInstanceOf(ThrottlingException.class);
        assertThat(calls).hasValue(5);
        assertThat(sleeps).hasSize(4).allMatch(s -> s >= 0 && s <= RetryingBackend.MAX_WINDOW_MILLIS);
        calls.set(0);
        KmsBackend failing = (KmsBackend) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {KmsBackend.class}, (p, m, a) -> {
                    calls.incrementAndGet();
                    throw new io.keywarden.kms.api.errors.NotFoundException("no");
                });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RetryingBackend.wrap(failing, 5, 10_000, s -> { })
                .listKeys(null)).isInstanceOf(io.keywarden.kms.api.errors.NotFoundException.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void ratesAreConfigurable() {
        Properties p = new Properties();
        p.setProperty("quota.rate.symmetric", "50");
        p.setProperty("quota.rate.write", "2.5");
        p.setProperty("audit.digest.interval", "10");
        ServiceSettings s = ServiceSettings.fromProperties(p);
        assertThat(s.rate(QuotaClass.SYMMETRIC)).isEqualTo(50);
        assertThat(s.rate(QuotaClass.WRITE)).isEqualTo(2.5);
        assertThat(s.rate(QuotaClass.RSA)).isEqualTo(1000);
        assertThat(s.rate(QuotaClass.LIST)).isEqualTo(500);
        assertThat(s.digestInterval()).isEqualTo(10);
        assertThat(s.auditCommitIntervalMillis()).isEqualTo(ServiceSettings.DEFAULT_AUDIT_COMMIT_INTERVAL_MILLIS);
    }

    @Test
    void theAuditCommitIntervalIsConfigurableFromZeroToOneSecond() {
        for (String ok : new String[] {"0", "25", "1000"}) {
            Properties p = new Properties();
            p.setProperty("audit.commitIntervalMillis", ok);
            assertThat(ServiceSettings.fromProperties(p).auditCommitIntervalMillis()).isEqualTo(Long.parseLong(ok));
        }
        for (String bad : new String[] {"-1", "1001", "ten"}) {
            Properties p = new Properties();
            p.setProperty("audit.commitIntervalMillis", bad);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ServiceSettings.fromProperties(p))
                    .isInstanceOf(io.keywarden.kms.config.KeywardenConfig.ConfigException.class)
                    .hasMessageContaining("audit.commitIntervalMillis").hasMessageContaining("0 to 1000");
        }
    }
}
