package io.keywarden.server;

import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.spi.Backends;
import io.keywarden.kms.config.KeywardenConfig;
import io.keywarden.provider.testing.TestBackends;
import io.keywarden.provider.testing.TestKmsInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code remote} ({@code -Dkeywarden.test.backend=remote}): each fixture of the provider suite gets a
 * fresh {@link TestServer} (plaintext loopback, its own empty store, request quotas high) and reaches
 * it through the remote backend, opened from a keywarden.conf with {@code backend=remote} as an
 * application would. A fresh server per fixture mirrors the embedded run's fresh store per fixture,
 * so tests that count keys or aliases see only their own.
 */
public final class RemoteTestBackends implements TestBackends {

    @Override
    public String name() {
        return "remote";
    }

    @Override
    public TestKmsInstance open(Path dir) {
        try {
            TestServer server = TestServer.plaintext(Files.createDirectories(dir.resolve("server")));
            String configuration = "backend=remote\n"
                    + "remote.endpoint=" + server.endpoint() + "\n"
                    + "remote.region=us-east-1\n"
                    + "remote.accessKeyId=" + TestServer.ACCESS_KEY + "\n"
                    + "remote.secretAccessKey=" + TestServer.SECRET + "\n";
            Path conf = Files.createDirectories(dir.resolve("client")).resolve("keywarden.conf");
            Files.writeString(conf, configuration);
            KmsBackend client;
            try {
                client = Backends.open(KeywardenConfig.load(conf));
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            return new Instance(server, client, configuration);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Instance(TestServer server, KmsBackend backend, String configuration) implements TestKmsInstance {

        @Override
        public String toString() {
            return "remote test KMS at " + server.endpoint(); // not the configuration: it holds the secret
        }

        @Override
        public void close() {
            try {
                backend.close();
            } finally {
                server.close();
            }
        }
    }
}
