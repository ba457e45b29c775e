package io.keywarden.provider.mac;

import java.time.Duration;

/**
 * The limits of the provider's MAC sessions (docs/engine.md, "MAC sessions";
 * {@code cache.macKeys.*} in keywarden.conf): each authorization covers at most
 * {@code maxMessages} MACs and {@code maxAge}; at most {@code maxEntries} sessions (one per key and
 * algorithm) are kept open, and an evicted one is closed.
 */
public record MacSessionPolicy(Duration maxAge, long maxMessages, int maxEntries) {

    public MacSessionPolicy {
        if (maxAge == null || maxAge.compareTo(Duration.ofSeconds(1)) < 0 || maxAge.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("maxAge must be from 1 second to 1 day");
        }
        if (maxMessages < 1 || maxMessages > (1L << 32)) {
            throw new IllegalArgumentException("maxMessages must be from 1 to 2^32");
        }
        if (maxEntries < 1 || maxEntries > 10_000) {
            throw new IllegalArgumentException("maxEntries must be from 1 to 10000");
        }
    }

    /** The defaults: 300 s, 65,536 MACs per authorization, 100 sessions. */
    public static MacSessionPolicy defaults() {
        return new MacSessionPolicy(Duration.ofSeconds(300), 65_536, 100);
    }
}
