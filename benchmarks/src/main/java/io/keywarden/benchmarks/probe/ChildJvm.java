package io.keywarden.benchmarks.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keywarden.kms.crypto.LocalCrypto;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a probe's {@code main} in a fresh JVM (this JVM's java and classpath, the given JVM options)
 * and returns the JSON object it printed on its {@code RESULT } line. A fresh JVM is the point:
 * heap limits and JIT warm-up are per process.
 */
public final class ChildJvm {

    static final String RESULT = "RESULT ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChildJvm() {
    }

    /** Prints a probe's result line (what {@link #run} parses). */
    public static void printResult(Object value) {
        try {
            System.out.println(RESULT + JSON.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode run(Class<?> main, List<String> jvmOptions, List<String> args, long timeoutSeconds) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        String benchDir = System.getProperty("keywarden.bench.dir");
        if (benchDir != null && !benchDir.isBlank()) {
            cmd.add("-Dkeywarden.bench.dir=" + benchDir); // where KeywardenEnvironment.temporary() puts stores
        }
        String crypto = System.getProperty(LocalCrypto.PROPERTY);
        if (crypto != null && !crypto.isBlank()) {
            cmd.add("-D" + LocalCrypto.PROPERTY + "=" + crypto); // ACCP or the JDK, as in the suite's JVM
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(args);
        try {
            Path log = Files.createTempFile("keywarden-probe", ".log");
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                    throw new IllegalStateException(main.getSimpleName() + " did not finish within " + timeoutSeconds
                            + " s: " + Files.readString(log, StandardCharsets.UTF_8));
                }
                String out = Files.readString(log, StandardCharsets.UTF_8);
                if (p.exitValue() != 0) {
                    throw new IllegalStateException(main.getSimpleName() + " failed (exit " + p.exitValue() + "): " + out);
                }
                return out.lines().filter(l -> l.startsWith(RESULT)).reduce((a, b) -> b)
                        .map(l -> parse(l.substring(RESULT.length())))
                        .orElseThrow(() -> new IllegalStateException(main.getSimpleName() + " printed no result: " + out));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
