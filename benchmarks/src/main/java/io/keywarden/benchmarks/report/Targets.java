package io.keywarden.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The targets of issue #7 as data: ratios ours/baseline in the same run, and absolute rates. */
public final class Targets {

    /**
     * {@code ours} / the fastest of {@code baselines} for {@code benchmark} in throughput mode with
     * the {@code fixed} parameters (the implementation is parameter {@code impl}), at least {@code minimum}.
     */
    public record RatioTarget(String goal, String benchmark, Map<String, String> fixed, String ours,
                              List<String> baselines, double minimum) {
    }

    /** At least {@code minimum} operations per second for {@code benchmark} with {@code params} and {@code threads}. */
    public record RateTarget(String goal, String benchmark, Map<String, String> params, int threads, double minimum) {
    }

    private Targets() {
    }

    public static List<RatioTarget> ratios() {
        List<RatioTarget> t = new ArrayList<>();
        for (String op : List.of("encrypt", "decrypt")) {
            String b = "EnvelopeBench." + op;
            Map<String, String> k1 = Map.of("size", "1024");
            t.add(new RatioTarget("1 KiB cached >= 4x ESDK cached", b, k1, "keywarden-cached", List.of("esdk-cached"), 4));
            t.add(new RatioTarget("1 KiB cached >= 1.5x Tink", b, k1, "keywarden-cached", List.of("tink"), 1.5));
            for (String size : List.of("65536", "1048576")) {
                Map<String, String> k = Map.of("size", size);
                String label = size.equals("65536") ? "64 KiB" : "1 MiB";
                t.add(new RatioTarget(label + " >= 0.9x JDK AES-GCM", b, k, "keywarden", List.of("jdk"), 0.9));
                t.add(new RatioTarget(label + " cached >= 0.9x JDK AES-GCM", b, k, "keywarden-cached", List.of("jdk"), 0.9));
                t.add(new RatioTarget(label + " >= 2x ESDK", b, k, "keywarden", List.of("esdk"), 2));
                t.add(new RatioTarget(label + " cached >= 2x ESDK cached", b, k, "keywarden-cached",
                        List.of("esdk-cached"), 2));
            }
            // information: the envelope against the very cipher it runs its frames on, and that cipher against the JDK's
            for (String size : List.of("1024", "65536", "1048576")) {
                Map<String, String> k = Map.of("size", size);
                String label = switch (size) {
                    case "1024" -> "1 KiB";
                    case "65536" -> "64 KiB";
                    default -> "1 MiB";
                };
                t.add(new RatioTarget(label + " cached vs its own AES-GCM (info)", b, k, "keywarden-cached",
                        List.of("local-gcm"), 0));
                t.add(new RatioTarget(label + " local AES-GCM vs JDK (info)", b, k, "local-gcm", List.of("jdk"), 0));
            }
        }
        t.add(new RatioTarget("HMAC 1 KiB >= 0.8x JDK (MAC sessions)", "HmacBench.hmac", Map.of("size", "1024"),
                "keywarden-cached", List.of("jdk"), 0.8));
        t.add(new RatioTarget("HMAC 64 KiB >= 0.95x JDK (MAC sessions)", "HmacBench.hmac", Map.of("size", "65536"),
                "keywarden-cached", List.of("jdk"), 0.95));
        t.add(new RatioTarget("HMAC 1 KiB, GenerateMac per MAC (info)", "HmacBench.hmac", Map.of("size", "1024"),
                "keywarden", List.of("jdk"), 0));
        for (String alg : List.of("ecdsa-p256", "rsa-pss-2048")) {
            t.add(new RatioTarget(alg + " sign >= 0.9x JDK", "SignBench.sign", Map.of("alg", alg), "keywarden",
                    List.of("jdk"), 0.9));
            t.add(new RatioTarget(alg + " sign vs fastest of JDK, BC (info)", "SignBench.sign", Map.of("alg", alg),
                    "keywarden", List.of("jdk", "bc"), 0));
            t.add(new RatioTarget(alg + " BC vs JDK (info)", "SignBench.sign", Map.of("alg", alg), "bc",
                    List.of("jdk"), 0));
        }
        return t;
    }

    public static List<RateTarget> rates() {
        return List.of(
                new RateTarget("uncached 1 KiB encrypt >= 50,000 msg/s, 1 thread", "EnvelopeBench.encrypt",
                        Map.of("impl", "keywarden", "size", "1024"), 1, 50_000),
                new RateTarget("uncached 1 KiB decrypt >= 50,000 msg/s, 1 thread", "EnvelopeBench.decrypt",
                        Map.of("impl", "keywarden", "size", "1024"), 1, 50_000));
    }
}
