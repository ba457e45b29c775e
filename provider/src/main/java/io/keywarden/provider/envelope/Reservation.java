package io.keywarden.provider.envelope;

import io.keywarden.provider.envelope.DataKeyCache.Entry;

/**
 * One thread's reservation of messages on one {@link DataKeyCache} entry (see "Per-thread
 * reservations" in its class comment); used by its own thread only.
 */
final class Reservation {

    Entry entry;
    long left;
    long size = 1;
    boolean holdsLast;
    long pendingBytes;

    /** Makes this the reservation on {@code e}, adding the bytes counted on the previous entry. */
    void moveTo(Entry e) {
        if (entry != e) {
            flush();
            start(e);
        }
    }

    void flush() {
        if (entry != null && pendingBytes > 0) {
            entry.addBytes(pendingBytes);
        }
        pendingBytes = 0;
    }

    /** Forgets the entry (dropped from the cache): its counts no longer matter. */
    void drop() {
        pendingBytes = 0;
        start(null);
    }

    private void start(Entry e) {
        entry = e;
        left = 0;
        size = 1;
        holdsLast = false;
    }
}

