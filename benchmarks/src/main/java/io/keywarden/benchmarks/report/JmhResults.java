package io.keywarden.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The results of JMH's JSON result files ({@code -rf json}), with units normalised (see {@link Score}). */
public final class JmhResults {

    private final List<Score> scores;
    private final List<String> forkJvmOptions;

    private JmhResults(List<Score> scores, List<String> forkJvmOptions) {
        this.scores = List.copyOf(scores);
        this.forkJvmOptions = List.copyOf(forkJvmOptions);
    }

    public List<Score> all() {
        return scores;
    }

    /**
     * The distinct sets of options the results' forks ran with ({@link #jvmOptions}), from JMH's
     * {@code jvmArgs}, each joined by spaces, sorted: one entry for a uniform run. The
     * options decide figures as much as the machine does (a heap's G1 region size decides whether a
     * 1 MiB array is humongous), so the report names them.
     */
    public List<String> forkJvmOptions() {
        return forkJvmOptions;
    }

    /** Every {@code jmh-*.json} of {@code dir}. */
    public static JmhResults readAll(Path dir) {
        List<Score> scores = new ArrayList<>();
        Set<String> options = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("jmh-.*\\.json")).sorted().toList()) {
                JsonNode results = new ObjectMapper().readTree(f.toFile());
                scores.addAll(read(results));
                options.addAll(jvmOptions(results));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new JmhResults(scores, List.copyOf(options));
    }

    /**
     * Of each result's {@code jvmArgs}, the JVM's own options ({@code -X…}) and Keywarden's
     * properties ({@code -Dkeywarden.…}, e.g. {@code keywarden.crypto}), joined; JMH's and other
     * properties are left out.
     */
    static Set<String> jvmOptions(JsonNode array) {
        Set<String> options = new TreeSet<>();
        for (JsonNode r : array) {
            JsonNode args = r.get("jvmArgs");
            if (args != null) {
                List<String> kept = new ArrayList<>();
                args.forEach(a -> {
                    if (a.asText().startsWith("-X") || a.asText().startsWith("-Dkeywarden.")) {
                        kept.add(a.asText());
                    }
                });
                options.add(String.join(" ", kept));
            }
        }
        return options;
    }

    static List<Score> read(JsonNode array) {
        List<Score> scores = new ArrayList<>();
        for (JsonNode r : array) {
            String[] parts = r.get("benchmark").asText().split("\\.");
            String benchmark = parts[parts.length - 2] + "." + parts[parts.length - 1];
            Map<String, String> params = new LinkedHashMap<>();
            JsonNode p = r.get("params");
            if (p != null) {
                for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    params.put(e.getKey(), e.getValue().asText());
                }
            }
            JsonNode m = r.get("primaryMetric");
            String unit = m.get("scoreUnit").asText();
            double factor = factor(unit);
            Map<String, Double> percentiles = new LinkedHashMap<>();
            JsonNode pct = m.get("scorePercentiles");
            if (pct != null) {
                pct.fields().forEachRemaining(e -> percentiles.put(e.getKey(), e.getValue().asDouble() * factor));
            }
            double error = m.get("scoreError").isNumber() ? m.get("scoreError").asDouble() * factor : Double.NaN;
            scores.add(new Score(benchmark, r.get("mode").asText(), r.get("threads").asInt(), params,
                    m.get("score").asDouble() * factor, error, percentiles));
        }
        return scores;
    }

    /** To operations per second (throughput) or milliseconds per operation (time). */
    static double factor(String unit) {
        return switch (unit) {
            case "ops/s" -> 1;
            case "ops/ms" -> 1e3;
            case "ops/us" -> 1e6;
            case "ops/ns" -> 1e9;
            case "s/op" -> 1e3;
            case "ms/op" -> 1;
            case "us/op" -> 1e-3;
            case "ns/op" -> 1e-6;
            default -> throw new IllegalArgumentException("unexpected JMH unit " + unit);
        };
    }

    public Optional<Score> find(String benchmark, String mode, int threads, Map<String, String> params) {
        return scores.stream().filter(s -> s.matches(benchmark, mode, threads, params)).findFirst();
    }
}
