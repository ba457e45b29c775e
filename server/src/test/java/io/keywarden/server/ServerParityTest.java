package io.keywarden.server;

import io.keywarden.conformance.parity.KmsParitySuite;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.spi.Backends;
import io.keywarden.kms.config.KeywardenConfig;
import io.keywarden.remote.RemoteKmsBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The KMS behaviour parity suite against the server: every call goes through the remote backend
 * (the AWS SDK's KmsClient, SigV4, the JSON 1.1 protocol) to a test server on an embedded store.
 */
class ServerParityTest extends KmsParitySuite {

    @TempDir
    static Path dir;
    static TestServer server;
    static KmsBackend remote;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.plaintext(Files.createDirectories(dir.resolve("server")));
        Path conf = Files.createDirectories(dir.resolve("client")).resolve("keywarden.conf");
        Files.writeString(conf, "backend=remote\n"
                + "remote.endpoint=" + server.endpoint() + "\n"
                + "remote.region=us-east-1\n"
                + "remote.accessKeyId=" + TestServer.ACCESS_KEY + "\n"
                + "remote.secretAccessKey=" + TestServer.SECRET + "\n"
                + "remote.timeoutSeconds=10\n");
        remote = Backends.open(KeywardenConfig.load(conf));
        if (!(remote instanceof RemoteKmsBackend)) {
            throw new IllegalStateException("expected the remote backend, got " + remote.getClass());
        }
    }

    @AfterAll
    static void stop() {
        if (remote != null) {
            remote.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected KmsBackend backend() {
        return remote;
    }
}
