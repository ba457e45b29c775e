package io.keywarden.kms.store.pg;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL for tests and benchmarks (nothing in the server or the engine uses it). With {@code KEYWARDEN_TEST_PG_URL} set ({@code
 * jdbc:postgresql://host:port/db?user=…&password=…}, a user allowed to create databases) it uses that
 * server; otherwise it creates a throwaway cluster in a temporary directory with the Debian binaries
 * in {@code /usr/lib/postgresql/<version>/bin} (as user {@code postgres} when the tests run as root,
 * since initdb refuses root), on a free loopback port, with password authentication; {@link #stop()}
 * removes it. Without PostgreSQL installed, {@link #start()} fails with a message saying what to install.
 * Each {@link #newDatabase()} is a fresh, empty database. The tests' cluster runs with {@link
 * Durability#UNSAFE_FAST} ({@code fsync=off}); the benchmarks' with {@link Durability#DURABLE}.
 */
public final class PostgresCluster {

    public static final String URL_VARIABLE = "KEYWARDEN_TEST_PG_URL";
    static final String USER = "keywarden";

    /** How a cluster this class creates treats its disk. */
    public enum Durability {
        /** PostgreSQL's defaults: {@code fsync=on}, {@code full_page_writes=on}, initdb syncs its files. */
        DURABLE(List.of(), List.of()),
        /** For tests: {@code fsync=off}, {@code full_page_writes=off}, {@code initdb --no-sync}; a crash may lose data. */
        UNSAFE_FAST(List.of("--no-sync"), List.of("-c", "fsync=off", "-c", "full_page_writes=off"));

        final List<String> initdbOptions;
        final List<String> serverOptions;

        Durability(List<String> initdbOptions, List<String> serverOptions) {
            this.initdbOptions = initdbOptions;
            this.serverOptions = serverOptions;
        }
    }

    /** How to reach one database. */
    public record Database(String url, String user, String password) {
        @Override
        public String toString() {
            return "Database[" + url + "]";
        }
    }

    private final String adminUrl; // jdbc URL of a maintenance database, without credentials in it when we own the cluster
    private final String user;
    private final String password;
    private final Path dir; // null for an external server
    private final List<String> runAs;
    private final Path bin;

    private PostgresCluster(String adminUrl, String user, String password, Path dir, List<String> runAs, Path bin) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.dir = dir;
        this.runAs = runAs;
        this.bin = bin;
    }

    /** For tests: uses {@value #URL_VARIABLE}, or starts a throwaway {@link Durability#UNSAFE_FAST} cluster. */
    public static PostgresCluster start() {
        String external = System.getenv(URL_VARIABLE);
        if (external != null && !external.isBlank()) {
            return new PostgresCluster(external.trim(), null, null, null, List.of(), null);
        }
        return startThrowaway(Durability.UNSAFE_FAST);
    }

    /**
     * Starts a throwaway cluster with the Debian binaries (whatever {@value #URL_VARIABLE} says),
     * stopped and removed by {@link #stop()} or at the latest when this JVM exits.
     */
    public static PostgresCluster startThrowaway(Durability durability) {
        Path bin = findBinaries();
        try {
            return startLocal(bin, durability);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a throwaway PostgreSQL cluster with " + bin + ": " + e.getMessage(), e);
        }
    }

    /**
     * A cluster running elsewhere (e.g. one another JVM started), reached through its maintenance
     * database {@code maintenance} as a user that may create databases; {@link #stop()} leaves it alone.
     */
    public static PostgresCluster attach(Database maintenance) {
        return new PostgresCluster(maintenance.url(), maintenance.user(), maintenance.password(), null, List.of(), null);
    }

    /** The maintenance database through which {@link #newDatabase()} works (for {@link #attach}). */
    public Database maintenanceDatabase() {
        return new Database(adminUrl, user, password);
    }

    static Path findBinaries() {
        Path root = Path.of("/usr/lib/postgresql");
        Path found = null;
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                found = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                        .max(Comparator.comparing(b -> versionOf(b.getParent().getFileName().toString())))
                        .orElse(null);
            } catch (IOException e) {
                found = null;
            }
        }
        if (found == null) {
            throw new IllegalStateException("PostgreSQL is not installed: no /usr/lib/postgresql/*/bin/initdb."
                    + " Install Debian's package (apt-get install -y postgresql; .ci/run does it) or point "
                    + URL_VARIABLE + " at a server (jdbc:postgresql://host:port/db?user=…&password=…, a user"
                    + " that may create databases)");
        }
        return found;
    }

    private static int versionOf(String name) {
        try {
            return Integer.parseInt(name.replaceAll("[^0-9].*$", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static PostgresCluster startLocal(Path bin, Durability durability) throws IOException {
        boolean root = "root".equals(System.getProperty("user.name"));
        List<String> runAs = root ? List.of("runuser", "-u", "postgres", "--") : List.of();
        Path dir = Files.createTempDirectory("keywarden-pg-");
        String password = HexFormat.of().formatHex(random(16));
        Path pwfile = dir.resolve("pwfile");
        Files.writeString(pwfile, password + "\n", StandardCharsets.UTF_8);
        if (root) {
            run(List.of("chown", "-R", "postgres:postgres", dir.toString()), dir, 30);
        }
        Path data = dir.resolve("data");
        List<String> initdb = new ArrayList<>(runAs);
        initdb.addAll(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER,
                "--pwfile=" + pwfile, "--auth=scram-sha-256", "-E", "UTF8", "--no-locale"));
        initdb.addAll(durability.initdbOptions);
        run(initdb, dir, 120);
        int port = freePort();
        List<String> start = new ArrayList<>(runAs);
        start.addAll(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1"
                        + " -c max_connections=200 " + String.join(" ", durability.serverOptions), "start"));
        run(start, dir, 90);
        PostgresCluster cluster = new PostgresCluster("jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER,
                password, dir, runAs, bin);
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "keywarden-postgres-stop"));
        return cluster;
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void run(List<String> command, Path dir, int timeoutSeconds) throws IOException {
        Path out = Files.createTempFile("keywarden-pg-cmd", ".log");
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command.get(command.size() > 4 ? 4 : 0) + " timed out");
            }
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed (exit " + p.exitValue() + "): "
                        + Files.readString(out));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Creates a fresh empty database. */
    public Database newDatabase() {
        String name = "kw_" + HexFormat.of().formatHex(random(6));
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database: " + e.getMessage(), e);
        }
        return new Database(withDatabase(adminUrl, name), user, password);
    }

    /** A connection to {@code db} for looking behind the store's back. */
    public static Connection connect(Database db) throws SQLException {
        Properties p = new Properties();
        if (db.user() != null) {
            p.setProperty("user", db.user());
            p.setProperty("password", db.password());
        }
        return DriverManager.getConnection(db.url(), p);
    }

    private Connection admin() throws SQLException {
        return connect(new Database(adminUrl, user, password));
    }

    static String withDatabase(String url, String name) {
        int scheme = url.indexOf("//");
        int slash = url.indexOf('/', scheme + 2);
        int q = url.indexOf('?');
        String query = q >= 0 ? url.substring(q) : "";
        return (slash >= 0 ? url.substring(0, slash) : q >= 0 ? url.substring(0, q) : url) + "/" + name + query;
    }

    /** Stops a cluster this created and removes its directory (nothing for an external server). */
    public synchronized void stop() {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try {
            List<String> stop = new ArrayList<>(runAs);
            stop.addAll(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
                    "-m", "immediate", "-w", "stop"));
            run(stop, dir, 60);
        } catch (IOException e) {
            // best effort: the directory is removed below anyway
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }
}
