package io.keywarden.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clients that send a body slowly neither hold request threads nor keep their connection past the body deadline. */
class SlowClientTest {

    @Test
    void slowBodiesTimeOutWithoutStarvingOthers(@TempDir Path dir) throws Exception {
        Properties p = TestServer.serverProperties(true);
        p.setProperty("limits.maxThreads", "12");
        p.setProperty("limits.bodyTimeoutSeconds", "1");
        try (TestServer s = TestServer.start(dir, p)) {
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < 20; i++) {
                    Socket socket = new Socket("127.0.0.1", s.endpoint().getPort());
                    socket.setSoTimeout(10_000);
                    OutputStream out = socket.getOutputStream();
                    out.write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\n"
                            + "X-Amz-Target: TrentService.ListKeys\r\nContent-Length: 100\r\n\r\n{\"Li").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    slow.add(socket);
                }
                // twenty stalled bodies, twelve threads: a normal request is still served
                long start = System.nanoTime();
                assertThat(new RawClient(s.endpoint()).call("ListKeys", "{}").statusCode()).isEqualTo(200);
                assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
                for (Socket socket : slow) {
                    InputStream in = socket.getInputStream();
                    String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
                    assertThat(head).isEqualTo("HTTP/1.1 408");
                }
            } finally {
                for (Socket socket : slow) {
                    socket.close();
                }
            }
            assertThat(s.server.metrics().scrape()).contains("keywarden_requests_rejected_total{error=\"RequestTimeoutException\"} 20");
        }
    }
}
