package io.keywarden.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.CreateKeyRequest;
import io.keywarden.kms.api.DecryptRequest;
import io.keywarden.kms.api.DescribeKeyRequest;
import io.keywarden.kms.api.EncryptRequest;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.ListKeysRequest;
import io.keywarden.kms.api.errors.KMSInternalException;
import io.keywarden.kms.api.errors.NotFoundException;
import io.keywarden.kms.api.spi.Backends;
import io.keywarden.kms.config.KeywardenConfig;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * remote.endpoints: the remote backend fails over between two server nodes on one engine when a node
 * is down, faults (5xx) or dies during a stream of requests; client errors are final; an error after
 * every endpoint failed names them all and no credential.
 */
class RemoteFailoverTest {

    /** The engine, except that Encrypt answers a fault the first {@code faults} times. */
    static KmsBackend faulty(KmsBackend engine, AtomicInteger faults) {
        return (KmsBackend) Proxy.newProxyInstance(KmsBackend.class.getClassLoader(), new Class<?>[] {KmsBackend.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("encrypt") && faults.getAndDecrement() > 0) {
                        throw new KMSInternalException("node failure");
                    }
                    try {
                        return method.invoke(engine, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    static KeywardenServer node(Path dir, KmsBackend engine) {
        return KeywardenServer.start(ServerConfig.fromProperties(TestServer.serverProperties(true), dir, "us-east-1"), engine);
    }

    static KmsBackend client(Path dir, String endpoints, int maxAttempts) throws Exception {
        Path conf = dir.resolve("client-" + System.nanoTime() + ".conf");
        Files.writeString(conf, "backend=remote\nremote.endpoints=" + endpoints + "\n"
                + "remote.accessKeyId=" + TestServer.ACCESS_KEY + "\nremote.secretAccessKey=" + TestServer.SECRET + "\n"
                + "remote.maxAttempts=" + maxAttempts + "\nremote.timeoutSeconds=5\nremote.connectTimeoutSeconds=1\n");
        return Backends.open(KeywardenConfig.load(conf));
    }

    static String deadEndpoint() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return "http://127.0.0.1:" + s.getLocalPort();
        }
    }

    /**
     * The node's request counts for {@code operation} once they contain {@code expected}: the server
     * records a request's metrics after writing its response, so the client may be ahead by a moment.
     */
    static String requestsOnceThey(KeywardenServer node, String operation, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        String seen = requests(node, operation);
        while (!seen.contains(expected) && System.nanoTime() - deadline < 0) {
            Thread.sleep(20);
            seen = requests(node, operation);
        }
        return seen;
    }

    static String requests(KeywardenServer node, String operation) {
        return node.metrics().scrape().lines()
                .filter(l -> l.startsWith("keywarden_requests_total{operation=\"" + operation + "\""))
                .reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void aDownNodeIsPassedOver(@TempDir Path dir) throws Exception {
        try (TestServer live = TestServer.plaintext(dir);
             KmsBackend remote = client(dir, deadEndpoint() + "," + live.endpoint(), 4)) {
            String key = remote.createKey(CreateKeyRequest.builder().build()).keyMetadata().keyId();
            byte[] blob = remote.encrypt(EncryptRequest.builder().keyId(key).plaintext(new byte[] {7}).build()).ciphertextBlob();
            assertThat(remote.decrypt(DecryptRequest.builder().ciphertextBlob(blob).build()).plaintext()).containsExactly(7);
        }
    }

    @Test
    void aFaultFailsOverToTheOtherNodeButAClientErrorIsFinal(@TempDir Path dir) throws Exception {
        AtomicInteger faults = new AtomicInteger(1);
        try (TestServer base = TestServer.plaintext(dir);
             KeywardenServer faultyNode = node(dir, faulty(base.engine, faults));
             KmsBackend remote = client(dir, faultyNode.endpoint() + "," + base.endpoint(), 4)) {
            String key = remote.createKey(CreateKeyRequest.builder().build()).keyMetadata().keyId();
            byte[] blob = remote.encrypt(EncryptRequest.builder().keyId(key).plaintext(new byte[] {1}).build()).ciphertextBlob();
            assertThat(blob).isNotEmpty();
            assertThat(requestsOnceThey(faultyNode, "Encrypt", "KMSInternalException"))
                    .contains("outcome=\"KMSInternalException\"} 1").doesNotContain("outcome=\"ok\"");
            assertThat(requestsOnceThey(base.server, "Encrypt", "ok")).contains("outcome=\"ok\"} 1");

            assertThatThrownBy(() -> remote.describeKey(DescribeKeyRequest.builder().keyId("alias/none").build()))
                    .isInstanceOf(NotFoundException.class);
            assertThat(requestsOnceThey(base.server, "DescribeKey", "NotFoundException"))
                    .contains("outcome=\"NotFoundException\"} 1");
            assertThat(requests(faultyNode, "DescribeKey")).as("a 4xx is the answer: no failover").isEmpty();
        }
    }

    @Test
    void aNodeKilledDuringAStreamOfRequestsLosesNothing(@TempDir Path dir) throws Exception {
        try (TestServer second = TestServer.plaintext(dir)) {
            KeywardenServer first = node(dir, second.engine);
            try (KmsBackend remote = client(dir, first.endpoint() + "," + second.endpoint(), 4)) {
                String key = remote.createKey(CreateKeyRequest.builder().build()).keyMetadata().keyId();
                for (int i = 0; i < 40; i++) {
                    if (i == 15) {
                        first.close();
                    }
                    byte[] plaintext = ("message " + i).getBytes(StandardCharsets.UTF_8);
                    byte[] blob = remote.encrypt(EncryptRequest.builder().keyId(key).plaintext(plaintext).build())
                            .ciphertextBlob();
                    assertThat(remote.decrypt(DecryptRequest.builder().ciphertextBlob(blob).build()).plaintext())
                            .isEqualTo(plaintext);
                }
                assertThat(requestsOnceThey(second.server, "Encrypt", "} 25")).contains("outcome=\"ok\"} 25");
            } finally {
                first.close();
            }
        }
    }

    @Test
    void whenEveryEndpointFailsTheErrorNamesThemAndNoSecret(@TempDir Path dir) throws Exception {
        String a = deadEndpoint();
        String b = deadEndpoint();
        try (KmsBackend remote = client(dir, a + "," + b, 3)) {
            assertThatThrownBy(() -> remote.listKeys(ListKeysRequest.builder().build()))
                    .isInstanceOf(KMSInternalException.class)
                    .hasMessageContaining("after 3 attempts")
                    .hasMessageContaining(a).hasMessageContaining(b)
                    .hasMessageNotContaining(TestServer.SECRET);
        }
    }
}
