package io.keywarden.benchmarks.server;

import io.keywarden.kms.store.pg.PostgresCluster;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

/**
 * One throwaway PostgreSQL cluster for a whole suite run, so that each JMH fork of {@link
 * PostgresServerBench} does not run initdb: {@code BenchmarkSuite} starts it, writes how to reach it
 * to an owner-only file and passes the file's path to the forks in the system property {@value #PROPERTY}.
 */
public final class SharedPostgres implements AutoCloseable {

    public static final String PROPERTY = "keywarden.bench.postgres";

    private final PostgresCluster cluster;
    private final Path file;

    private SharedPostgres(PostgresCluster cluster, Path file) {
        this.cluster = cluster;
        this.file = file;
    }

    /** Starts a {@link PostgresCluster.Durability#DURABLE} cluster and writes {@code dir/postgres.properties}. */
    public static SharedPostgres start(Path dir) {
        PostgresCluster cluster = PostgresCluster.startThrowaway(PostgresCluster.Durability.DURABLE);
        try {
            Path file = dir.resolve("postgres.properties");
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            PostgresCluster.Database db = cluster.maintenanceDatabase();
            Properties p = new Properties();
            p.setProperty("url", db.url());
            p.setProperty("user", db.user());
            p.setProperty("password", db.password());
            try (Writer w = Files.newBufferedWriter(file)) {
                p.store(w, "the suite's throwaway PostgreSQL cluster (deleted when the suite ends)");
            }
            return new SharedPostgres(cluster, file);
        } catch (IOException | RuntimeException e) {
            cluster.stop();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** The JVM option that hands the cluster to a fork. */
    public String jvmArg() {
        return "-D" + PROPERTY + "=" + file.toAbsolutePath();
    }

    /** The cluster the property {@value #PROPERTY} names, or null when it is not set. */
    static PostgresCluster fromSystemProperty() {
        String name = System.getProperty(PROPERTY);
        if (name == null || name.isBlank()) {
            return null;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of(name))) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PROPERTY + "=" + name, e);
        }
        return PostgresCluster.attach(new PostgresCluster.Database(p.getProperty("url"), p.getProperty("user"),
                p.getProperty("password")));
    }

    @Override
    public void close() throws IOException {
        cluster.stop();
        Files.deleteIfExists(file);
    }
}
