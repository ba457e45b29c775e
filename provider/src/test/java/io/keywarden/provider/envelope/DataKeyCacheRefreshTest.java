package io.keywarden.provider.envelope;

import static io.keywarden.provider.envelope.DataKeyCacheTest.k;
import static io.keywarden.provider.envelope.DataKeyCacheTest.key;
import static org.assertj.core.api.Assertions.assertThat;

import io.keywarden.kms.api.errors.DisabledException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Refresh ahead (DataKeyCache's class comment): the backend call runs beside the entry, not at its end. */
class DataKeyCacheRefreshTest {

    final AtomicLong now = new AtomicLong();
    /** The refresh thread, run by hand. */
    final ArrayDeque<Runnable> queued = new ArrayDeque<>();
    final Executor byHand = queued::add;
    /** The data keys the "backend" handed out, to check that the cache zeroes them. */
    final List<byte[]> handedOut = new ArrayList<>();
    final AtomicInteger calls = new AtomicInteger();

    DataKeyCache cache(long maxMessages, int maxEntries) {
        return new DataKeyCache(new DataKeyCachePolicy(Duration.ofSeconds(100), maxMessages, 1L << 40, maxEntries),
                now::get, byHand, true);
    }

    /** A backend call that hands out a data key filled with {@code fill}. */
    Supplier<DataKeyCache.Fresh> backend(int fill) {
        return () -> {
            calls.incrementAndGet();
            byte[] k = key(fill);
            handedOut.add(k);
            return new DataKeyCache.Fresh(k, new byte[] {(byte) fill}, "arn");
        };
    }

    /** Acquires like the provider does: starting the refresh when the lease says it is due. */
    DataKeyCache.Lease acquire(DataKeyCache c, int key, Supplier<DataKeyCache.Fresh> refresh) {
        DataKeyCache.Lease l = c.acquire(k(key));
        if (l != null && l.refreshDue()) {
            c.refreshAhead(k(key), l, refresh);
        }
        return l;
    }

    void runRefreshes() {
        while (!queued.isEmpty()) {
            queued.poll().run();
        }
    }

    @Test
    void theRefreshedKeyTakesOverWhenTheEntryIsUsedUpWithoutAMiss() {
        DataKeyCache c = cache(64, 10);
        c.put(k(1), key(1), null, "arn"); // message 1
        int dueAt = -1;
        for (int m = 2; m <= 64; m++) {
            DataKeyCache.Lease l = acquire(c, 1, backend(2));
            assertThat(l.dataKey()).as("message %d is the first key's", m).containsOnly(1);
            if (l.refreshDue()) {
                assertThat(dueAt).as("reported once").isEqualTo(-1);
                dueAt = m;
                runRefreshes(); // the refresh thread gets to it while the entry keeps serving
            }
        }
        // due when 32 of 64 are counted: at message 17 this thread reserved messages 17 to 32
        assertThat(dueAt).isEqualTo(17);
        assertThat(calls).hasValue(1);
        DataKeyCache.Lease next = acquire(c, 1, backend(3));
        assertThat(next).as("message 65: no miss").isNotNull();
        assertThat(next.dataKey()).containsOnly(2);
        assertThat(next.entry().messages()).as("the fresh entry counts its own messages").isEqualTo(1);
        assertThat(handedOut.get(0)).as("the backend's copy is zeroed").containsOnly(0);
        assertThat(c.size()).isEqualTo(1);
    }

    @Test
    void aRefreshFinishingAfterTheEntryIsUsedUpIsPutForTheNextMessage() {
        DataKeyCache c = cache(64, 10);
        DataKeyCache.Lease first = c.put(k(1), key(1), null, "arn");
        for (int m = 2; m <= 64; m++) {
            acquire(c, 1, backend(2));
        }
        assertThat(first.entry().dataKeyIsZero()).as("used up and zeroed").isTrue();
        assertThat(c.acquire(k(1))).as("the refresh has not run yet: a miss").isNull();
        runRefreshes();
        assertThat(acquire(c, 1, backend(3)).dataKey()).containsOnly(2);
    }

    @Test
    void aRefreshFinishingAfterAMissPutAnotherKeyIsDropped() {
        DataKeyCache c = cache(64, 10);
        c.put(k(1), key(1), null, "arn");
        for (int m = 2; m <= 64; m++) {
            acquire(c, 1, backend(2));
        }
        c.put(k(1), key(9), null, "arn"); // the miss's own backend call
        runRefreshes();
        assertThat(c.acquire(k(1)).dataKey()).containsOnly(9);
        assertThat(handedOut.get(0)).containsOnly(0);
    }

    @Test
    void aFailedRefreshChangesNothingAndTheNextMissCallsAgain() {
        DataKeyCache c = cache(64, 10);
        c.put(k(1), key(1), null, "arn");
        Supplier<DataKeyCache.Fresh> refused = () -> {
            calls.incrementAndGet();
            throw new DisabledException("arn is disabled.");
        };
        for (int m = 2; m <= 64; m++) {
            assertThat(acquire(c, 1, refused).dataKey()).containsOnly(1);
            runRefreshes();
        }
        assertThat(calls).as("one refresh per entry").hasValue(1);
        assertThat(c.acquire(k(1))).as("used up, nothing refreshed: the caller's miss reports the error").isNull();
    }

    @Test
    void evictedAndClearedEntriesDropTheirRefreshedKeys() {
        DataKeyCache c = cache(64, 1);
        c.put(k(1), key(1), null, "arn");
        for (int m = 2; m <= 60; m++) {
            acquire(c, 1, backend(2));
        }
        runRefreshes(); // waiting beside entry 1
        c.put(k(2), key(5), null, "arn"); // evicts entry 1 for room
        assertThat(handedOut.get(0)).as("the waiting key is zeroed with its entry").containsOnly(0);
        assertThat(c.acquire(k(1))).isNull();

        for (int m = 2; m <= 60; m++) {
            acquire(c, 2, backend(6));
        }
        c.clear();
        runRefreshes(); // finishes after the clear
        assertThat(c.size()).as("not put back").isZero();
        assertThat(handedOut.get(1)).containsOnly(0);
    }

    @Test
    void ageMakesARefreshDueToo() {
        DataKeyCache c = cache(1000, 10);
        c.put(k(1), key(1), null, "arn");
        now.set(Duration.ofSeconds(74).toNanos());
        assertThat(acquire(c, 1, backend(2)).refreshDue()).isFalse();
        now.set(Duration.ofSeconds(75).toNanos());
        assertThat(acquire(c, 1, backend(2)).refreshDue()).as("three quarters of maxAge").isTrue();
        runRefreshes();
        now.set(Duration.ofSeconds(100).toNanos());
        DataKeyCache.Lease l = acquire(c, 1, backend(3));
        assertThat(l.dataKey()).as("the old entry aged out; the refreshed one (25 s old) serves").containsOnly(2);
        now.set(Duration.ofSeconds(175).toNanos());
        assertThat(c.acquire(k(1))).as("the refreshed entry's own age counts from its call").isNull();
    }

    @Test
    void smallMessageLimitsAreNotRefreshedAhead() {
        DataKeyCache c = cache(DataKeyCache.MIN_REFRESH_AHEAD_MESSAGES - 1, 10);
        c.put(k(1), key(1), null, "arn");
        for (int m = 2; m < DataKeyCache.MIN_REFRESH_AHEAD_MESSAGES; m++) {
            assertThat(acquire(c, 1, backend(2)).refreshDue()).isFalse();
        }
        assertThat(c.size()).isZero();
        assertThat(queued).isEmpty();
    }

    @Test
    void aFullRefreshQueueIsNotAnError() {
        DataKeyCache c = new DataKeyCache(new DataKeyCachePolicy(Duration.ofSeconds(100), 64, 1L << 40, 10),
                now::get, r -> {
                    throw new java.util.concurrent.RejectedExecutionException("full");
                }, true);
        c.put(k(1), key(1), null, "arn");
        for (int m = 2; m <= 64; m++) {
            assertThat(acquire(c, 1, backend(2)).dataKey()).containsOnly(1);
        }
        assertThat(calls).hasValue(0);
        assertThat(c.acquire(k(1))).isNull();
    }

    @Test
    void byDefaultTheThreadWhoseMessageFoundItDueMakesTheCall() {
        DataKeyCache c = new DataKeyCache(new DataKeyCachePolicy(Duration.ofSeconds(100), 64, 1L << 40, 10), now::get);
        c.put(k(1), key(1), null, "arn");
        Thread[] caller = new Thread[1];
        Supplier<DataKeyCache.Fresh> call = () -> {
            caller[0] = Thread.currentThread();
            return backend(2).get();
        };
        for (int m = 2; m <= 64; m++) {
            DataKeyCache.Lease l = acquire(c, 1, call);
            if (l.refreshDue()) {
                assertThat(calls).as("made before refreshAhead returns").hasValue(1);
            }
        }
        assertThat(caller[0]).isSameAs(Thread.currentThread());
        assertThat(acquire(c, 1, backend(3)).dataKey()).containsOnly(2);
    }

    @Test
    void aDecryptionCacheRefreshesAheadOnlyTheKeysItUsedUpBefore() {
        DataKeyCache c = new DataKeyCache(new DataKeyCachePolicy(Duration.ofSeconds(100), 64, 1L << 40, 10),
                now::get, byHand, false);
        c.put(k(1), key(1), null, "arn");
        for (int m = 2; m <= 64; m++) {
            assertThat(acquire(c, 1, backend(1)).refreshDue()).as("first entry of the key: message %d", m).isFalse();
        }
        assertThat(c.acquire(k(1))).as("used up").isNull();
        c.put(k(1), key(1), null, "arn"); // the miss's Decrypt: the key is decrypted past its limit
        boolean due = false;
        for (int m = 2; m <= 64; m++) {
            due |= acquire(c, 1, backend(1)).refreshDue();
            runRefreshes();
        }
        assertThat(due).isTrue();
        assertThat(acquire(c, 1, backend(1))).as("the refreshed entry took over").isNotNull();
        assertThat(calls).hasValue(1);
        c.clear();
        c.put(k(1), key(1), null, "arn");
        for (int m = 2; m <= 64; m++) {
            assertThat(acquire(c, 1, backend(1)).refreshDue()).as("forgotten by clear()").isFalse();
        }
    }
}
