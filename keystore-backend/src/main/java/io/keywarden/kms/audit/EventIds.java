package io.keywarden.kms.audit;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@code requestID} and {@code eventID} of audit events: version-4 (random) UUIDs drawn from
 * {@link ThreadLocalRandom} instead of {@code SecureRandom}. They only have to be unique, not
 * unpredictable: they are not secrets and nothing is derived from them (docs/audit.md), and two
 * SecureRandom UUIDs per event were a measurable share of a data-plane call.
 */
final class EventIds {

    private EventIds() {
    }

    /** A new random UUID (version 4, IETF variant), as text. */
    static String next() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
