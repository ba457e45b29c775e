package io.keywarden.benchmarks.report;

import io.keywarden.kms.crypto.LocalCrypto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The machine a run was measured on: CPU model, the CPU features that decide the speed of the
 * primitives measured, cores, JDK, and where Keywarden's local primitives came from
 * ({@link LocalCrypto#describe()}: ACCP or the JDK; the forks and probes inherit the choice,
 * {@code -Dkeywarden.crypto}, from the suite's JVM).
 *
 * <p>The features matter as much as the model: a virtual machine's "AMD EPYC" can be a host with
 * AVX-512 (where ACCP's AES-GCM uses 512-bit VAES and ran at about 1.75× the JDK's on 64 KiB) or one
 * without (about 1.1×), so ratios against the JDK's AES-GCM are only comparable between runs with the
 * same features.
 */
public record Machine(String cpu, String cpuFeatures, int cores, String jdk, String os, String localCrypto) {

    /** The /proc/cpuinfo flags reported: AES, carry-less multiply, vector width, SHA. */
    static final List<String> FEATURES = List.of("aes", "pclmulqdq", "vaes", "vpclmulqdq", "avx2", "avx512f",
            "avx512vl", "sha_ni");

    public static Machine current() {
        String cpu = "unknown";
        String features = "unknown";
        try {
            List<String> info = Files.readAllLines(Path.of("/proc/cpuinfo"));
            cpu = info.stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
            features = info.stream().filter(l -> l.startsWith("flags")).findFirst()
                    .map(l -> features(l.substring(l.indexOf(':') + 1))).orElse(features);
        } catch (IOException | RuntimeException e) {
            // not Linux: the model and features stay unknown
        }
        return new Machine(cpu, features, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                        + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), LocalCrypto.describe());
    }

    /** Of a cpuinfo flags line, the {@link #FEATURES} present, in that order ("none" if none). */
    static String features(String flagsLine) {
        Set<String> flags = Arrays.stream(flagsLine.trim().split("\\s+")).collect(Collectors.toSet());
        String present = FEATURES.stream().filter(flags::contains).collect(Collectors.joining(" "));
        return present.isEmpty() ? "none" : present;
    }
}
