package io.keywarden.benchmarks.probe;

import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.benchmarks.KeywardenEnvironment;
import io.keywarden.benchmarks.Payloads;
import io.keywarden.benchmarks.envelope.EnvelopeSubject;
import io.keywarden.benchmarks.envelope.EnvelopeSubjects;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The warm-up criterion, measured without JMH's warm-up: in a fresh JVM, 1 MiB messages are
 * encrypted (or decrypted) back to back from the very first call; the throughput of the first
 * second (messages completed within 1 s of the first call's start) is compared with the steady
 * throughput of a 3-second window that starts {@code steadyAfterSeconds} later. Setup (engine,
 * keys, the plaintext; for decryption one encryption to have a ciphertext) happens before the clock
 * starts, so the ratio is the code path's own warm-up.
 */
public final class WarmupProbe {

    static final int SIZE = 1 << 20;
    static final double WINDOW_SECONDS = 3;
    /**
     * The timeline reported beside the criterion (information): messages completed in each 100 ms of
     * the first 2 seconds, as messages per second.
     */
    static final int TIMELINE_BUCKETS = 20;

    /**
     * The child JVM's heap: {@code pretouched} ({@code -Xms1g -Xmx1g -XX:+AlwaysPreTouch}, the
     * criterion) or {@code cold} (the same heap, not touched before use). On this project's virtual
     * machines the first touch of a fresh heap page costs about 25 µs (5 ms per MiB allocated), which
     * slows the first few hundred MiB of allocations of any code, the JDK's included, whatever the
     * JIT; pre-touching separates that cost of the machine from the code path's own warm-up.
     */
    public static final Map<String, List<String>> HEAPS = Map.of(
            "pretouched", List.of("-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"),
            "cold", List.of("-Xms1g", "-Xmx1g"));

    /**
     * Where each message's output goes: {@code fresh}, an array the cipher allocates per message
     * ({@code doFinal(byte[])}, as applications usually call it, and the criterion); or {@code reused},
     * one buffer given to {@code doFinal(in, off, len, out, outOff)} every time (information). A 1 MiB
     * array is a G1 humongous object, allocated and zeroed outside the thread-local buffers, which
     * costs about as much as the AES-GCM itself with ACCP and shapes the first second as well.
     */
    public static final List<String> OUTPUTS = List.of("fresh", "reused");

    /** Room beyond the plaintext in a {@code reused} buffer (header and tags). */
    static final int REUSED_MARGIN = 64 * 1024;

    /** One implementation and operation's warm-up. */
    public record Result(String impl, String op, String heap, String output, double firstCallMillis,
                         double firstSecondMessagesPerSecond, double steadyMessagesPerSecond,
                         double steadyAfterSeconds, List<Double> timeline) {

        public double ratio() {
            return firstSecondMessagesPerSecond / steadyMessagesPerSecond;
        }

        static Result of(JsonNode n) {
            return new Result(n.get("impl").asText(), n.get("op").asText(),
                    n.has("heap") ? n.get("heap").asText() : "cold",
                    n.has("output") ? n.get("output").asText() : "fresh", n.get("firstCallMillis").asDouble(),
                    n.get("firstSecondMessagesPerSecond").asDouble(), n.get("steadyMessagesPerSecond").asDouble(),
                    n.get("steadyAfterSeconds").asDouble(), timeline(n.get("timeline")));
        }

        private static List<Double> timeline(JsonNode t) {
            List<Double> out = new java.util.ArrayList<>();
            if (t != null) {
                t.forEach(v -> out.add(v.asDouble()));
            }
            return out;
        }
    }

    private WarmupProbe() {
    }

    public static Result measure(String impl, String op, String heap, double steadyAfterSeconds) {
        return measure(impl, op, heap, "fresh", steadyAfterSeconds);
    }

    public static Result measure(String impl, String op, String heap, String output, double steadyAfterSeconds) {
        List<String> options = HEAPS.get(heap);
        if (options == null) {
            throw new IllegalArgumentException("heap is one of " + HEAPS.keySet() + ", not " + heap);
        }
        if (!OUTPUTS.contains(output)) {
            throw new IllegalArgumentException("output is one of " + OUTPUTS + ", not " + output);
        }
        return Result.of(ChildJvm.run(WarmupProbe.class, options,
                List.of(impl, op, heap, Double.toString(steadyAfterSeconds), output), 120 + (long) steadyAfterSeconds));
    }

    public static void main(String[] args) throws Exception {
        String impl = args[0];
        boolean encrypt = switch (args[1]) {
            case "encrypt" -> true;
            case "decrypt" -> false;
            default -> throw new IllegalArgumentException("op is encrypt or decrypt, not " + args[1]);
        };
        String heap = args[2];
        double steadyAfter = Double.parseDouble(args[3]);
        boolean reused = args.length > 4 && args[4].equals("reused");
        KeywardenEnvironment env = EnvelopeSubjects.needsKeywarden(impl) ? KeywardenEnvironment.temporary() : null;
        try {
            EnvelopeSubject subject = EnvelopeSubjects.create(impl, env);
            byte[] plaintext = Payloads.of(SIZE);
            byte[] ciphertext = encrypt ? null : subject.encrypt(plaintext);
            byte[] buffer = reused ? new byte[SIZE + REUSED_MARGIN] : null;
            long t0 = System.nanoTime();
            long firstSecondEnd = t0 + 1_000_000_000L;
            long windowStart = t0 + (long) (steadyAfter * 1e9);
            long windowEnd = windowStart + (long) (WINDOW_SECONDS * 1e9);
            long firstCall = -1;
            long inFirstSecond = 0;
            long inWindow = 0;
            long[] tenths = new long[TIMELINE_BUCKETS];
            long now = t0;
            long sink = 0;
            while (now < windowEnd) {
                if (reused) {
                    sink += encrypt ? subject.encryptInto(plaintext, buffer) : subject.decryptInto(ciphertext, buffer);
                } else {
                    byte[] out = encrypt ? subject.encrypt(plaintext) : subject.decrypt(ciphertext);
                    sink += out.length;
                }
                long start = now;
                now = System.nanoTime();
                if (firstCall < 0) {
                    firstCall = now - t0;
                }
                if (now <= firstSecondEnd) {
                    inFirstSecond++;
                }
                int bucket = (int) ((now - t0) / 100_000_000L);
                if (bucket < TIMELINE_BUCKETS) {
                    tenths[bucket]++;
                }
                if (start >= windowStart && now <= windowEnd) {
                    inWindow++;
                }
            }
            if (sink == 0) {
                throw new IllegalStateException("nothing was produced");
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("impl", impl);
            result.put("op", args[1]);
            result.put("heap", heap);
            result.put("output", reused ? "reused" : "fresh");
            result.put("firstCallMillis", firstCall / 1e6);
            result.put("firstSecondMessagesPerSecond", (double) inFirstSecond);
            result.put("steadyMessagesPerSecond", inWindow / WINDOW_SECONDS);
            result.put("steadyAfterSeconds", steadyAfter);
            List<Double> timeline = new java.util.ArrayList<>();
            for (long n : tenths) {
                timeline.add(n * 10.0);
            }
            result.put("timeline", timeline);
            ChildJvm.printResult(result);
        } finally {
            if (env != null) {
                env.close();
            }
        }
    }
}
