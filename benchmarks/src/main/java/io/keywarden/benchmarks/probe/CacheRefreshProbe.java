package io.keywarden.benchmarks.probe;

import io.keywarden.benchmarks.KeywardenEnvironment;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.provider.KeywardenProvider;
import io.keywarden.provider.KeywardenRuntime;
import io.keywarden.provider.KmsKeys;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.security.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Cipher;

/**
 * What the data-key cache costs in backend calls and in latency (docs/performance-history.md,
 * "Refresh ahead"): {@code threads} threads encrypt (or decrypt one ciphertext) 1 KiB messages with
 * {@code AES/GCM/NoPadding} on one key, caching on at the {@code cache.dataKeys.*} defaults, for
 * {@code warmSeconds} and then {@code measureSeconds}. It prints the messages per second, the
 * backend calls (GenerateDataKey and Decrypt, counted by a proxy in front of the embedded engine)
 * and the messages per call in the measured window, and latency percentiles per message (1 µs
 * buckets up to 100 ms). A diagnostic, not part of the suite:
 *
 * <pre>java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
 *     io.keywarden.benchmarks.probe.CacheRefreshProbe 2 decrypt 10 10</pre>
 */
public final class CacheRefreshProbe {

    private static final int BUCKETS = 100_000; // 1 µs each; the last one holds everything slower

    private CacheRefreshProbe() {
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        boolean decrypt = switch (args[1]) {
            case "encrypt" -> false;
            case "decrypt" -> true;
            default -> throw new IllegalArgumentException("op is encrypt or decrypt, not " + args[1]);
        };
        double warmSeconds = Double.parseDouble(args[2]);
        double measureSeconds = Double.parseDouble(args[3]);
        try (KeywardenEnvironment env = KeywardenEnvironment.temporary()) {
            String keyId = env.createKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
            AtomicBoolean counting = new AtomicBoolean();
            AtomicLong calls = new AtomicLong();
            KmsBackend counted = counting(env.engine, counting, calls);
            KeywardenRuntime runtime = KeywardenRuntime.of(counted);
            runtime.setDataKeyCaching(KeywardenEnvironment.CACHE_POLICY);
            KeywardenProvider provider = new KeywardenProvider(runtime);
            Key key = KmsKeys.handle(runtime, keyId);
            byte[] plaintext = new byte[1024];
            Cipher first = Cipher.getInstance("AES/GCM/NoPadding", provider);
            first.init(Cipher.ENCRYPT_MODE, key);
            byte[] ciphertext = first.doFinal(plaintext);

            long start = System.nanoTime();
            long warmEnd = start + (long) (warmSeconds * 1e9);
            long end = warmEnd + (long) (measureSeconds * 1e9);
            List<long[]> histograms = new ArrayList<>();
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                long[] histogram = new long[BUCKETS];
                histograms.add(histogram);
                workers.add(new Thread(() -> run(provider, key, decrypt, decrypt ? ciphertext : plaintext, warmEnd, end,
                        histogram), "probe-" + i));
            }
            workers.forEach(Thread::start);
            while (System.nanoTime() < warmEnd) {
                Thread.sleep(5);
            }
            counting.set(true);
            for (Thread t : workers) {
                t.join();
            }
            long[] all = new long[BUCKETS];
            for (long[] h : histograms) {
                for (int b = 0; b < BUCKETS; b++) {
                    all[b] += h[b];
                }
            }
            long messages = 0;
            for (long n : all) {
                messages += n;
            }
            System.out.printf("threads=%d %s messages/s=%.0f backendCalls=%d messagesPerCall=%.0f "
                            + "p50=%dus p99=%dus p99.9=%dus p99.99=%dus%n",
                    threads, args[1], messages / measureSeconds, calls.get(),
                    messages / (double) Math.max(1, calls.get()), percentile(all, messages, 0.5),
                    percentile(all, messages, 0.99), percentile(all, messages, 0.999),
                    percentile(all, messages, 0.9999));
        }
    }

    private static void run(KeywardenProvider provider, Key key, boolean decrypt, byte[] input, long warmEnd,
                            long end, long[] histogram) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding", provider);
            int mode = decrypt ? Cipher.DECRYPT_MODE : Cipher.ENCRYPT_MODE;
            long now = System.nanoTime();
            while (now < end) {
                c.init(mode, key);
                c.doFinal(input);
                long t = System.nanoTime();
                if (now >= warmEnd) {
                    histogram[(int) Math.min(BUCKETS - 1, (t - now) / 1000)]++;
                }
                now = t;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The upper bound, in µs, of the bucket that holds the {@code q} quantile. */
    private static long percentile(long[] histogram, long total, double q) {
        long rank = (long) Math.ceil(total * q);
        long seen = 0;
        for (int b = 0; b < histogram.length; b++) {
            seen += histogram[b];
            if (seen >= rank) {
                return b + 1;
            }
        }
        return histogram.length;
    }

    /** The backend, counting GenerateDataKey and Decrypt calls while {@code counting} is set. */
    private static KmsBackend counting(KmsBackend backend, AtomicBoolean counting, AtomicLong calls) {
        return (KmsBackend) Proxy.newProxyInstance(KmsBackend.class.getClassLoader(), new Class<?>[] {KmsBackend.class},
                (proxy, method, a) -> {
                    if (counting.get() && (method.getName().equals("generateDataKey")
                            || method.getName().equals("decrypt"))) {
                        calls.incrementAndGet();
                    }
                    try {
                        return method.invoke(backend, a);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
