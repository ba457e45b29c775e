package io.keywarden.kms.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts {@link StoreWriterMain} in a child JVM and collects the lines it acknowledged. */
final class ChildProcesses {

    private ChildProcesses() {
    }

    static final class Writer {
        final Process process;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final Thread pump;

        Writer(Process process) {
            this.process = process;
            this.pump = new Thread(() -> {
                byte[] buf = new byte[4096];
                try (InputStream in = process.getInputStream()) {
                    for (int n; (n = in.read(buf)) > 0; ) {
                        synchronized (out) {
                            out.write(buf, 0, n);
                        }
                    }
                } catch (IOException ignored) {
                    // the child died
                }
            });
            pump.setDaemon(true);
            pump.start();
        }

        /** Complete lines only: a line cut off by the kill was never acknowledged. */
        List<String> lines() {
            String text;
            synchronized (out) {
                text = out.toString(StandardCharsets.UTF_8);
            }
            int end = text.lastIndexOf('\n');
            List<String> lines = new ArrayList<>();
            if (end >= 0) {
                for (String l : text.substring(0, end).split("\n")) {
                    lines.add(l);
                }
            }
            return lines;
        }

        void awaitReady(long timeoutMillis) throws InterruptedException {
            awaitLines(1, timeoutMillis);
        }

        /** Waits until the child printed {@code count} complete lines ({@code ready} included). */
        void awaitLines(int count, long timeoutMillis) throws InterruptedException {
            long deadline = System.currentTimeMillis() + timeoutMillis;
            while (lines().size() < count) {
                if (!process.isAlive() && lines().size() < count) {
                    throw new AssertionError("child exited with " + process.exitValue() + " after "
                            + lines().size() + " lines");
                }
                if (System.currentTimeMillis() > deadline) {
                    process.destroyForcibly();
                    throw new AssertionError("child not ready in time");
                }
                Thread.sleep(5);
            }
        }

        /** Waits for the output to be drained after the process ended. */
        List<String> finish() throws InterruptedException {
            process.waitFor();
            pump.join(10_000);
            return lines();
        }
    }

    static Writer start(Path storeDir, Path keyFile, String prefix, long count) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), StoreWriterMain.class.getName(),
                storeDir.toString(), keyFile.toString(), prefix, Long.toString(count));
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        return new Writer(pb.start());
    }
}
