package io.keywarden.benchmarks.report;

import java.util.Map;

/**
 * One JMH result: {@code benchmark} is {@code SimpleClass.method}; throughput scores are in
 * operations per second whatever the unit of the run, sample-time scores and percentiles in
 * milliseconds per operation.
 */
public record Score(String benchmark, String mode, int threads, Map<String, String> params, double score,
                    double error, Map<String, Double> percentiles) {

    /** Whether this result is of {@code benchmark} in {@code mode} with {@code threads} and all of {@code want}. */
    public boolean matches(String benchmark, String mode, int threads, Map<String, String> want) {
        return this.benchmark.equals(benchmark) && this.mode.equals(mode) && this.threads == threads
                && want.entrySet().stream().allMatch(e -> e.getValue().equals(params.get(e.getKey())));
    }
}
