package io.keywarden.provider.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DataKeyCacheTest {

    final AtomicLong now = new AtomicLong();

    DataKeyCache cache(long maxMessages, long maxBytes, int maxEntries) {
        return new DataKeyCache(new DataKeyCachePolicy(Duration.ofSeconds(10), maxMessages, maxBytes, maxEntries),
                now::get);
    }

    static byte[] k(int i) {
        return new byte[] {(byte) i};
    }

    @Test
    void expiresByAgeMessagesAndBytes() {
        DataKeyCache c = cache(2, 100, 10);
        DataKeyCache.Lease first = c.put(k(1), new byte[32], new byte[] {9}, "arn");
        assertThat(c.acquire(k(1))).isNotNull();
        assertThat(c.acquire(k(1))).as("max messages").isNull();
        c.put(k(2), new byte[32], new byte[] {9}, "arn");
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(c.acquire(k(2))).as("max age").isNull();
        DataKeyCache.Lease l = c.put(k(3), new byte[32], new byte[] {9}, "arn");
        c.addBytes(l.entry(), 100);
        assertThat(c.acquire(k(3))).as("max bytes").isNull();
        assertThat(first.toString()).doesNotContain("0, 0");
    }

    @Test
    void boundedEntriesAreZeroedWhenEvicted() {
        DataKeyCache c = cache(100, 1000, 2);
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) 7);
        c.put(k(1), key, null, "a");
        c.put(k(2), key, null, "b");
        c.put(k(3), key, null, "c");
        assertThat(c.size()).isEqualTo(2);
        assertThat(c.acquire(k(1))).isNull();
        DataKeyCache.Lease l = c.acquire(k(3));
        assertThat(l.dataKey()).containsOnly(7);
        c.clear();
        assertThat(c.size()).isZero();
        assertThat(l.dataKey()).as("a lease keeps its own copy").containsOnly(7);
    }
}
