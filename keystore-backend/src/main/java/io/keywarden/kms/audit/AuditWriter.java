package io.keywarden.kms.audit;

import io.keywarden.kms.store.KmsStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Appends events with group commit: one writer thread takes every event queued so far (up to
 * {@value #MAX_BATCH}), renders those whose callers left it the rendering ({@link #hasRoom}) and
 * appends them to the chain in one store write transaction — one
 * durable commit for the batch — and then completes their futures. A caller that must not return
 * before its event is durable waits on the future ({@link #submit}); a data-plane call does not
 * ({@link #submitUnawaited}) and its event becomes durable with the next commit. While only such
 * events wait, commits are at least {@code commitInterval} apart (counted from the start of the
 * previous one): the writer holds a batch until then, so that at moderate rates many events share one
 * fsync instead of two or three; an awaited event or a flush ends the hold at once, and an event that
 * comes after a quiet spell longer than the interval is committed at once. The queue is bounded
 * ({@value #CAPACITY} events): when it is full, callers wait for room, so memory and the window of
 * not-yet-durable events stay bounded. A batch that cannot be written is retried; if it still fails,
 * every awaited call in it fails and the writer reports itself {@linkplain #healthy() unhealthy}
 * until a batch is written again.
 */
final class AuditWriter implements AutoCloseable {

    static final int MAX_BATCH = 4096;
    static final int CAPACITY = 16_384;
    private static final int WRITE_ATTEMPTS = 3;

    private record Pending(Supplier<String> event, CompletableFuture<Long> done) {
    }

    private final KmsStore store;
    private final AuditChain chain;
    private final ArrayBlockingQueue<Pending> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Thread thread;
    private final long commitIntervalNanos;
    /** Set when an awaited event or a flush marker is queued: the writer stops holding its batch. */
    private volatile boolean urgent;
    private volatile boolean closing;
    private volatile boolean healthy = true;
    /** Whether the writer used less than half of the time since its previous batch (see {@link #hasRoom}). */
    private volatile boolean roomy = true;
    /** The writer thread's CPU time in nanoseconds, or the wall clock where the JVM cannot measure it. */
    private final LongSupplier busyClock = threadCpuClock();

    /** @param commitIntervalMillis the least time between the starts of two commits of data-plane events only (0: none) */
    AuditWriter(KmsStore store, AuditChain chain, long commitIntervalMillis) {
        if (commitIntervalMillis < 0) {
            throw new IllegalArgumentException("commitIntervalMillis must not be negative");
        }
        this.store = store;
        this.chain = chain;
        this.commitIntervalNanos = TimeUnit.MILLISECONDS.toNanos(commitIntervalMillis);
        this.thread = new Thread(this::loop, "keywarden-audit-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues {@code event}; the future completes with its sequence number once it is durable. */
    CompletableFuture<Long> submit(String event) {
        CompletableFuture<Long> done = new CompletableFuture<>();
        if (!enqueue(new Pending(() -> event, done))) {
            done.completeExceptionally(new IllegalStateException("the audit writer is closed"));
        } else {
            hurry();
        }
        return done;
    }

    /**
     * Queues an event (its supplier runs on the writer thread), without waiting for it to be durable (it is with
     * the next commit); false when the writer is closed (the caller then records durably, and fails).
     */
    boolean submitUnawaited(Supplier<String> event) {
        return enqueue(new Pending(event, null));
    }

    /** False after a batch could not be written, until one is: callers then wait for durability. */
    boolean healthy() {
        return healthy;
    }

    /**
     * Whether the writer has time to spare: its last batch (rendering, hashing, the insert and the
     * commit) took less than half of the time from the end of its previous batch to the end of that
     * one, counting the writer thread's CPU time, not the time it waited for the disk (a commit's
     * fsync, the same per batch whatever its size, is what group commit spreads over more events as
     * the rate grows, and it leaves the core to others). A caller then leaves the rendering of
     * its event to the writer ({@link #submitUnawaited} with a supplier that renders); otherwise it
     * renders the event itself, so that the writer does not become the bound of the data plane.
     * Where the JVM cannot measure a thread's CPU time, the wall-clock time of the batch counts.
     */
    boolean hasRoom() {
        return roomy;
    }

    private boolean enqueue(Pending p) {
        try {
            while (!closing) {
                if (queue.offer(p, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** Waits until every event queued before this call is durable (or failed), at most {@code millis}. */
    void flush(long millis) {
        CompletableFuture<Long> marker = new CompletableFuture<>();
        if (!enqueue(new Pending(null, marker))) {
            return;
        }
        hurry();
        try {
            marker.get(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // the events before it failed or are late; nothing more to do here
        }
    }

    private static LongSupplier threadCpuClock() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled()) {
            return threads::getCurrentThreadCpuTime;
        }
        return System::nanoTime;
    }

    /** Ends the writer's hold: someone waits for the events queued so far. */
    private void hurry() {
        urgent = true;
        LockSupport.unpark(thread);
    }

    private void loop() {
        List<Pending> batch = new ArrayList<>();
        long lastCommit = System.nanoTime() - commitIntervalNanos;
        long previousEnd = System.nanoTime() - TimeUnit.SECONDS.toNanos(1); // as if idle for a second before
        while (true) {
            try {
                Pending first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing && queue.isEmpty()) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                if (first.done() == null) {
                    holdUntil(lastCommit + commitIntervalNanos);
                }
                urgent = false; // before the drain: a waiter queued after it sets it again
                queue.drainTo(batch, MAX_BATCH - 1);
                lastCommit = System.nanoTime();
                long busyBefore = busyClock.getAsLong();
                write(batch);
                long busy = busyClock.getAsLong() - busyBefore;
                long end = System.nanoTime();
                roomy = 2 * busy < end - previousEnd; // busy less than half the time since the last batch
                previousEnd = end;
            } catch (InterruptedException e) {
                if (closing && queue.isEmpty()) {
                    return;
                }
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Parks until {@code deadline} (System.nanoTime) unless a waiter hurries the writer, the engine
     * closes or a full batch is queued; events queued meanwhile wake no one (no signal per event).
     */
    private void holdUntil(long deadline) {
        while (!urgent && !closing) {
            long wait = deadline - System.nanoTime();
            if (wait <= 0 || queue.size() >= MAX_BATCH - 1) {
                return;
            }
            LockSupport.parkNanos(this, Math.min(wait, HOLD_SLICE_NANOS));
        }
    }

    /** The writer looks at the queue's size this often while it holds a batch. */
    private static final long HOLD_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private void write(List<Pending> batch) {
        String[] rendered = new String[batch.size()];
        RuntimeException[] renderErrors = new RuntimeException[batch.size()];
        List<String> toWrite = new ArrayList<>(batch.size());
        for (int i = 0; i < rendered.length; i++) {
            Supplier<String> event = batch.get(i).event();
            if (event == null) {
                continue; // a flush marker
            }
            try {
                rendered[i] = event.get();
                toWrite.add(rendered[i]);
            } catch (RuntimeException e) {
                renderErrors[i] = e;
                if (batch.get(i).done() == null) { // its call returned already: say so (the type only, never content)
                    System.getLogger("io.keywarden.kms").log(System.Logger.Level.WARNING,
                            "an audit event could not be rendered and is lost: " + e.getClass().getSimpleName());
                }
            }
        }
        RuntimeException failure = null;
        long seq = 0;
        for (int attempt = 1; attempt <= WRITE_ATTEMPTS && !toWrite.isEmpty(); attempt++) {
            try {
                seq = store.write(tx -> chain.appendAll(tx, toWrite));
                failure = null;
                break;
            } catch (RuntimeException | Error e) {
                failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                pause(attempt);
            }
        }
        boolean rendersFailed = false;
        for (RuntimeException e : renderErrors) {
            rendersFailed |= e != null;
        }
        // health first, then the waiters: a flush that returns has seen this batch's verdict
        if (!toWrite.isEmpty() || rendersFailed) {
            healthy = failure == null && !rendersFailed; // a batch of flush markers alone tells nothing
        }
        for (int i = 0; i < rendered.length; i++) {
            Pending p = batch.get(i);
            RuntimeException error = renderErrors[i] != null ? renderErrors[i] : rendered[i] != null ? failure : null;
            long mine = seq;
            if (rendered[i] != null && failure == null) {
                seq++;
            }
            if (p.done() == null) {
                continue;
            }
            if (error != null) {
                p.done().completeExceptionally(error);
            } else {
                p.done().complete(mine);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(20L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes what is queued, then stops the thread. */
    @Override
    public void close() {
        closing = true;
        LockSupport.unpark(thread);
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Pending p;
        while ((p = queue.poll()) != null) {
            if (p.done() != null) {
                p.done().completeExceptionally(new IllegalStateException("the audit writer is closed"));
            }
        }
    }
}
