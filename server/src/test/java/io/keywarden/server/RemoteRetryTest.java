package io.keywarden.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.ListKeysRequest;
import io.keywarden.kms.api.errors.KMSInternalException;
import io.keywarden.kms.api.errors.ThrottlingException;
import io.keywarden.kms.api.spi.Backends;
import io.keywarden.kms.config.KeywardenConfig;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The remote backend retries throttling with backoff, gives up after remote.maxAttempts, and names an unreachable server. */
class RemoteRetryTest {

    /** The engine, except that ListKeys is throttled the first {@code throttled} times. */
    static KmsBackend throttling(KmsBackend engine, AtomicInteger throttled) {
        return (KmsBackend) Proxy.newProxyInstance(KmsBackend.class.getClassLoader(), new Class<?>[] {KmsBackend.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("listKeys") && throttled.getAndDecrement() > 0) {
                        throw new ThrottlingException("Rate exceeded");
                    }
                    try {
                        return method.invoke(engine, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    static Path clientConf(Path dir, String endpoint, int maxAttempts) throws Exception {
        Path conf = dir.resolve("client-" + maxAttempts + ".conf");
        Files.writeString(conf, "backend=remote\nremote.endpoint=" + endpoint + "\n"
                + "remote.accessKeyId=" + TestServer.ACCESS_KEY + "\nremote.secretAccessKey=" + TestServer.SECRET + "\n"
                + "remote.maxAttempts=" + maxAttempts + "\nremote.timeoutSeconds=5\nremote.connectTimeoutSeconds=1\n");
        return conf;
    }

    @Test
    void throttlingIsRetriedThenSurfacesTyped(@TempDir Path dir) throws Exception {
        AtomicInteger throttled = new AtomicInteger(2);
        try (TestServer base = TestServer.plaintext(dir);
             KeywardenServer server = KeywardenServer.start(
                     ServerConfig.fromProperties(TestServer.serverProperties(true), dir, "us-east-1"),
                     throttling(base.engine, throttled));
             KmsBackend remote = Backends.open(KeywardenConfig.load(clientConf(dir, server.endpoint().toString(), 4)));
             KmsBackend once = Backends.open(KeywardenConfig.load(clientConf(dir, server.endpoint().toString(), 1)))) {
            assertThat(remote.listKeys(ListKeysRequest.builder().build()).keys()).isNotNull();
            assertThat(server.metrics().scrape())
                    .contains("keywarden_requests_total{operation=\"ListKeys\",outcome=\"ThrottlingException\"} 2")
                    .contains("keywarden_requests_total{operation=\"ListKeys\",outcome=\"ok\"} 1");

            throttled.set(1);
            assertThatThrownBy(() -> once.listKeys(ListKeysRequest.builder().build()))
                    .isInstanceOf(ThrottlingException.class);
        }
    }

    @Test
    void anUnreachableServerIsNamed(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String endpoint = "http://127.0.0.1:" + port;
        try (KmsBackend remote = Backends.open(KeywardenConfig.load(clientConf(dir, endpoint, 2)))) {
            assertThatThrownBy(() -> remote.listKeys(ListKeysRequest.builder().build()))
                    .isInstanceOf(KMSInternalException.class)
                    .hasMessageContaining(endpoint);
        }
    }
}
