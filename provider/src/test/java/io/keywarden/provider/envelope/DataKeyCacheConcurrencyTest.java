package io.keywarden.provider.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The cache's bounds and key copies with several threads at once (the hit path takes no lock). */
class DataKeyCacheConcurrencyTest {

    static final int THREADS = 4;

    final ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    static DataKeyCache cache(long maxMessages, long maxBytes, int maxEntries) {
        return new DataKeyCache(new DataKeyCachePolicy(Duration.ofMinutes(5), maxMessages, maxBytes, maxEntries));
    }

    <T> List<T> runAll(int threads, Callable<T> task) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(task));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    @Test
    void threadsHammeringOneEntryNeverGetMoreThanMaxMessagesLeases() throws Exception {
        long max = 500;
        byte[] dataKey = new byte[32];
        Arrays.fill(dataKey, (byte) 0x5a);
        for (int round = 0; round < 200; round++) {
            DataKeyCache c = cache(max, Long.MAX_VALUE >>> 2, 10);
            DataKeyCache.Lease first = c.put(new byte[] {1}, dataKey, new byte[] {9}, "arn");
            CyclicBarrier start = new CyclicBarrier(THREADS);
            List<Integer> counts = runAll(THREADS, () -> {
                start.await();
                int n = 0;
                for (DataKeyCache.Lease l = c.acquire(new byte[] {1}); l != null; l = c.acquire(new byte[] {1})) {
                    assertThat(l.dataKey()).isEqualTo(dataKey);
                    n++;
                }
                return n;
            });
            int total = 1 + counts.stream().mapToInt(Integer::intValue).sum();
            // each thread reserves messages in batches; what another thread's reservation held when
            // the entry was dropped is never served (at most MAX_RESERVATION - 1 per thread)
            assertThat(total).as("round %d: leases handed out (put included)", round)
                    .isLessThanOrEqualTo((int) max)
                    .isGreaterThanOrEqualTo((int) max - THREADS * (DataKeyCache.MAX_RESERVATION - 1));
            assertThat(first.entry().messages()).isEqualTo(max);
            assertThat(c.size()).as("an exhausted entry is dropped").isZero();
            assertThat(first.entry().dataKeyIsZero()).as("and zeroed").isTrue();
        }
    }

    @Test
    void evictionUnderConcurrencyNeverHandsOutAZeroedOrPartlyZeroedKey() throws Exception {
        int keys = 24;
        int maxEntries = 4;
        byte[][] expected = new byte[keys][32];
        SplittableRandom random = new SplittableRandom(7);
        for (byte[] k : expected) {
            for (int i = 0; i < k.length; i++) {
                k[i] = (byte) (1 + random.nextInt(255)); // no zero byte, so any zeroing shows
            }
        }
        DataKeyCache c = cache(3, 1L << 40, maxEntries);
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger hits = new AtomicInteger();
        AtomicInteger oversize = new AtomicInteger();
        Future<?> clearer = pool.submit(() -> {
            while (!done.get()) {
                if (c.size() > maxEntries) {
                    oversize.incrementAndGet();
                }
                c.clear();
                LockSupport.parkNanos(20_000);
            }
        });
        AtomicInteger seed = new AtomicInteger();
        List<Integer> mismatches = runAll(THREADS, () -> {
            SplittableRandom r = new SplittableRandom(seed.incrementAndGet());
            int bad = 0;
            for (int i = 0; i < 200_000; i++) {
                int which = r.nextInt(keys);
                byte[] cacheKey = {(byte) which};
                DataKeyCache.Lease l = c.acquire(cacheKey);
                if (l == null) {
                    l = c.put(cacheKey, expected[which], null, "arn-" + which);
                } else {
                    hits.incrementAndGet();
                }
                if (!Arrays.equals(l.dataKey(), expected[which]) || !l.keyArn().equals("arn-" + which)) {
                    bad++;
                }
                c.addBytes(l.entry(), 1);
            }
            return bad;
        });
        done.set(true);
        clearer.get(10, TimeUnit.SECONDS);
        assertThat(mismatches).containsOnly(0);
        assertThat(hits.get()).as("the test exercised the hit path").isGreaterThan(10_000);
        assertThat(oversize.get()).as("more than maxEntries entries seen").isZero();
        assertThat(c.size()).isLessThanOrEqualTo(maxEntries);
    }

    @Test
    void concurrentByteCountsAddUpAndStopTheEntry() throws Exception {
        DataKeyCache c = cache(1_000_000, 40_000, 10);
        DataKeyCache.Lease l = c.put(new byte[] {1}, new byte[32], null, "arn");
        CyclicBarrier start = new CyclicBarrier(THREADS);
        runAll(THREADS, () -> {
            start.await();
            for (int i = 0; i < 9_999; i++) {
                c.addBytes(l.entry(), 1);
            }
            return null;
        });
        assertThat(l.entry().toString()).contains("bytes=39996");
        assertThat(c.acquire(new byte[] {1})).as("below maxBytes").isNotNull();
        c.addBytes(l.entry(), 4);
        assertThat(c.acquire(new byte[] {1})).as("maxBytes counted").isNull();
        assertThat(l.entry().dataKeyIsZero()).isTrue();
    }

    @Test
    void refreshedKeysTakeOverUnderConcurrencyAndEachServesAtMostMaxMessages() throws Exception {
        long max = 256;
        int messagesPerThread = 20_000;
        DataKeyCache c = new DataKeyCache(new DataKeyCachePolicy(Duration.ofMinutes(5), max, 1L << 40, 10),
                System::nanoTime, pool, true);
        AtomicInteger generation = new AtomicInteger();
        java.util.function.Supplier<DataKeyCache.Fresh> backend = () -> {
            byte[] k = new byte[32];
            java.nio.ByteBuffer.wrap(k).putInt(generation.incrementAndGet()); // the data key names its generation
            return new DataKeyCache.Fresh(k, new byte[] {9}, "arn");
        };
        byte[] cacheKey = {1};
        java.util.concurrent.ConcurrentHashMap<Integer, AtomicInteger> servedBy = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicInteger misses = new AtomicInteger();
        CyclicBarrier start = new CyclicBarrier(THREADS);
        runAll(THREADS, () -> {
            start.await();
            for (int i = 0; i < messagesPerThread; i++) {
                DataKeyCache.Lease l = c.acquire(cacheKey);
                if (l == null) {
                    misses.incrementAndGet();
                    DataKeyCache.Fresh f = backend.get();
                    l = c.put(cacheKey, f.dataKey(), f.wrappedKey(), f.keyArn());
                } else if (l.refreshDue()) {
                    c.refreshAhead(cacheKey, l, backend);
                }
                int g = java.nio.ByteBuffer.wrap(l.dataKey()).getInt();
                assertThat(g).as("never a zeroed key").isPositive();
                servedBy.computeIfAbsent(g, x -> new AtomicInteger()).incrementAndGet();
            }
            return null;
        });
        assertThat(servedBy.values()).allSatisfy(n -> assertThat(n.get()).isLessThanOrEqualTo((int) max));
        int total = servedBy.values().stream().mapToInt(AtomicInteger::get).sum();
        assertThat(total).isEqualTo(THREADS * messagesPerThread);
        // each data key serves close to max; a miss only where a refresh had not finished in time
        assertThat(generation.get()).isLessThan(2 * (total / (int) (max - THREADS * DataKeyCache.MAX_RESERVATION) + 2));
        // 4 threads on 2 cores: the refresh thread is not always in time (20-35% misses measured)
        assertThat(misses.get()).as("data keys that came from refreshes, not misses").isLessThan(generation.get());
    }
}
