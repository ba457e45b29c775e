package io.keywarden.server;

import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.config.KeywardenConfig;
import io.keywarden.kms.engine.EmbeddedKms;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code keywarden server [--config keywarden.conf]}: serves the embedded store named by
 * keywarden.conf with the settings of {@code keywarden-server.conf} beside it, creating that file (with a
 * generated access key and a self-signed certificate) on first start. Prints the endpoint, and on first
 * start the access key, then runs until interrupted.
 */
public final class ServerMain {

    private ServerMain() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        String configOption = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--config", "-c" -> {
                    if (i + 1 >= args.length) {
                        err.println("keywarden server: --config needs a file");
                        return 2;
                    }
                    configOption = args[++i];
                }
                case "--help", "-h" -> {
                    out.println("Usage: keywarden server [--config keywarden.conf]");
                    out.println("Serves the store of keywarden.conf over the AWS KMS protocol (docs/server.md).");
                    return 0;
                }
                default -> {
                    err.println("keywarden server: unknown argument " + args[i]);
                    return 2;
                }
            }
        }
        try {
            Path engineFile = locate(configOption);
            KeywardenConfig engineConfig = KeywardenConfig.load(engineFile);
            Path serverFile = engineFile.toAbsolutePath().normalize().getParent().resolve(ServerConfig.FILE_NAME);
            FirstStart.Created created = null;
            if (!Files.exists(serverFile)) {
                created = FirstStart.create(serverFile, engineFile, engineConfig, 8443);
            }
            ServerConfig config = ServerConfig.load(serverFile);
            KmsBackend engine = EmbeddedKms.open(KeywardenConfig.load(config.engineConfig()));
            KeywardenServer server = KeywardenServer.start(config, engine);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                engine.close();
                stopped.countDown();
            }, "keywarden-server-shutdown"));
            Object store = engineConfig.storage().isPostgresql()
                    ? io.keywarden.kms.store.PostgresKmsStore.label(engineConfig.storage().url()) : engineConfig.store();
            out.println("Keywarden server: " + server.endpoint() + " (store " + store
                    + ", region " + config.region() + ")");
            if (created != null) {
                out.println("First start: created " + created.serverConfig() + " (owner-only) with a new access key:");
                out.println("  AWS_ACCESS_KEY_ID=" + created.accessKey().accessKeyId());
                out.println("  AWS_SECRET_ACCESS_KEY=" + created.accessKey().secretAccessKey());
                out.println("  principal " + created.accessKey().principalArn());
                out.println("The TLS certificate is self-signed; clients trust " + created.certificatePem()
                        + " (AWS_CA_BUNDLE for the AWS CLI, remote.caCertificate in a client keywarden.conf).");
            }
            out.flush();
            stopped.await();
            return 0;
        } catch (KeywardenConfig.ConfigException | ServerConfig.ServerConfigException e) {
            err.println("keywarden server: " + e.getMessage());
            return 3;
        } catch (RuntimeException e) {
            err.println("keywarden server: " + e.getMessage());
            return 1;
        }
    }

    private static Path locate(String option) {
        if (option != null) {
            return Path.of(option);
        }
        String env = System.getenv("KEYWARDEN_CONFIG");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of("keywarden.conf");
    }
}
