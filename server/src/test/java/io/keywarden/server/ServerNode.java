package io.keywarden.server;

import io.keywarden.kms.store.pg.PostgresCluster;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * One Keywarden server node in its own JVM ({@link ServerMain}), on a shared PostgreSQL database and
 * root key file, serving plain HTTP on a free loopback port. {@link #kill()} is SIGKILL.
 */
final class ServerNode implements AutoCloseable {

    static final String ACCESS_KEY = "AKIDKEYWARDENNODES01";
    static final String SECRET = "node-secret-0123456789abcdef";
    /** The account root: the default key policy lets it use every key, and identity policies do not apply to it. */
    static final String PRINCIPAL = "arn:aws:iam::111122223333:root";
    private static final Pattern ENDPOINT = Pattern.compile("Keywarden server: (http://127\\.0\\.0\\.1:\\d+)");

    private final Process process;
    private final URI endpoint;
    private final Path dir;

    private ServerNode(Process process, URI endpoint, Path dir) {
        this.process = process;
        this.endpoint = endpoint;
        this.dir = dir;
    }

    /** Writes the node's keywarden.conf and keywarden-server.conf into {@code dir} and starts it. */
    static ServerNode start(Path dir, PostgresCluster.Database db, Path rootKey) throws IOException {
        Files.createDirectories(dir);
        Path passwordFile = dir.resolve("db-password");
        Files.writeString(passwordFile, db.password() + "\n");
        Files.writeString(dir.resolve("keywarden.conf"), "store=store\n"
                + "store.type=postgresql\n"
                + "store.url=" + db.url() + "\n"
                + "store.user=" + db.user() + "\n"
                + "store.passwordFile=db-password\n"
                + "store.poolSize=6\n"
                + "rootKey.file=" + rootKey + "\n"
                + "quota.rate.symmetric=100000\nquota.rate.write=100000\nquota.rate.describe=100000\n"
                + "quota.rate.read=100000\nquota.rate.list=100000\n");
        Files.writeString(dir.resolve(ServerConfig.FILE_NAME), "listen.host=127.0.0.1\nlisten.port=0\n"
                + "server.plaintextLoopback=true\n"
                + "accessKey." + ACCESS_KEY + ".secret=" + SECRET + "\n"
                + "accessKey." + ACCESS_KEY + ".principal=" + PRINCIPAL + "\n");
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), ServerMain.class.getName(),
                "--config", dir.resolve("keywarden.conf").toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        CompletableFuture<URI> started = new CompletableFuture<>();
        Path log = dir.resolve("node.log");
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    Files.writeString(log, line + "\n", StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    Matcher m = ENDPOINT.matcher(line);
                    if (m.find()) {
                        started.complete(URI.create(m.group(1)));
                    }
                }
            } catch (IOException ignored) {
                // the node died
            }
            started.completeExceptionally(new IllegalStateException("node exited before serving"));
        }, "server-node-output");
        pump.setDaemon(true);
        pump.start();
        try {
            return new ServerNode(p, started.get(120, TimeUnit.SECONDS), dir);
        } catch (Exception e) {
            p.destroyForcibly();
            String output = Files.exists(log) ? Files.readString(log) : "(no output)";
            throw new IllegalStateException("server node in " + dir + " did not start: " + e.getMessage()
                    + "\n" + output, e);
        }
    }

    URI endpoint() {
        return endpoint;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** A client of this node alone: short timeouts and one SDK retry, so a dead node fails fast. */
    KmsClient client() {
        return KmsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET)))
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(20)).build())
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD)
                        .apiCallAttemptTimeout(Duration.ofSeconds(20)))
                .build();
    }

    /** SIGKILL: no shutdown hook runs, connections to PostgreSQL are cut. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy(); // SIGTERM: the server stops gracefully
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public String toString() {
        return "ServerNode[" + endpoint + ", " + dir + "]";
    }
}
