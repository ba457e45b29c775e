package io.keywarden.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report on a small JMH result file in JMH's JSON format. */
class RatioReportTest {

    @TempDir
    Path dir;

    static String result(String benchmark, String mode, int threads, String params, double score, String unit) {
        return """
                {"benchmark": "io.keywarden.benchmarks.%s", "mode": "%s", "threads": %d, "params": {%s},
                 "primaryMetric": {"score": %s, "scoreError": 1.0, "scoreUnit": "%s",
                   "scorePercentiles": {"50.0": %s, "99.0": %s}}}
                """.formatted(benchmark, mode, threads, params, score, unit, score, score * 4);
    }

    @Test
    @SuppressWarnings("unchecked")
    void computesRatiosOfTheSameRunAndJudgesThem() throws Exception {
        Written w = write("jmh-t1.json",
                result("envelope.EnvelopeBench.encrypt", "thrpt", 1, "\"impl\": \"keywarden-cached\", \"size\": \"1024\"", 200, "ops/ms"),
                result("envelope.EnvelopeBench.encrypt", "thrpt", 1, "\"impl\": \"esdk-cached\", \"size\": \"1024\"", 40_000, "ops/s"),
                result("envelope.EnvelopeBench.encrypt", "thrpt", 1, "\"impl\": \"tink\", \"size\": \"1024\"", 150_000, "ops/s"),
                result("envelope.EnvelopeBench.encrypt", "thrpt", 1, "\"impl\": \"keywarden\", \"size\": \"1024\"", 40, "ops/s"),
                result("envelope.EnvelopeBench.encrypt", "thrpt", 1, "\"impl\": \"local-gcm\", \"size\": \"1024\"", 250_000, "ops/s"),
                result("sign.SignBench.sign", "thrpt", 1, "\"alg\": \"ecdsa-p256\", \"impl\": \"keywarden\"", 900, "ops/s"),
                result("sign.SignBench.sign", "thrpt", 1, "\"alg\": \"ecdsa-p256\", \"impl\": \"jdk\"", 1000, "ops/s"),
                result("sign.SignBench.sign", "thrpt", 1, "\"alg\": \"ecdsa-p256\", \"impl\": \"bc\"", 3000, "ops/s"),
                result("server.ServerBench.encrypt", "thrpt", 1, "", 2, "ops/ms"),
                result("server.ServerBench.encrypt", "sample", 1, "", 0.5, "ms/op"));
        Map<String, Object> report = w.report();
        String printed = w.printed();

        List<Map<String, Object>> ratios = (List<Map<String, Object>>) report.get("ratios");
        Map<String, Object> esdk = row(ratios, "1 KiB cached >= 4x ESDK cached", "EnvelopeBench.encrypt");
        assertThat((Double) esdk.get("ratio")).isEqualTo(5.0); // 200 ops/ms = 200,000 ops/s over 40,000
        assertThat(esdk.get("verdict")).isEqualTo("met");
        assertThat(esdk.get("settled")).isEqualTo(true); // 5.0 ± 0.5% is clear of 4
        // the larger relative error of the two: 1 op/ms of 200 ops/ms against 1 op/s of 40,000 ops/s
        assertThat((Double) esdk.get("errorPercent")).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
        Map<String, Object> tink = row(ratios, "1 KiB cached >= 1.5x Tink", "EnvelopeBench.encrypt");
        assertThat((Double) tink.get("ratio")).isCloseTo(1.333, org.assertj.core.data.Offset.offset(0.001));
        assertThat(tink.get("verdict")).isEqualTo("MISSED");
        assertThat(row(ratios, "1 KiB cached >= 4x ESDK cached", "EnvelopeBench.decrypt").get("verdict"))
                .isEqualTo("not measured");
        Map<String, Object> ownCipher = row(ratios, "1 KiB cached vs its own AES-GCM (info)", "EnvelopeBench.encrypt");
        assertThat((Double) ownCipher.get("ratio")).isEqualTo(0.8); // 200,000 over 250,000
        assertThat(ownCipher.get("baseline")).isEqualTo("local-gcm");
        assertThat(ownCipher.get("verdict")).isEqualTo("info");
        assertThat(row(ratios, "1 KiB local AES-GCM vs JDK (info)", "EnvelopeBench.encrypt").get("verdict"))
                .isEqualTo("not measured"); // no jdk result in this run
        Map<String, Object> fastest = row(ratios, "ecdsa-p256 sign vs fastest of JDK, BC (info)", "SignBench.sign");
        assertThat(fastest.get("baseline")).isEqualTo("bc");
        assertThat((Double) fastest.get("ratio")).isEqualTo(0.3);
        assertThat(row(ratios, "ecdsa-p256 sign >= 0.9x JDK", "SignBench.sign").get("verdict")).isEqualTo("met");

        List<Map<String, Object>> rates = (List<Map<String, Object>>) report.get("rates");
        assertThat(rates.get(0).get("opsPerSecond")).isEqualTo(40.0);
        assertThat(rates.get(0).get("verdict")).isEqualTo("MISSED");
        assertThat((Double) rates.get(0).get("errorPercent")).isCloseTo(2.5, org.assertj.core.data.Offset.offset(1e-9));

        Map<String, Object> server = ((List<Map<String, Object>>) report.get("server")).get(0);
        assertThat(server.get("opsPerSecond")).isEqualTo(2000.0);
        assertThat(server.get("p50Ms")).isEqualTo(0.5);
        assertThat(server.get("p99Ms")).isEqualTo(2.0);

        assertThat(Files.readString(dir.resolve("ratios.json"))).contains("\"verdict\" : \"MISSED\"");
        assertThat(printed).contains("1 KiB cached >= 4x ESDK cached");
    }

    @Test
    void namesTheForksJvmOptionsEachDistinctSetOnce() throws Exception {
        String uniform = """
                {"benchmark": "io.keywarden.benchmarks.envelope.EnvelopeBench.encrypt", "mode": "thrpt", "threads": 1,
                 "jvmArgs": ["-Djmh.ignoreLock=true", "-Dkeywarden.crypto=jdk", "-Xms1g", "-Xmx1g", "-XX:G1HeapRegionSize=4m"],
                 "params": {"impl": "%s", "size": "1024"},
                 "primaryMetric": {"score": 1.0, "scoreError": 0.1, "scoreUnit": "ops/s"}}
                """;
        Files.writeString(dir.resolve("jmh-t1.json"), "[" + uniform.formatted("jdk") + "," + uniform.formatted("tink") + "]");
        assertThat(JmhResults.readAll(dir).forkJvmOptions()).containsExactly("-Dkeywarden.crypto=jdk -Xms1g -Xmx1g -XX:G1HeapRegionSize=4m");

        Written w = write("jmh-t2.json", uniform.formatted("jdk").replace(", \"-XX:G1HeapRegionSize=4m\"", ""));
        Map<String, Object> report = w.report();
        String printed = w.printed();
        assertThat(report.get("forkJvmOptions")).isEqualTo(List.of("-Dkeywarden.crypto=jdk -Xms1g -Xmx1g",
                "-Dkeywarden.crypto=jdk -Xms1g -Xmx1g -XX:G1HeapRegionSize=4m"));
        assertThat(printed)
                .contains("Fork JVM options: [-Dkeywarden.crypto=jdk -Xms1g -Xmx1g, -Dkeywarden.crypto=jdk -Xms1g -Xmx1g"
                        + " -XX:G1HeapRegionSize=4m]");
    }

    @Test
    void aVerdictIsUnsettledWhenTheMinimumLiesWithinTheRunsErrorBand() {
        assertThat(RatioReport.settled(0.85, 0.9, 10.0)).isFalse(); // 0.765..0.935 holds 0.9
        assertThat(RatioReport.settled(0.95, 0.9, 10.0)).isFalse(); // 0.855..1.045 holds 0.9
        assertThat(RatioReport.settled(0.85, 0.9, 5.0)).isTrue(); // 0.8075..0.8925: missed for sure
        assertThat(RatioReport.settled(1.20, 0.9, 20.0)).isTrue(); // 0.96..1.44: met for sure
        assertThat(RatioReport.settled(0.85, 0.9, null)).isNull(); // no error known
        assertThat(RatioReport.settled(0.85, 0, 1.0)).isNull(); // an information row
        assertThat(RatioReport.printedVerdict(Map.of("verdict", "MISSED", "settled", false)))
                .isEqualTo("MISSED (unsettled)");
        assertThat(RatioReport.printedVerdict(Map.of("verdict", "met", "settled", true))).isEqualTo("met");
    }

    @Test
    void errorPercentIsTheWorseOfTheScoresAndUnknownWithoutAnError() {
        Score a = new Score("B.m", "thrpt", 1, Map.of(), 1000, 50, Map.of());
        Score b = new Score("B.m", "thrpt", 1, Map.of(), 400, 80, Map.of());
        Score single = new Score("B.m", "thrpt", 1, Map.of(), 400, Double.NaN, Map.of());
        assertThat(RatioReport.errorPercent(a, b)).isEqualTo(20.0);
        assertThat(RatioReport.errorPercent(a)).isEqualTo(5.0);
        assertThat(RatioReport.errorPercent(a, single)).isNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void reportsServerRowsPerStoreAndNodeCount() throws Exception {
        Written w = write("jmh-t2.json",
                result("server.ServerBench.decrypt", "thrpt", 2, "", 1, "ops/ms"),
                result("server.ServerBench.decrypt", "sample", 2, "", 2, "ms/op"),
                result("server.PostgresServerBench.decrypt", "thrpt", 2, "\"nodes\": \"1\"", 300, "ops/s"),
                result("server.PostgresServerBench.decrypt", "sample", 2, "\"nodes\": \"1\"", 6, "ms/op"),
                result("server.PostgresServerBench.decrypt", "thrpt", 2, "\"nodes\": \"2\"", 500, "ops/s"),
                result("server.PostgresServerBench.decrypt", "sample", 2, "\"nodes\": \"2\"", 3, "ms/op"));
        Map<String, Object> report = w.report();
        String printed = w.printed();

        List<Map<String, Object>> server = (List<Map<String, Object>>) report.get("server");
        assertThat(server).extracting(r -> r.get("store") + "/" + r.get("nodes") + ": " + r.get("opsPerSecond")
                        + " ops/s, p99 " + r.get("p99Ms") + " ms")
                .containsExactly("sqlite/1: 1000.0 ops/s, p99 8.0 ms", "postgresql/1: 300.0 ops/s, p99 24.0 ms",
                        "postgresql/2: 500.0 ops/s, p99 12.0 ms");
        assertThat(server).allSatisfy(r -> {
            assertThat(r.get("operation")).isEqualTo("decrypt");
            assertThat(r.get("threads")).isEqualTo(2);
        });
        assertThat(printed)
                .containsPattern("decrypt +postgresql +2 +2 +500 +3\\.000 +- +12\\.000");
    }

    @Test
    @SuppressWarnings("unchecked")
    void reportsEngineCallRowsAndTheCallFloorWithTheTimeOfEach() throws Exception {
        Written w = write("jmh-t1.json",
                result("engine.CallFloorBench.wrap", "thrpt", 1, "", 800, "ops/ms"),
                result("engine.EngineCallBench.generateDataKey", "thrpt", 1, "", 98, "ops/ms"),
                result("engine.EngineCallBench.decrypt", "thrpt", 2, "", 76_000, "ops/s"),
                result("server.ServerBench.decrypt", "thrpt", 1, "", 1, "ops/ms"));
        Map<String, Object> report = w.report();
        String printed = w.printed();

        List<Map<String, Object>> engine = (List<Map<String, Object>>) report.get("engine");
        assertThat(engine).extracting(r -> r.get("benchmark") + "." + r.get("operation") + "/" + r.get("threads")
                        + ": " + r.get("opsPerSecond"))
                .containsExactly("EngineCallBench.generateDataKey/1: 98000.0", "EngineCallBench.decrypt/2: 76000.0",
                        "CallFloorBench.wrap/1: 800000.0");
        assertThat(engine).extracting(r -> String.format("%.2f", (Double) r.get("microsPerOp")))
                .containsExactly("10.20", "26.32", "1.25"); // each thread's time per operation
        assertThat(printed).containsPattern("EngineCallBench +generateDataKey +1 +98000 +10\\.20 +1\\b")
                .containsPattern("EngineCallBench +decrypt +2 +76000 +26\\.32 ")
                .containsPattern("CallFloorBench +wrap +1 +800000 +1\\.25 ");
    }

    /** The report of a run whose {@code file} holds {@code results}, and what it printed. */
    private record Written(Map<String, Object> report, String printed) {
    }

    private Written write(String file, String... results) throws Exception {
        Files.writeString(dir.resolve(file), "[" + String.join(",", results) + "]");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Map<String, Object> report = RatioReport.write(dir, new PrintStream(printed, true, StandardCharsets.UTF_8));
        return new Written(report, printed.toString(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, String goal, String benchmark) {
        return rows.stream().filter(r -> r.get("goal").equals(goal) && r.get("benchmark").equals(benchmark))
                .findFirst().orElseThrow();
    }

    @Test
    void judgesWarmUpOnThePretouchedHeapWithFreshArraysOnly() throws Exception {
        Files.writeString(dir.resolve("warmup.json"), """
                [{"impl": "keywarden", "op": "encrypt", "heap": "pretouched", "firstCallMillis": 30,
                  "firstSecondMessagesPerSecond": 900, "steadyMessagesPerSecond": 1000, "steadyAfterSeconds": 8},
                 {"impl": "keywarden-cached", "op": "encrypt", "heap": "pretouched", "firstCallMillis": 30,
                  "firstSecondMessagesPerSecond": 500, "steadyMessagesPerSecond": 1000, "steadyAfterSeconds": 8},
                 {"impl": "keywarden", "op": "encrypt", "heap": "cold", "firstCallMillis": 30,
                  "firstSecondMessagesPerSecond": 200, "steadyMessagesPerSecond": 1000, "steadyAfterSeconds": 8},
                 {"impl": "jdk", "op": "encrypt", "heap": "pretouched", "firstCallMillis": 300,
                  "firstSecondMessagesPerSecond": 5, "steadyMessagesPerSecond": 100, "steadyAfterSeconds": 8},
                 {"impl": "keywarden-cached", "op": "encrypt", "heap": "pretouched", "output": "reused",
                  "firstCallMillis": 30, "firstSecondMessagesPerSecond": 500, "steadyMessagesPerSecond": 1000,
                  "steadyAfterSeconds": 8},
                 {"impl": "keywarden-cached", "op": "decrypt", "heap": "pretouched", "output": "fresh",
                  "firstCallMillis": 30, "firstSecondMessagesPerSecond": 700, "steadyMessagesPerSecond": 1000,
                  "steadyAfterSeconds": 8}]
                """);
        List<Map<String, Object>> rows = RatioReport.warmup(dir);
        assertThat(rows).extracting(r -> r.get("verdict"))
                .containsExactly("met", "MISSED", "info", "info", "info", "MISSED");
        assertThat((Double) rows.get(0).get("ratio")).isEqualTo(0.9);
    }
}
