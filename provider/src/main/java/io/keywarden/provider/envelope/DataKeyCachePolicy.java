package io.keywarden.provider.envelope;

import java.time.Duration;
import java.util.Objects;

/**
 * The hard limits of a data-key cache (docs/envelope-format.md §5): an entry serves new messages
 * while it is younger than {@code maxAge}, has served fewer than {@code maxMessages} messages and
 * fewer than {@code maxBytes} plaintext bytes; a cache holds at most {@code maxEntries} entries.
 */
public record DataKeyCachePolicy(Duration maxAge, long maxMessages, long maxBytes, int maxEntries) {

    /**
     * The defaults of {@code cache.dataKeys.*} (docs/configuration.md): 300 s, 65,536 messages and
     * 4 GiB of plaintext per data key, 100 entries per cache. The message bound is the MAC sessions'
     * (one authorization covers up to 65,536 MACs); docs/performance-history.md, "Data-key cache default
     * of 65,536 messages", has the figures that chose it.
     */
    public static DataKeyCachePolicy defaults() {
        return new DataKeyCachePolicy(Duration.ofSeconds(300), 65_536, 1L << 32, 100);
    }

    public DataKeyCachePolicy {
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative() || maxAge.isZero() || maxAge.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("maxAge must be > 0 and at most 24 hours");
        }
        if (maxMessages < 1 || maxMessages > (1L << 32)) {
            throw new IllegalArgumentException("maxMessages must be between 1 and 2^32");
        }
        if (maxBytes < 1 || maxBytes > (1L << 62)) {
            throw new IllegalArgumentException("maxBytes must be between 1 and 2^62");
        }
        if (maxEntries < 1 || maxEntries > 100_000) {
            throw new IllegalArgumentException("maxEntries must be between 1 and 100000");
        }
    }
}
