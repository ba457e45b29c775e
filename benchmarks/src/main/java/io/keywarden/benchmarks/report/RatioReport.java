package io.keywarden.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads a run's results from a directory ({@code jmh-*.json}, {@code warmup.json},
 * {@code memory.json}), compares them with {@link Targets}, prints the table and writes
 * {@code ratios.json} there. {@code java … RatioReport DIR} redoes it for an earlier run.
 */
public final class RatioReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RatioReport() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "benchmarks/target");
        write(dir, System.out);
    }

    /** Builds the report of {@code dir}, prints it to {@code out} and writes {@code dir/ratios.json}; returns it. */
    public static Map<String, Object> write(Path dir, PrintStream out) throws IOException {
        JmhResults jmh = JmhResults.readAll(dir);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("machine", Machine.current());
        report.put("forkJvmOptions", jmh.forkJvmOptions());
        report.put("ratios", ratios(jmh));
        report.put("rates", rates(jmh));
        report.put("server", server(jmh));
        report.put("engine", engine(jmh));
        report.put("warmup", warmup(dir));
        report.put("memory", readIfPresent(dir.resolve("memory.json")));
        JSON.writeValue(dir.resolve("ratios.json").toFile(), report);
        print(report, out);
        out.println("Written: " + dir.resolve("ratios.json"));
        return report;
    }

    /**
     * Whether the run settles the verdict: false when {@code minimum} lies within
     * {@code value × (1 ± errorPercent/100)}, the run's own error band (then repeat the row, or use
     * {@code --full}); null for information rows and when the value or its error is unknown.
     */
    static Boolean settled(Double value, double minimum, Double errorPercent) {
        if (value == null || errorPercent == null || minimum <= 0) {
            return null;
        }
        double band = value * errorPercent / 100;
        return minimum < value - band || minimum > value + band;
    }

    /** The verdict as printed: a verdict the run does not settle is marked "(unsettled)". */
    static String printedVerdict(Map<String, Object> row) {
        return Boolean.FALSE.equals(row.get("settled")) ? row.get("verdict") + " (unsettled)"
                : String.valueOf(row.get("verdict"));
    }

    static String verdict(Double value, double minimum) {
        if (value == null) {
            return "not measured";
        }
        if (minimum <= 0) {
            return "info";
        }
        return value >= minimum ? "met" : "MISSED";
    }

    static List<Map<String, Object>> ratios(JmhResults jmh) {
        TreeSet<Integer> threads = new TreeSet<>();
        jmh.all().forEach(s -> threads.add(s.threads()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Targets.RatioTarget t : Targets.ratios()) {
            for (int n : threads) {
                Score oursScore = score(jmh, t.benchmark(), n, t.fixed(), t.ours());
                String baselineName = null;
                Score baselineScore = null;
                for (String b : t.baselines()) {
                    Score s = score(jmh, t.benchmark(), n, t.fixed(), b);
                    if (s != null && (baselineScore == null || s.score() > baselineScore.score())) {
                        baselineScore = s;
                        baselineName = b;
                    }
                }
                Double ours = oursScore == null ? null : oursScore.score();
                Double baseline = baselineScore == null ? null : baselineScore.score();
                Double ratio = ours == null || baseline == null ? null : ours / baseline;
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("goal", t.goal());
                row.put("benchmark", t.benchmark());
                row.put("params", t.fixed());
                row.put("threads", n);
                row.put("ours", t.ours());
                row.put("baseline", baselineName == null ? String.join("|", t.baselines()) : baselineName);
                row.put("oursOpsPerSecond", ours);
                row.put("baselineOpsPerSecond", baseline);
                row.put("ratio", ratio);
                row.put("errorPercent", ratio == null ? null : errorPercent(oursScore, baselineScore));
                row.put("minimum", t.minimum());
                row.put("verdict", verdict(ratio, t.minimum()));
                row.put("settled", settled(ratio, t.minimum(), (Double) row.get("errorPercent")));
                rows.add(row);
            }
        }
        return rows;
    }

    private static Score score(JmhResults jmh, String benchmark, int threads, Map<String, String> fixed, String impl) {
        Map<String, String> params = new LinkedHashMap<>(fixed);
        params.put("impl", impl);
        return jmh.find(benchmark, "thrpt", threads, params).orElse(null);
    }

    /**
     * The larger of the scores' JMH errors (the 99.9% confidence half-width of the run's own
     * iterations) as a percentage of the score; null when JMH gave none (a single iteration).
     */
    static Double errorPercent(Score... scores) {
        double worst = 0;
        for (Score s : scores) {
            if (Double.isNaN(s.error()) || s.score() <= 0) {
                return null;
            }
            worst = Math.max(worst, 100 * s.error() / s.score());
        }
        return worst;
    }

    static List<Map<String, Object>> rates(JmhResults jmh) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Targets.RateTarget t : Targets.rates()) {
            Score found = jmh.find(t.benchmark(), "thrpt", t.threads(), t.params()).orElse(null);
            Double score = found == null ? null : found.score();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("goal", t.goal());
            row.put("benchmark", t.benchmark());
            row.put("params", t.params());
            row.put("threads", t.threads());
            row.put("opsPerSecond", score);
            row.put("errorPercent", found == null ? null : errorPercent(found));
            row.put("minimum", t.minimum());
            row.put("verdict", verdict(score, t.minimum()));
            row.put("settled", settled(score, t.minimum(), (Double) row.get("errorPercent")));
            rows.add(row);
        }
        return rows;
    }

    /**
     * The loopback server rows (all info): {@code ServerBench} is one node on SQLite,
     * {@code PostgresServerBench} one or two nodes ({@code nodes}) on PostgreSQL.
     */
    static List<Map<String, Object>> server(JmhResults jmh) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Score s : jmh.all()) {
            String[] name = s.benchmark().split("\\.");
            boolean sqlite = name[0].equals("ServerBench");
            if (!(sqlite || name[0].equals("PostgresServerBench")) || !s.mode().equals("thrpt")) {
                continue;
            }
            Optional<Score> latency = jmh.find(s.benchmark(), "sample", s.threads(), s.params());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("operation", name[1]);
            row.put("store", sqlite ? "sqlite" : "postgresql");
            row.put("nodes", sqlite ? 1 : Integer.parseInt(s.params().getOrDefault("nodes", "1")));
            row.put("threads", s.threads());
            row.put("opsPerSecond", s.score());
            latency.ifPresent(l -> {
                row.put("meanMs", l.score());
                for (String p : List.of("50.0", "90.0", "99.0", "99.9")) {
                    row.put("p" + p.replace(".0", "").replace(".", "") + "Ms", l.percentiles().get(p));
                }
            });
            rows.add(row);
        }
        return rows;
    }

    /**
     * The engine-call rows (all info): {@code EngineCallBench}, one GenerateDataKey or Decrypt made
     * directly on the embedded engine, audit event included: the engine's own cost per uncached
     * message; then {@code CallFloorBench}, the cryptographic steps such a call cannot do without,
     * each alone. {@code microsPerOp} is each thread's time per operation.
     */
    static List<Map<String, Object>> engine(JmhResults jmh) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String bench : List.of("EngineCallBench", "CallFloorBench")) {
            for (Score s : jmh.all()) {
                String[] name = s.benchmark().split("\\.");
                if (name[0].equals(bench) && s.mode().equals("thrpt")) {
                    rows.add(engineRow(bench, name[1], s));
                }
            }
        }
        return rows;
    }

    private static Map<String, Object> engineRow(String bench, String operation, Score s) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("benchmark", bench);
        row.put("operation", operation);
        row.put("threads", s.threads());
        row.put("opsPerSecond", s.score());
        row.put("microsPerOp", s.score() > 0 ? s.threads() * 1e6 / s.score() : null);
        row.put("errorPercent", errorPercent(s));
        return row;
    }

    static List<Map<String, Object>> warmup(Path dir) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        JsonNode w = readIfPresent(dir.resolve("warmup.json"));
        if (w == null) {
            return rows;
        }
        for (JsonNode r : w) {
            Map<String, Object> row = JSON.convertValue(r, JSON.getTypeFactory()
                    .constructMapType(LinkedHashMap.class, String.class, Object.class));
            double ratio = r.get("firstSecondMessagesPerSecond").asDouble() / r.get("steadyMessagesPerSecond").asDouble();
            row.put("ratio", ratio);
            row.put("minimum", 0.8);
            boolean judged = r.get("impl").asText().startsWith("keywarden")
                    && (!r.has("heap") || r.get("heap").asText().equals("pretouched"))
                    && (!r.has("output") || r.get("output").asText().equals("fresh"));
            row.put("verdict", judged ? verdict(ratio, 0.8) : "info");
            rows.add(row);
        }
        return rows;
    }

    private static JsonNode readIfPresent(Path file) throws IOException {
        return Files.exists(file) ? JSON.readTree(file.toFile()) : null;
    }

    @SuppressWarnings("unchecked")
    static void print(Map<String, Object> report, PrintStream out) {
        out.println();
        out.println("Machine: " + report.get("machine"));
        out.println("Fork JVM options: " + report.get("forkJvmOptions"));
        out.printf("%n%-44s %-20s %2s %-16s %-12s %12s %12s %7s %5s %6s  %s%n", "Goal", "Benchmark", "t", "Ours",
                "Baseline", "ours/s", "base/s", "ratio", "err%", "min", "verdict");
        for (Map<String, Object> r : (List<Map<String, Object>>) report.get("ratios")) {
            out.printf("%-44s %-20s %2d %-16s %-12s %12s %12s %7s %5s %6s  %s%n", r.get("goal"), r.get("benchmark"),
                    r.get("threads"), r.get("ours"), r.get("baseline"), num(r.get("oursOpsPerSecond"), "%.0f"),
                    num(r.get("baselineOpsPerSecond"), "%.0f"), num(r.get("ratio"), "%.2f"),
                    num(r.get("errorPercent"), "%.0f"), num(r.get("minimum"), "%.2f"), printedVerdict(r));
        }
        out.println();
        for (Map<String, Object> r : (List<Map<String, Object>>) report.get("rates")) {
            out.printf("%-52s %12s msg/s (min %.0f, err %s%%)  %s%n", r.get("goal"), num(r.get("opsPerSecond"), "%.0f"),
                    r.get("minimum"), num(r.get("errorPercent"), "%.0f"), printedVerdict(r));
        }
        out.printf("%nServer round trips (loopback, AWS SDK KmsClient, in-process nodes; info):%n"
                + "%-16s %-10s %5s %2s %10s %9s %9s %9s %9s%n",
                "operation", "store", "nodes", "t", "calls/s", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms");
        for (Map<String, Object> r : (List<Map<String, Object>>) report.get("server")) {
            out.printf("%-16s %-10s %5d %2d %10s %9s %9s %9s %9s%n", r.get("operation"), r.get("store"),
                    r.get("nodes"), r.get("threads"),
                    num(r.get("opsPerSecond"), "%.0f"), num(r.get("p50Ms"), "%.3f"), num(r.get("p90Ms"), "%.3f"),
                    num(r.get("p99Ms"), "%.3f"), num(r.get("p999Ms"), "%.3f"));
        }
        out.printf("%nEngine calls (embedded engine, audit event included, no envelope) and the floor of a call"
                + " (its cryptographic steps alone); info:%n"
                + "%-16s %-16s %2s %10s %8s %5s%n", "benchmark", "operation", "t", "ops/s", "us/op", "err%");
        for (Map<String, Object> r : (List<Map<String, Object>>) report.get("engine")) {
            out.printf("%-16s %-16s %2d %10s %8s %5s%n", r.get("benchmark"), r.get("operation"), r.get("threads"),
                    num(r.get("opsPerSecond"), "%.0f"), num(r.get("microsPerOp"), "%.2f"),
                    num(r.get("errorPercent"), "%.0f"));
        }
        out.printf("%nWarm-up, 1 MiB messages, fresh JVM (first second / steady; output: fresh arrays or one reused buffer):%n");
        for (Map<String, Object> r : (List<Map<String, Object>>) report.get("warmup")) {
            out.printf("%-17s %-8s %-10s %-6s first call %8.1f ms, first second %6.0f msg/s, steady %6.0f msg/s, ratio %.2f  %s%n",
                    r.get("impl"), r.get("op"), r.get("heap"), r.getOrDefault("output", "fresh"),
                    ((Number) r.get("firstCallMillis")).doubleValue(),
                    ((Number) r.get("firstSecondMessagesPerSecond")).doubleValue(),
                    ((Number) r.get("steadyMessagesPerSecond")).doubleValue(), (Double) r.get("ratio"), r.get("verdict"));
        }
        out.printf("%nWarm-up timelines (info): msg/s in each 100 ms of the first 2 s, pre-touched heap:%n");
        for (Map<String, Object> r : (List<Map<String, Object>>) report.get("warmup")) {
            if (r.get("timeline") instanceof List<?> t && "pretouched".equals(r.get("heap"))) {
                StringBuilder line = new StringBuilder();
                for (Object v : t) {
                    line.append(String.format(" %5.0f", ((Number) v).doubleValue()));
                }
                out.printf("%-17s %-8s %-6s%s%n", r.get("impl"), r.get("op"), r.getOrDefault("output", "fresh"), line);
            }
        }
        Object memory = report.get("memory");
        out.printf("%nStream memory: %s%n", memory == null ? "not measured" : memory);
    }

    private static String num(Object value, String format) {
        return value == null ? "-" : String.format(format, ((Number) value).doubleValue());
    }
}
