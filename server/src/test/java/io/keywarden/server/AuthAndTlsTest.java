package io.keywarden.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Properties;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;

/** SigV4 failures as the SDK sees them, TLS with a test certificate, and the plaintext rules. */
class AuthAndTlsTest {

    static final String STORE_PASSWORD = "changeit-test";

    @Test
    void wrongSecretAndUnknownKeyAreRefused(@TempDir Path dir) {
        try (TestServer s = TestServer.plaintext(dir);
             KmsClient wrongSecret = s.client(TestServer.ACCESS_KEY, "not-the-secret-0123456789", UrlConnectionHttpClient.create());
             KmsClient unknownKey = s.client("AKIDUNKNOWNKEY00001", TestServer.SECRET, UrlConnectionHttpClient.create())) {
            assertThatThrownBy(wrongSecret::listKeys).isInstanceOf(KmsException.class)
                    .satisfies(e -> assertThat(((KmsException) e).awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException"))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not-the-secret"));
            assertThatThrownBy(unknownKey::listKeys).isInstanceOf(KmsException.class)
                    .satisfies(e -> assertThat(((KmsException) e).awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException"));
            assertThat(s.server.metrics().scrape()).doesNotContain("operation=\"ListKeys\"")
                    .contains("keywarden_requests_rejected_total{error=\"InvalidSignatureException\"}");
        }
    }

    @Test
    void tlsWithATestCertificate(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("server.p12");
        TestCertificates.selfSigned(keystore, STORE_PASSWORD);
        Properties p = TestServer.serverProperties(false);
        p.setProperty("tls.keystore", "server.p12");
        p.setProperty("tls.keystorePassword", STORE_PASSWORD);
        try (TestServer s = TestServer.start(dir, p)) {
            assertThat(s.endpoint().getScheme()).isEqualTo("https");
            KeyStore trust = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                trust.load(in, STORE_PASSWORD.toCharArray());
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            try (KmsClient kms = s.client(TestServer.ACCESS_KEY, TestServer.SECRET,
                    UrlConnectionHttpClient.builder().tlsTrustManagersProvider(tmf::getTrustManagers).build())) {
                String keyId = kms.createKey(r -> r.description("over tls")).keyMetadata().keyId();
                assertThat(kms.describeKey(r -> r.keyId(keyId)).keyMetadata().description()).isEqualTo("over tls");
            }
            try (KmsClient untrusting = s.client(TestServer.ACCESS_KEY, TestServer.SECRET, UrlConnectionHttpClient.create())) {
                assertThatThrownBy(untrusting::listKeys).isInstanceOf(software.amazon.awssdk.core.exception.SdkClientException.class);
            }
        }
    }

    @Test
    void tlsIsTheDefaultAndPlaintextOnlyOnLoopback(@TempDir Path dir) {
        Properties noTls = TestServer.serverProperties(false);
        assertThatThrownBy(() -> ServerConfig.fromProperties(noTls, dir, null))
                .isInstanceOf(ServerConfig.ServerConfigException.class).hasMessageContaining("tls.keystore");
        Properties wide = TestServer.serverProperties(true);
        wide.setProperty("listen.host", "0.0.0.0");
        assertThatThrownBy(() -> ServerConfig.fromProperties(wide, dir, null))
                .isInstanceOf(ServerConfig.ServerConfigException.class).hasMessageContaining("server.plaintextLoopback");
        Properties noKeys = new Properties();
        noKeys.setProperty("server.plaintextLoopback", "true");
        assertThatThrownBy(() -> ServerConfig.fromProperties(noKeys, dir, null))
                .isInstanceOf(ServerConfig.ServerConfigException.class).hasMessageContaining("accessKey");
        assertThat(ServerConfig.fromProperties(TestServer.serverProperties(true), dir, null).toString())
                .doesNotContain(TestServer.SECRET);
    }
}
