package io.keywarden.provider.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThat(l.entry().dataKeyIsZero()).as("cleared entries are zeroed").isTrue();
    }

    @Test
    void evictsTheEntryPutLongestAgoAndZeroesIt() {
        DataKeyCache c = cache(100, 1000, 2);
        DataKeyCache.Lease one = c.put(k(1), key(1), null, "a");
        DataKeyCache.Lease two = c.put(k(2), key(2), null, "b");
        assertThat(c.acquire(k(1))).as("hits do not refresh (FIFO)").isNotNull();
        c.put(k(3), key(3), null, "c");
        assertThat(one.entry().dataKeyIsZero()).isTrue();
        assertThat(two.entry().dataKeyIsZero()).isFalse();
        assertThat(c.acquire(k(1))).isNull();
        assertThat(c.acquire(k(2)).dataKey()).containsOnly(2);
        assertThat(c.acquire(k(3)).dataKey()).containsOnly(3);
    }

    @Test
    void replacingAnEntryZeroesTheOldOneAndKeepsTheBound() {
        DataKeyCache c = cache(100, 1000, 2);
        DataKeyCache.Lease old = c.put(k(1), key(1), null, "a");
        c.put(k(2), key(2), null, "b");
        c.put(k(1), key(4), null, "a");
        assertThat(old.entry().dataKeyIsZero()).isTrue();
        assertThat(c.size()).isEqualTo(2);
        assertThat(c.acquire(k(1)).dataKey()).containsOnly(4);
        assertThat(c.acquire(k(2)).dataKey()).containsOnly(2);
        for (int i = 10; i < 100; i++) {
            c.put(k(1), key(i), null, "a"); // many replaced entries: the put order is purged, not grown
            assertThat(c.slots()).isLessThanOrEqualTo(2 * 2);
        }
        c.put(k(3), key(3), null, "c");
        assertThat(c.size()).isEqualTo(2);
        assertThat(c.acquire(k(2))).as("k(2) was put before the last k(1)").isNull();
        assertThat(c.acquire(k(1)).dataKey()).containsOnly(99);
    }

    @Test
    void ageLimitIsExclusiveAndExpiredEntriesAreZeroed() {
        DataKeyCache c = cache(100, 1000, 10);
        DataKeyCache.Lease l = c.put(k(1), key(1), null, "a");
        now.addAndGet(Duration.ofSeconds(10).toNanos() - 1);
        assertThat(c.acquire(k(1))).as("1 ns before maxAge").isNotNull();
        now.incrementAndGet();
        assertThat(c.acquire(k(1))).as("at maxAge").isNull();
        assertThat(l.entry().dataKeyIsZero()).isTrue();
        assertThat(c.size()).isZero();
    }

    @Test
    void byteLimitStopsNewMessagesOnceReached() {
        DataKeyCache c = cache(100, 100, 10);
        DataKeyCache.Lease l = c.put(k(1), key(1), null, "a");
        c.addBytes(l.entry(), 99);
        assertThat(c.acquire(k(1))).as("99 < 100 bytes").isNotNull();
        c.addBytes(l.entry(), 1);
        assertThat(c.acquire(k(1))).as("100 bytes counted").isNull();
        assertThat(l.entry().dataKeyIsZero()).isTrue();
        assertThatThrownBy(() -> c.addBytes(l.entry(), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lastMessageDropsAndZeroesTheEntryAtOnce() {
        DataKeyCache c = cache(2, 100, 10);
        DataKeyCache.Lease l = c.put(k(1), key(1), null, "a");
        assertThat(c.acquire(k(1)).dataKey()).containsOnly(1);
        assertThat(c.size()).isZero();
        assertThat(l.entry().dataKeyIsZero()).isTrue();
        assertThat(l.dataKey()).as("leases keep their copies").containsOnly(1);
    }

    @Test
    void oneThreadGetsEveryMessageOfAnEntryWhileItReservesThemInGrowingBatches() {
        DataKeyCache c = cache(100, 1L << 40, 10);
        DataKeyCache.Lease l = c.put(k(1), key(1), null, "a");
        long[] counted = new long[6];
        for (int i = 0; i < counted.length; i++) {
            assertThat(c.acquire(k(1))).isNotNull();
            counted[i] = l.entry().messages();
        }
        // put counts 1; then reservations of 1, 2, 4, 8, 16: the shared counter moves once per batch
        assertThat(counted).containsExactly(2, 4, 4, 8, 8, 8);
        for (int i = counted.length; i < 99; i++) {
            assertThat(c.acquire(k(1))).as("message %d of 100", i + 2).isNotNull();
        }
        assertThat(l.entry().messages()).isEqualTo(100);
        assertThat(l.entry().dataKeyIsZero()).as("dropped as soon as its last message is taken").isTrue();
        assertThat(c.size()).isZero();
        assertThat(c.acquire(k(1))).isNull();
    }

    @Test
    void alternatingBetweenEntriesWastesNoReservedMessage() {
        DataKeyCache c = cache(50, 1L << 40, 10);
        c.put(k(1), key(1), null, "a");
        c.put(k(2), key(2), null, "b");
        for (int i = 0; i < 49; i++) {
            assertThat(c.acquire(k(1)).dataKey()).containsOnly(1);
            assertThat(c.acquire(k(2)).dataKey()).containsOnly(2);
        }
        assertThat(c.size()).as("both served exactly 50 messages").isZero();
    }

    @Test
    void bytesCountedOnTheThreadsOwnReservationAreAddedInBatchesButCheckedAtOnce() {
        DataKeyCache c = cache(1000, 200_000, 10);
        DataKeyCache.Lease l = c.put(k(1), key(1), null, "a");
        assertThat(c.acquire(k(1))).isNotNull(); // this thread now reserves from the entry
        c.addBytes(l.entry(), 1000);
        assertThat(l.entry().bytes()).as("kept by the thread below %d bytes", DataKeyCache.BYTES_PER_FLUSH).isZero();
        c.addBytes(l.entry(), DataKeyCache.BYTES_PER_FLUSH);
        assertThat(l.entry().bytes()).isEqualTo(1000 + DataKeyCache.BYTES_PER_FLUSH);
        c.addBytes(l.entry(), 200_000 - 1000 - DataKeyCache.BYTES_PER_FLUSH - 1);
        assertThat(c.acquire(k(1))).as("one byte below maxBytes, counting the thread's own").isNotNull();
        c.addBytes(l.entry(), 1);
        assertThat(l.entry().bytes()).as("not added yet").isLessThan(200_000);
        assertThat(c.acquire(k(1))).as("maxBytes reached with the thread's own bytes").isNull();
        assertThat(l.entry().dataKeyIsZero()).isTrue();
    }

    @Test
    void noKeyMaterialInToString() {
        DataKeyCache c = cache(100, 1000, 10);
        DataKeyCache.Lease l = c.put(k(1), key(0x41), new byte[] {0x42}, "arn");
        assertThat(l.toString()).isEqualTo("Lease[keyArn=arn]");
        assertThat(l.entry().toString()).isEqualTo("DataKeyCache.Entry[keyArn=arn, messages=1, bytes=0]");
    }

    static byte[] key(int fill) {
        byte[] b = new byte[32];
        java.util.Arrays.fill(b, (byte) fill);
        return b;
    }
}
