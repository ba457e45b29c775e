package io.keywarden.server.http;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counts and latencies per operation and outcome ({@code ok} or the error type), written in
 * the Prometheus text exposition format: {@code keywarden_requests_total} (a counter) and
 * {@code keywarden_request_duration_seconds} (a histogram). Label values come from the server's
 * closed sets (operation names of the backend, error types), never from a client's free text, so the
 * number of series is bounded.
 */
public final class RequestMetrics {

    /** Histogram bucket upper bounds, in seconds. */
    static final double[] BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};

    private final Map<Series, Histogram> series = new ConcurrentSkipListMap<>();
    private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();

    /** Records one request of {@code operation} that ended with {@code outcome} after {@code nanos}. */
    public void record(String operation, String outcome, long nanos) {
        series.computeIfAbsent(new Series(operation, outcome), s -> new Histogram()).observe(nanos / 1e9);
    }

    /** Counts a request refused before dispatch (authentication, size, protocol), by error type. */
    public void rejected(String errorType) {
        rejected.computeIfAbsent(errorType, t -> new LongAdder()).increment();
    }

    /** The metrics in the Prometheus text format (version 0.0.4). */
    public String scrape() {
        StringBuilder out = new StringBuilder(4096);
        out.append("# HELP keywarden_requests_total KMS requests served, by operation and outcome.\n");
        out.append("# TYPE keywarden_requests_total counter\n");
        series.forEach((s, h) -> out.append("keywarden_requests_total").append(s.labels(null))
                .append(' ').append(h.count.sum()).append('\n'));
        out.append("# HELP keywarden_request_duration_seconds KMS request latency, by operation and outcome.\n");
        out.append("# TYPE keywarden_request_duration_seconds histogram\n");
        series.forEach((s, h) -> {
            long cumulative = 0;
            for (int i = 0; i < BUCKETS.length; i++) {
                cumulative += h.buckets[i].sum();
                out.append("keywarden_request_duration_seconds_bucket").append(s.labels(format(BUCKETS[i])))
                        .append(' ').append(cumulative).append('\n');
            }
            out.append("keywarden_request_duration_seconds_bucket").append(s.labels("+Inf"))
                    .append(' ').append(h.count.sum()).append('\n');
            out.append("keywarden_request_duration_seconds_sum").append(s.labels(null))
                    .append(' ').append(String.format(Locale.ROOT, "%.6f", h.sumMicros.sum() / 1e6)).append('\n');
            out.append("keywarden_request_duration_seconds_count").append(s.labels(null))
                    .append(' ').append(h.count.sum()).append('\n');
        });
        out.append("# HELP keywarden_requests_rejected_total Requests refused before reaching the engine, by error type.\n");
        out.append("# TYPE keywarden_requests_rejected_total counter\n");
        new ConcurrentSkipListMap<>(rejected).forEach((type, n) -> out.append("keywarden_requests_rejected_total{error=\"")
                .append(type).append("\"} ").append(n.sum()).append('\n'));
        return out.toString();
    }

    private static String format(double bound) {
        return bound == Math.rint(bound) ? String.valueOf((long) bound) + ".0" : String.valueOf(bound);
    }

    private record Series(String operation, String outcome) implements Comparable<Series> {
        String labels(String le) {
            return "{operation=\"" + operation + "\",outcome=\"" + outcome + "\"" + (le == null ? "" : ",le=\"" + le + "\"") + "}";
        }

        @Override
        public int compareTo(Series o) {
            int c = operation.compareTo(o.operation);
            return c != 0 ? c : outcome.compareTo(o.outcome);
        }
    }

    private static final class Histogram {
        final LongAdder count = new LongAdder();
                final LongAdder sumMicros = new LongAdder();
        final LongAdder[] buckets = new LongAdder[BUCKETS.length];

        Histogram() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }

        void observe(double seconds) {
            count.increment();
            sumMicros.add(Math.round(seconds * 1e6));
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    buckets[i].increment();
                    return;
                }
            }
        }
    }
}
