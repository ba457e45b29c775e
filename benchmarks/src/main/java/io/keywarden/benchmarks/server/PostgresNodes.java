package io.keywarden.benchmarks.server;

import io.keywarden.benchmarks.KeywardenEnvironment;
import io.keywarden.kms.api.CreateKeyRequest;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.PutIdentityPolicyRequest;
import io.keywarden.kms.config.KeywardenConfig;
import io.keywarden.kms.engine.EmbeddedKms;
import io.keywarden.kms.engine.KmsEngine;
import io.keywarden.kms.store.pg.PostgresCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * {@code count} Keywarden server nodes in this JVM, each with its own engine ({@code
 * store.type=postgresql}, its own connection pool) and its own {@link LoopbackNode}, sharing one
 * fresh database and one root key file, as separate server processes would. The database is on the
 * cluster that {@link SharedPostgres} names, else on a throwaway {@link PostgresCluster.Durability#DURABLE}
 * cluster ({@code fsync=on}) started here and stopped by {@link #close()}.
 */
public final class PostgresNodes implements AutoCloseable {

    /** Per node: room for the server's worker threads of a benchmark with a few client threads. */
    static final int POOL_SIZE = 8;

    private final PostgresCluster cluster;
    private final boolean ownsCluster;
    private final Path dir;
    private final List<KmsEngine> engines = new ArrayList<>();
    private final List<LoopbackNode> nodes = new ArrayList<>();

    private PostgresNodes(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("nodes must be at least 1, not " + count);
        }
        PostgresCluster shared = SharedPostgres.fromSystemProperty();
        ownsCluster = shared == null;
        cluster = ownsCluster ? PostgresCluster.startThrowaway(PostgresCluster.Durability.DURABLE) : shared;
        dir = KeywardenEnvironment.temporaryDirectory();
        try {
            PostgresCluster.Database db = cluster.newDatabase();
            for (int i = 1; i <= count; i++) {
                KmsEngine engine = EmbeddedKms.open(KeywardenConfig.load(writeConfig(dir.resolve("node" + i), db)));
                engines.add(engine);
                if (i == 1) {
                    engine.putIdentityPolicy(new PutIdentityPolicyRequest(LoopbackNode.PRINCIPAL, LoopbackNode.ALLOW_ALL));
                }
                nodes.add(new LoopbackNode(engine, dir.resolve("node" + i)));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Starts {@code count} nodes on a fresh database. */
    public static PostgresNodes start(int count) {
        return new PostgresNodes(count);
    }

    private Path writeConfig(Path nodeDir, PostgresCluster.Database db) {
        try {
            Files.createDirectories(nodeDir);
            Path passwordFile = nodeDir.resolve("db-password");
            Files.writeString(passwordFile, db.password() + "\n");
            Path config = nodeDir.resolve("keywarden.conf");
            Files.writeString(config, "store=store\n"
                    + "store.type=postgresql\n"
                    + "store.url=" + db.url() + "\n"
                    + "store.user=" + db.user() + "\n"
                    + "store.passwordFile=db-password\n"
                    + "store.poolSize=" + POOL_SIZE + "\n"
                    + "rootKey.file=" + dir.resolve("root.key") + "\n"
                    + KeywardenEnvironment.QUOTAS);
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return nodes.size();
    }

    /** The SDK client of node {@code index} (0-based); each client talks to its node only. */
    public KmsClient client(int index) {
        return nodes.get(index).client;
    }

    /** Creates a key through node 1's engine; every node serves it. */
    public String createKey(KeySpec spec, KeyUsage usage) {
        return engines.get(0).createKey(CreateKeyRequest.builder().keySpec(spec).keyUsage(usage).build())
                .keyMetadata().keyId();
    }

    @Override
    public void close() {
        nodes.forEach(LoopbackNode::close);
        engines.forEach(KmsEngine::close);
        if (ownsCluster) {
            cluster.stop();
        }
        KeywardenEnvironment.delete(dir);
    }
}
