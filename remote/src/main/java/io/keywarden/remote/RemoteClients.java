package io.keywarden.remote;

import io.keywarden.kms.config.KeywardenConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.apache5.ProxyConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsClientBuilder;

/**
 * The SDK clients of the {@code remote.*} settings: one {@link KmsClient} per endpoint (AWS KMS's own
 * when none is set), sharing one HTTP client (connect and read timeouts, the trusted CA) and the
 * credentials. The SDK's retries are off: {@link Failover} decides about retries across endpoints.
 * Each attempt is bounded by {@code remote.timeoutSeconds}.
 *
 * <p>The HTTP client is the SDK's Apache HttpClient 5 client, not its URL connection client: the
 * JDK's {@code HttpURLConnection} probes a kept-alive connection before each POST by reading it with a
 * 1 ms timeout ({@code sun.net.www.http.HttpClient.available()}), so every KMS call waited 1 ms more
 * than it needed (docs/performance-history.md, "The server's HTTP client"). Proxies: the JDK's proxy system
 * properties, as before; not the {@code HTTP_PROXY}/{@code HTTPS_PROXY} environment variables.
 */
record RemoteClients(List<Failover.Endpoint<KmsClient>> endpoints, SdkHttpClient http) implements AutoCloseable {

    static RemoteClients build(RemoteSettings s) {
        Apache5HttpClient.Builder http = Apache5HttpClient.builder()
                .connectionTimeout(s.connectTimeout())
                .socketTimeout(s.callTimeout())
                .proxyConfiguration(ProxyConfiguration.builder().useEnvironmentVariableValues(false).build());
        if (s.caCertificate() != null) {
            TrustManager[] trust = trustManagers(s);
            http.tlsTrustManagersProvider(() -> trust);
        }
        SdkHttpClient httpClient = http.build();
        AwsCredentialsProvider credentials = s.accessKeyId() == null
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(s.accessKeyId(), s.secretAccessKey()));
        List<Failover.Endpoint<KmsClient>> endpoints = new ArrayList<>();
        List<URI> uris = s.endpoints().isEmpty() ? Collections.singletonList(null) : s.endpoints();
        for (URI uri : uris) {
            KmsClientBuilder b = KmsClient.builder()
                    .region(Region.of(s.region()))
                    .credentialsProvider(credentials)
                    .httpClient(httpClient)
                    .overrideConfiguration(c -> c
                            .apiCallAttemptTimeout(s.callTimeout())
                            .apiCallTimeout(s.callTimeout())
                            .retryStrategy(AwsRetryStrategy.doNotRetry()));
            if (uri != null) {
                b.endpointOverride(uri);
            }
            endpoints.add(new Failover.Endpoint<>(uri == null ? "AWS KMS in " + s.region() : uri.toString(), b.build()));
        }
        return new RemoteClients(List.copyOf(endpoints), httpClient);
    }

    private static TrustManager[] trustManagers(RemoteSettings s) {
        try (InputStream in = Files.newInputStream(s.caCertificate())) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, c);
            }
            if (i == 0) {
                throw new KeywardenConfig.ConfigException("remote.caCertificate", "holds no certificate");
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            return tmf.getTrustManagers();
        } catch (IOException | GeneralSecurityException e) {
            throw new KeywardenConfig.ConfigException("remote.caCertificate", "cannot be read as PEM certificates: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        endpoints.forEach(e -> e.client().close());
        http.close();
    }
}
