package io.keywarden.kms.audit;

import io.keywarden.kms.store.KmsStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Appends the events of read-only, refused and failed calls with group commit: one writer thread
 * takes every event queued so far (up to {@value #MAX_BATCH}), appends them to the chain in one
 * store write transaction — one durable commit for the batch — and then releases the callers, who
 * wait for their batch before their call returns. A batch that cannot be written fails every call
 * in it.
 */
final class AuditWriter implements AutoCloseable {

    static final int MAX_BATCH = 512;

    private record Pending(String event, CompletableFuture<Long> done) {
    }

    private final KmsStore store;
    private final AuditChain chain;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closing;

    AuditWriter(KmsStore store, AuditChain chain) {
        this.store = store;
        this.chain = chain;
        this.thread = new Thread(this::loop, "keywarden-audit-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues {@code event}; the future completes with its sequence number once it is durable. */
    CompletableFuture<Long> submit(String event) {
        CompletableFuture<Long> done = new CompletableFuture<>();
        if (closing) {
            done.completeExceptionally(new IllegalStateException("the audit writer is closed"));
            return done;
        }
        queue.add(new Pending(event, done));
        return done;
    }

    private void loop() {
        List<Pending> batch = new ArrayList<>();
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
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                if (closing && queue.isEmpty()) {
                    return;
                }
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        try {
            List<Long> seqs = store.write(tx -> {
                List<Long> out = new ArrayList<>(batch.size());
                for (Pending p : batch) {
                    out.add(chain.append(tx, p.event()));
                }
                return out;
            });
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done().complete(seqs.get(i));
            }
        } catch (RuntimeException | Error e) {
            batch.forEach(p -> p.done().completeExceptionally(e));
        }
    }

    /** Writes what is queued, then stops the thread. */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Pending p;
        while ((p = queue.poll()) != null) {
            p.done().completeExceptionally(new IllegalStateException("the audit writer is closed"));
        }
    }
}
