package io.keywarden.benchmarks.report;

import io.keywarden.kms.crypto.LocalCrypto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine a run was measured on: CPU model, cores, JDK, and where Keywarden's local primitives
 * came from ({@link LocalCrypto#describe()}: ACCP or the JDK; the forks and probes inherit the
 * choice, {@code -Dkeywarden.crypto}, from the suite's JVM).
 */
public record Machine(String cpu, int cores, String jdk, String os, String localCrypto) {

    public static Machine current() {
        String cpu = "unknown";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
        } catch (IOException | RuntimeException e) {
            // not Linux: the model stays unknown
        }
        return new Machine(cpu, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                        + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), LocalCrypto.describe());
    }
}
