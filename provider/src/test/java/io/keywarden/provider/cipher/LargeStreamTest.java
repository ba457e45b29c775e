package io.keywarden.provider.cipher;

import static org.assertj.core.api.Assertions.assertThat;

import io.keywarden.provider.KmsSecretKey;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.CipherOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streams a large message through CipherOutputStream to a file and back through CipherInputStream in
 * a child JVM with a 64 MiB heap: memory must stay bounded by a frame, whatever the message length.
 */
class LargeStreamTest {

    /** 1 GiB by default; -Dkeywarden.largeStreamMiB=N to change. */
    static final long MIB = Long.getLong("keywarden.largeStreamMiB", 1024);

    @TempDir
    Path dir;

    @Test
    void oneGibInSixtyFourMibOfHeap() throws Exception {
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), Child.class.getName(), dir.toString(),
                Long.toString(MIB)))
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        boolean done = p.waitFor(180, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        String log = Files.readString(dir.resolve("child.log"));
        assertThat(done).as("child finished: %s", log).isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        System.out.println(log);
        assertThat(log).contains("OK");
    }

    /** The child: encrypt MIB MiB of pseudo-random data to a file, decrypt it, compare running SHA-256s. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            Path dir = Path.of(args[0]);
            long total = Long.parseLong(args[1]) << 20;
            try (KmsFixture fx = new KmsFixture(dir.resolve("kms"))) {
                KmsSecretKey key = fx.handle(fx.createAesKey());
                Path file = dir.resolve("message.kw");
                MessageDigest in = MessageDigest.getInstance("SHA-256");
                long t0 = System.nanoTime();
                Cipher enc = Cipher.getInstance("AES/GCM/NoPadding", fx.provider);
                enc.init(Cipher.ENCRYPT_MODE, key);
                byte[] buf = new byte[1 << 16];
                Random r = new Random(42);
                try (OutputStream out = new CipherOutputStream(
                        new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), enc)) {
                    for (long done = 0; done < total; done += buf.length) {
                        r.nextBytes(buf);
                        int n = (int) Math.min(buf.length, total - done);
                        in.update(buf, 0, n);
                        out.write(buf, 0, n);
                    }
                }
                long t1 = System.nanoTime();
                MessageDigest back = MessageDigest.getInstance("SHA-256");
                Cipher dec = Cipher.getInstance("AES/GCM/NoPadding", fx.provider);
                dec.init(Cipher.DECRYPT_MODE, key);
                long count = 0;
                try (InputStream s = new CipherInputStream(
                        new BufferedInputStream(Files.newInputStream(file), 1 << 16), dec)) {
                    int n;
                    while ((n = s.read(buf)) > 0) {
                        back.update(buf, 0, n);
                        count += n;
                    }
                }
                long t2 = System.nanoTime();
                String a = HexFormat.of().formatHex(in.digest());
                String b = HexFormat.of().formatHex(back.digest());
                System.out.printf("%d MiB: encrypt %d ms, decrypt %d ms, file %d bytes, heap max %d MiB%n",
                        total >> 20, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, Files.size(file),
                        Runtime.getRuntime().maxMemory() >> 20);
                if (count != total || !a.equals(b)) {
                    System.out.println("MISMATCH " + count + " " + a + " " + b);
                    System.exit(1);
                }
                System.out.println("OK");
            }
        }
    }
}
