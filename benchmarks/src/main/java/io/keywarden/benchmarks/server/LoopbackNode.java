package io.keywarden.benchmarks.server;

import io.keywarden.kms.api.KmsBackend;
import io.keywarden.server.KeywardenServer;
import io.keywarden.server.ServerConfig;
import java.nio.file.Path;
import java.util.Properties;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * One Keywarden server node in this JVM on plaintext loopback HTTP (as the server tests run it) over
 * an engine it does not own, with the benchmark's access key, and an AWS SDK v2 {@code KmsClient}
 * for it alone, on the SDK's Apache HttpClient 5 client (keep-alive), as the remote backend uses.
 * Not the URL connection client: the JDK's {@code HttpURLConnection} waits 1 ms before each POST on a
 * kept-alive connection, which measured the client (400 calls/s) rather than the server (1,700).
 */
final class LoopbackNode implements AutoCloseable {

    static final String ACCESS_KEY = "AKIDKEYWARDENBENCH01";
    static final String SECRET = "bench-secret-0123456789abcdef";
    static final String PRINCIPAL = "arn:aws:iam::111122223333:user/bench";
    /** The identity policy {@link #PRINCIPAL} needs (put once per store). */
    static final String ALLOW_ALL =
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";

    final KeywardenServer server;
    final KmsClient client;

    LoopbackNode(KmsBackend engine, Path dir) {
        Properties p = new Properties();
        p.setProperty("listen.host", "127.0.0.1");
        p.setProperty("listen.port", "0");
        p.setProperty("server.plaintextLoopback", "true");
        p.setProperty("accessKey." + ACCESS_KEY + ".secret", SECRET);
        p.setProperty("accessKey." + ACCESS_KEY + ".principal", PRINCIPAL);
        server = KeywardenServer.start(ServerConfig.fromProperties(p, dir, "us-east-1"), engine);
        client = KmsClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET)))
                .httpClient(Apache5HttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD))
                .build();
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
