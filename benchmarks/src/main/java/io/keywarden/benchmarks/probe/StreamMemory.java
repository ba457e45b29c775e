package io.keywarden.benchmarks.probe;

import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.benchmarks.KeywardenEnvironment;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.CipherOutputStream;

/**
 * The streaming memory benchmark: in a child JVM with {@code -Xmx64m}, encrypt N MiB of
 * pseudo-random data with Keywarden's envelope through {@code CipherOutputStream} to a file, then
 * decrypt the file through {@code CipherInputStream} while watching the heap, and compare SHA-256s.
 * Reports the decryption's peak used heap (garbage included) and its largest live heap after a GC.
 */
public final class StreamMemory {

    public static final String HEAP = "-Xmx64m";

    /** What the child measured. */
    public record Result(long mib, String heapOption, long maxHeapBytes, long decryptPeakUsedBytes,
                         long decryptMaxLiveAfterGcBytes, long decryptCollections, double encryptSeconds,
                         double decryptSeconds, long envelopeBytes, boolean plaintextMatches) {

        static Result of(JsonNode n) {
            return new Result(n.get("mib").asLong(), n.get("heapOption").asText(), n.get("maxHeapBytes").asLong(),
                    n.get("decryptPeakUsedBytes").asLong(), n.get("decryptMaxLiveAfterGcBytes").asLong(),
                    n.get("decryptCollections").asLong(), n.get("encryptSeconds").asDouble(),
                    n.get("decryptSeconds").asDouble(), n.get("envelopeBytes").asLong(),
                    n.get("plaintextMatches").asBoolean());
        }
    }

    private StreamMemory() {
    }

    /** Runs the measurement of {@code mib} MiB in a child JVM with a 64 MiB heap, working in {@code dir}. */
    public static Result measure(Path dir, long mib) {
        return Result.of(ChildJvm.run(StreamMemory.class, List.of(HEAP), List.of(dir.toString(), Long.toString(mib)),
                600 + mib));
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long mib = Long.parseLong(args[1]);
        long total = mib << 20;
        Files.createDirectories(dir.resolve("kms"));
        Path file = dir.resolve("stream.kw");
        try (KeywardenEnvironment env = KeywardenEnvironment.in(dir.resolve("kms"));
             HeapWatch heap = new HeapWatch()) {
            Key key = env.handle(env.createKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT), false);
            byte[] buf = new byte[1 << 16];
            MessageDigest written = MessageDigest.getInstance("SHA-256");
            long t0 = System.nanoTime();
            Cipher enc = Cipher.getInstance("AES/GCM/NoPadding", env.provider);
            enc.init(Cipher.ENCRYPT_MODE, key);
            SplittableRandom r = new SplittableRandom(42);
            try (OutputStream out = new CipherOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), enc)) {
                for (long done = 0; done < total; done += buf.length) {
                    for (int i = 0; i < buf.length; i += 8) {
                        long v = r.nextLong();
                        for (int j = 0; j < 8; j++) {
                            buf[i + j] = (byte) (v >>> (8 * j));
                        }
                    }
                    int n = (int) Math.min(buf.length, total - done);
                    written.update(buf, 0, n);
                    out.write(buf, 0, n);
                }
            }
            long t1 = System.nanoTime();
            heap.reset();
            long t2 = System.nanoTime();
            MessageDigest read = MessageDigest.getInstance("SHA-256");
            Cipher dec = Cipher.getInstance("AES/GCM/NoPadding", env.provider);
            dec.init(Cipher.DECRYPT_MODE, key);
            long count = 0;
            try (InputStream in = new CipherInputStream(
                    new BufferedInputStream(Files.newInputStream(file), 1 << 16), dec)) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    read.update(buf, 0, n);
                    count += n;
                }
            }
            long t3 = System.nanoTime();
            Thread.sleep(200); // GC notifications are delivered asynchronously
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("mib", mib);
            result.put("heapOption", String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean()
                    .getInputArguments().stream().filter(a -> a.startsWith("-Xmx")).toList()));
            result.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
            result.put("decryptPeakUsedBytes", heap.peakUsedBytes());
            result.put("decryptMaxLiveAfterGcBytes", heap.maxLiveAfterGcBytes());
            result.put("decryptCollections", heap.collections());
            result.put("encryptSeconds", (t1 - t0) / 1e9);
            result.put("decryptSeconds", (t3 - t2) / 1e9);
            result.put("envelopeBytes", Files.size(file));
            result.put("plaintextMatches", count == total && MessageDigest.isEqual(written.digest(), read.digest()));
            ChildJvm.printResult(result);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
