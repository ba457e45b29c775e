package io.keywarden.kms.engine;

import io.keywarden.kms.api.errors.InvalidMarkerException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Pagination of the List operations: Limit 1–1000 (default 100), and a Marker that is the opaque
 * (base64url) form of the last item's sort key.
 */
final class Paging {

    static final int DEFAULT_LIMIT = 100;
    private static final String PREFIX = "kw1:";

    private Paging() {
    }

    static int limit(Integer limit) {
        return Validate.range(limit, "limit", 1, 1000, DEFAULT_LIMIT);
    }

    /** The sort key after which the page starts, or null for the first page. */
    static String after(String marker) {
        if (marker == null) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
            if (!decoded.startsWith(PREFIX)) {
                throw new IllegalArgumentException();
            }
            return decoded.substring(PREFIX.length());
        } catch (IllegalArgumentException e) {
            throw new InvalidMarkerException("Invalid marker");
        }
    }

    /** The page of {@code limit} items out of {@code fetched} (fetched with limit + 1). */
    record Page<T>(List<T> items, String nextMarker, boolean truncated) {
    }

    static <T> Page<T> page(List<T> fetched, int limit, Function<T, String> sortKey) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null, false);
        }
        List<T> items = fetched.subList(0, limit);
        String last = sortKey.apply(items.get(limit - 1));
        String marker = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + last).getBytes(StandardCharsets.UTF_8));
        return new Page<>(List.copyOf(items), marker, true);
    }
}
