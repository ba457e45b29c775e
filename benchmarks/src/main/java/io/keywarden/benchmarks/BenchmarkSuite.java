package io.keywarden.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.keywarden.benchmarks.probe.StreamMemory;
import io.keywarden.benchmarks.probe.WarmupProbe;
import io.keywarden.benchmarks.report.RatioReport;
import io.keywarden.benchmarks.server.SharedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The whole suite in one command (benchmarks/run.sh): the JMH benchmarks with 1 and then 2 threads
 * ({@code jmh-t1.json}, {@code jmh-t2.json}), the warm-up probe ({@code warmup.json}), the 1 GiB
 * stream memory probe ({@code memory.json}), then {@link RatioReport} ({@code ratios.json}).
 *
 * <pre>
 * --full             longer warm-up and measurement, 2 forks (default: the quick profile)
 * --out DIR          where results go (default benchmarks/target)
 * --include REGEX    only the JMH benchmarks matching REGEX (e.g. 'EnvelopeBench|HmacBench')
 * --threads 1,2      the thread counts to run the JMH benchmarks with
 * --no-jmh, --no-warmup, --no-memory   skip a part (the report uses what is in DIR)
 * --postgres         also PostgresServerBench (server nodes on PostgreSQL; needs Debian's postgresql
 *                    package), on one throwaway cluster the suite starts; without it that class is
 *                    excluded whatever --include says
 * --memory-mib N     the size of the streamed message (default 1024)
 * </pre>
 */
public final class BenchmarkSuite {

    record Profile(int forks, int warmupIterations, TimeValue warmupTime, int iterations, TimeValue time,
                   double warmupSteadyAfterSeconds) {
        static final Profile QUICK = new Profile(1, 5, TimeValue.seconds(2), 5, TimeValue.seconds(1), 8);
        static final Profile FULL = new Profile(2, 5, TimeValue.seconds(2), 5, TimeValue.seconds(2), 30);
    }

    private BenchmarkSuite() {
    }

    /** The class {@code --postgres} adds. */
    static final String POSTGRES_BENCHMARKS = "io\\.keywarden\\.benchmarks\\.server\\.PostgresServerBench\\..*";

    /**
     * A fixed heap, and where the suite's PostgreSQL cluster is when there is one; JMH forks also
     * inherit this JVM's options (BENCH_JAVA_OPTS, e.g. keywarden.bench.dir).
     */
    static String[] forkJvmArgs(SharedPostgres postgres) {
        return postgres == null ? new String[] {"-Xms1g", "-Xmx1g"}
                : new String[] {"-Xms1g", "-Xmx1g", postgres.jvmArg()};
    }

    public static void main(String[] args) throws Exception {
        Profile profile = Profile.QUICK;
        Path out = Path.of("benchmarks/target");
        String include = "io\\.keywarden\\.benchmarks\\..*";
        List<Integer> threads = List.of(1, 2);
        boolean jmh = true;
        boolean warmup = true;
        boolean memory = true;
        long memoryMib = 1024;
        boolean postgres = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--full" -> profile = Profile.FULL;
                case "--quick" -> profile = Profile.QUICK;
                case "--out" -> out = Path.of(args[++i]);
                case "--include" -> include = args[++i];
                case "--threads" -> threads = java.util.Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
                case "--no-jmh" -> jmh = false;
                case "--no-warmup" -> warmup = false;
                case "--no-memory" -> memory = false;
                case "--memory-mib" -> memoryMib = Long.parseLong(args[++i]);
                case "--postgres" -> postgres = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (see the BenchmarkSuite javadoc or docs/performance.md)");
            }
        }
        Files.createDirectories(out);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        if (jmh) {
            if (postgres) {
                System.out.printf("%n=== Starting a throwaway PostgreSQL cluster (fsync=on) for PostgresServerBench%n");
            }
            try (SharedPostgres pg = postgres ? SharedPostgres.start(out) : null) {
                for (int t : threads) {
                    System.out.printf("%n=== JMH, %d thread(s) -> %s%n", t, out.resolve("jmh-t" + t + ".json"));
                    ChainedOptionsBuilder o = new OptionsBuilder().include(include).threads(t)
                            .forks(profile.forks()).warmupIterations(profile.warmupIterations())
                            .warmupTime(profile.warmupTime()).measurementIterations(profile.iterations())
                            .measurementTime(profile.time()).jvmArgsAppend(forkJvmArgs(pg))
                            .shouldFailOnError(false)
                            .resultFormat(ResultFormatType.JSON).result(out.resolve("jmh-t" + t + ".json").toString());
                    if (!postgres) {
                        o.exclude(POSTGRES_BENCHMARKS);
                    }
                    new Runner(o.build()).run();
                }
            }
        }
        if (warmup) {
            System.out.printf("%n=== Warm-up probe: 1 MiB messages in fresh JVMs, steady window after %.0f s%n",
                    profile.warmupSteadyAfterSeconds());
            List<WarmupProbe.Result> results = new ArrayList<>();
            for (String heap : List.of("pretouched", "cold")) {
                for (String impl : List.of("keywarden", "keywarden-cached", "jdk")) {
                    for (String op : List.of("encrypt", "decrypt")) {
                        WarmupProbe.Result r = WarmupProbe.measure(impl, op, heap,
                                profile.warmupSteadyAfterSeconds());
                        System.out.printf("  %s %s (%s heap): first second %.0f msg/s, steady %.0f msg/s (%.2f)%n",
                                impl, op, heap, r.firstSecondMessagesPerSecond(), r.steadyMessagesPerSecond(),
                                r.ratio());
                        results.add(r);
                    }
                }
            }
            for (String impl : List.of("keywarden-cached", "jdk")) { // information: the allocation's share
                for (String op : List.of("encrypt", "decrypt")) {
                    WarmupProbe.Result r = WarmupProbe.measure(impl, op, "pretouched", "reused",
                            profile.warmupSteadyAfterSeconds());
                    System.out.printf("  %s %s (pretouched heap, reused output): first second %.0f msg/s, steady %.0f"
                            + " msg/s (%.2f)%n", impl, op, r.firstSecondMessagesPerSecond(),
                            r.steadyMessagesPerSecond(), r.ratio());
                    results.add(r);
                }
            }
            json.writeValue(out.resolve("warmup.json").toFile(), results);
        }
        if (memory) {
            System.out.printf("%n=== Stream memory: %d MiB through CipherInputStream with %s%n", memoryMib,
                    StreamMemory.HEAP);
            Path work = Files.createTempDirectory(out.toAbsolutePath(), "stream-memory");
            StreamMemory.Result r = StreamMemory.measure(work, memoryMib);
            System.out.println("  " + r);
            json.writeValue(out.resolve("memory.json").toFile(), r);
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        RatioReport.write(out, System.out);
    }
}
