package io.keywarden.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.keywarden.kms.api.KeySpec;
import io.keywarden.provider.KmsKeyGenParameterSpec;
import io.keywarden.provider.KmsPrivateKey;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sample b: a JSSE server in another JVM whose private key is a managed EC P-256 key; a client that
 * trusts only the server's self-signed certificate completes the handshake and reads the answer.
 */
class TlsServerTest {

    @TempDir
    Path dir;
    SampleEnvironment env;

    @BeforeEach
    void open() throws Exception {
        env = new SampleEnvironment(dir);
    }

    @AfterEach
    void close() {
        env.close();
    }

    @Test
    void handshakeSignedByTheManagedKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", env.provider);
        g.initialize(KmsKeyGenParameterSpec.builder().keySpec(KeySpec.ECC_NIST_P256).build());
        KmsPrivateKey key = (KmsPrivateKey) g.generateKeyPair().getPrivate();
        X509Certificate cert = env.selfSigned(key, "SHA256withECDSA", "localhost");
        env.storeWithChain("tls", key, cert);

        Process server = env.sample(TlsServer.class).redirectErrorStream(true).start();
        try (BufferedReader serverOut = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8))) {
            String first = serverOut.readLine();
            assertThat(first).as("server output").startsWith("PORT ");
            int port = Integer.parseInt(first.substring(5).trim());

            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("server", cert);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);
            try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("localhost", port)) {
                socket.startHandshake();
                assertThat(socket.getSession().getPeerCertificates()[0]).isEqualTo(cert);
                PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.UTF_8));
                out.println("client");
                assertThat(in.readLine()).startsWith("hello client over TLSv1.3");
            }
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(server.exitValue()).isZero();
        } finally {
            server.destroyForcibly();
        }
    }
}
