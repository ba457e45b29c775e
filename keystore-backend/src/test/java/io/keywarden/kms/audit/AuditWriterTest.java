package io.keywarden.kms.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.keywarden.kms.store.KmsStore;
import io.keywarden.kms.store.RootKeySource;
import io.keywarden.kms.store.SqliteKmsStore;
import io.keywarden.kms.store.StoreTransaction;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer's commit interval: data-plane (unawaited) events that come within one interval of the
 * last commit wait for the interval and share one commit; a waiting caller, a flush or close ends the
 * hold at once; an event after a quiet spell is committed at once. Commits are counted on a real
 * SQLite store.
 */
class AuditWriterTest {

    @TempDir
    Path dir;

    /** The store, counting its write transactions (each one commit). */
    private static final class CountingStore implements KmsStore {
        final SqliteKmsStore inner;
        final AtomicInteger writes = new AtomicInteger();
        /** Added to every write transaction as CPU time (a spin), to make the writer busy. */
        volatile long writeBusyMillis;
        /** Added to every write transaction as a sleep, as a slow disk's fsync would. */
        volatile long writeWaitMillis;

        CountingStore(SqliteKmsStore inner) {
            this.inner = inner;
        }

        @Override
        public <T> T read(Function<StoreTransaction, T> work) {
            return inner.read(work);
        }

        @Override
        public <T> T write(Function<StoreTransaction, T> work) {
            T t = inner.write(work);
            writes.incrementAndGet();
            long busyUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(writeBusyMillis);
            while (System.nanoTime() < busyUntil) {
                Thread.onSpinWait();
            }
            long wait = writeWaitMillis;
            if (wait > 0) {
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return t;
        }

        @Override
        public void backupTo(Path target) {
            inner.backupTo(target);
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    private CountingStore store() {
        Path s = dir.resolve("store");
        return new CountingStore(SqliteKmsStore.open(s, RootKeySource.keyFile(s.resolve("root.key"))));
    }

    private static AuditWriter writer(KmsStore store, long intervalMillis) {
        return new AuditWriter(store, new AuditChain(new DigestSigner(Clock.systemUTC()), 1000), intervalMillis);
    }

    private static String event(int n) {
        return "{\"eventName\":\"Test\",\"n\":" + n + "}";
    }

    private static List<Integer> stored(KmsStore store) {
        List<Integer> out = new ArrayList<>();
        AuditTrail.list(store, new AuditTrail.Filter(null, null, null, null, null, false),
                e -> out.add(CanonicalJson.read(e).path("n").asInt()));
        return out;
    }

    /** Waits (at most 10 s) until {@code n} events are in the store. */
    private static void awaitStored(KmsStore store, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (stored(store).size() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(stored(store)).hasSize(n);
    }

    @Test
    void dataPlaneEventsWithinOneIntervalShareOneCommit() throws Exception {
        CountingStore store = store();
        try (AuditWriter w = writer(store, 2_000)) {
            w.submitUnawaited(() -> event(0));
            awaitStored(store, 1); // the first event after a quiet spell is committed at once
            assertThat(store.writes.get()).isEqualTo(1);
            for (int i = 1; i <= 50; i++) {
                int n = i;
                w.submitUnawaited(() -> event(n));
            }
            Thread.sleep(200);
            assertThat(store.writes.get()).as("held until the interval has passed").isEqualTo(1);
            assertThat(stored(store)).hasSize(1);
            awaitStored(store, 51);
            assertThat(store.writes.get()).as("the fifty share one commit").isEqualTo(2);
            assertThat(stored(store)).containsExactlyElementsOf(range(0, 51));
        } finally {
            store.close();
        }
    }

    @Test
    void aWaitingCallerEndsTheHold() throws Exception {
        CountingStore store = store();
        try (AuditWriter w = writer(store, 60_000)) {
            w.submitUnawaited(() -> event(0));
            awaitStored(store, 1);
            w.submitUnawaited(() -> event(1));
            long seq = w.submit(event(2)).get(10, TimeUnit.SECONDS); // not a minute
            assertThat(seq).isEqualTo(3);
            assertThat(stored(store)).containsExactly(0, 1, 2);
            assertThat(store.writes.get()).isEqualTo(2);
        } finally {
            store.close();
        }
    }

    @Test
    void flushAndCloseEndTheHold() throws Exception {
        CountingStore store = store();
        AuditWriter w = writer(store, 60_000);
        try {
            w.submitUnawaited(() -> event(0));
            awaitStored(store, 1);
            w.submitUnawaited(() -> event(1));
            long start = System.nanoTime();
            w.flush(30_000);
            assertThat(stored(store)).containsExactly(0, 1);
            w.submitUnawaited(() -> event(2));
            w.submitUnawaited(() -> event(3));
            w.close();
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(20);
            assertThat(stored(store)).containsExactly(0, 1, 2, 3);
        } finally {
            w.close();
            store.close();
        }
    }

    @Test
    void withoutAnIntervalEventsAreCommittedAsTheyCome() throws Exception {
        CountingStore store = store();
        try (AuditWriter w = writer(store, 0)) {
            for (int i = 0; i < 5; i++) {
                int n = i;
                w.submitUnawaited(() -> event(n));
                awaitStored(store, i + 1);
            }
            assertThat(store.writes.get()).isEqualTo(5);
        } finally {
            store.close();
        }
    }

    @Test
    void hasRoomWhileMostlyIdleButNotWhileItWritesBackToBack() throws Exception {
        CountingStore store = store();
        try (AuditWriter w = writer(store, 0)) {
            assertThat(w.hasRoom()).isTrue();
            w.submitUnawaited(() -> event(0));
            awaitStored(store, 1);
            assertThat(w.hasRoom()).as("one short batch after a quiet start").isTrue();

            store.writeBusyMillis = 30; // every batch now takes 30 ms of CPU, and events keep coming
            boolean sawNoRoom = false;
            int n = 1;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!sawNoRoom && System.nanoTime() < deadline) {
                int k = n++;
                w.submitUnawaited(() -> event(k));
                Thread.sleep(1);
                sawNoRoom = !w.hasRoom();
            }
            assertThat(sawNoRoom).as("busy all the time: no room").isTrue();
            awaitStored(store, n);

            store.writeBusyMillis = 0;
            Thread.sleep(200); // a quiet spell, then one quick batch
            int last = n;
            w.submitUnawaited(() -> event(last));
            awaitStored(store, n + 1);
            assertThat(w.hasRoom()).as("room again after the quiet spell").isTrue();
            assertThat(stored(store)).containsExactlyElementsOf(range(0, n + 1));
        } finally {
            store.close();
        }
    }

    @Test
    void waitingForTheDiskIsNotBusy() throws Exception {
        CountingStore store = store();
        try (AuditWriter w = writer(store, 0)) {
            store.writeWaitMillis = 30; // every batch now waits 30 ms, as for a slow fsync, and events keep coming
            int n = 0;
            boolean sawNoRoom = false;
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(600);
            while (System.nanoTime() < end) {
                int k = n++;
                w.submitUnawaited(() -> event(k));
                Thread.sleep(1);
                sawNoRoom |= !w.hasRoom();
            }
            awaitStored(store, n);
            assertThat(store.writes.get()).as("batches written back to back").isGreaterThan(5);
            assertThat(sawNoRoom).as("a writer that waits for the disk has room for the callers' rendering").isFalse();
            assertThat(stored(store)).containsExactlyElementsOf(range(0, n));
        } finally {
            store.close();
        }
    }

    @Test
    void aRenderingThatFailsOnTheWriterIsLostAndMakesItUnhealthyUntilABatchIsWritten() throws Exception {
        CountingStore store = store();
        try (AuditWriter w = writer(store, 0)) {
            w.submitUnawaited(() -> {
                throw new IllegalStateException("cannot render");
            });
            w.flush(10_000);
            assertThat(w.healthy()).isFalse();
            assertThat(stored(store)).isEmpty();
            w.submitUnawaited(() -> event(1));
            w.flush(10_000);
            assertThat(w.healthy()).isTrue();
            assertThat(stored(store)).containsExactly(1);
        } finally {
            store.close();
        }
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(i);
        }
        return out;
    }
}
