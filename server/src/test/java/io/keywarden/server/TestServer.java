package io.keywarden.server;

import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.config.KeywardenConfig;
import io.keywarden.kms.engine.EmbeddedKms;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/** A server on a fresh embedded store in a temporary directory, and SDK clients for it. */
final class TestServer implements AutoCloseable {

    static final String ACCESS_KEY = "AKIDKEYWARDENTEST01";
    static final String SECRET = "test-secret-0123456789abcdef";
    static final String PRINCIPAL = "arn:aws:iam::111122223333:user/tester";

    final Path dir;
    final KmsBackend engine;
    final KeywardenServer server;

    private TestServer(Path dir, KmsBackend engine, KeywardenServer server) {
        this.dir = dir;
        this.engine = engine;
        this.server = server;
    }

    /** A plaintext loopback server. */
    static TestServer plaintext(Path dir) {
        return start(dir, serverProperties(true));
    }

    static Properties serverProperties(boolean plaintext) {
        Properties p = new Properties();
        p.setProperty("listen.host", "127.0.0.1");
        p.setProperty("listen.port", "0");
        p.setProperty("server.plaintextLoopback", String.valueOf(plaintext));
        p.setProperty("accessKey." + ACCESS_KEY + ".secret", SECRET);
        p.setProperty("accessKey." + ACCESS_KEY + ".principal", PRINCIPAL);
        return p;
    }

    static TestServer start(Path dir, Properties serverProperties) {
        try {
            Path conf = dir.resolve("keywarden.conf");
            Files.writeString(conf, "store=store\n"
                // tests make keys faster than AWS's default request quotas allow (docs/configuration.md)
                + "quota.rate.symmetric=100000\nquota.rate.rsa=100000\nquota.rate.ecc=100000\nquota.rate.ml-dsa=100000\nquota.rate.write=100000\nquota.rate.describe=100000\nquota.rate.read=100000\nquota.rate.list=100000\nquota.rate.data-key-pair=100000\nquota.rate.import-parameters=100000\n");
            KmsBackend engine = EmbeddedKms.open(KeywardenConfig.load(conf));
            // the account root (keywarden.conf's default principal) lets the test's IAM user use KMS
            // through its identity policy, as an AWS account administrator would (docs/policy.md)
            engine.putIdentityPolicy(new io.keywarden.kms.api.PutIdentityPolicyRequest(PRINCIPAL,
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                            + "\"Action\":\"kms:*\",\"Resource\":\"*\"}]}"));
            ServerConfig config = ServerConfig.fromProperties(serverProperties, dir, "us-east-1");
            return new TestServer(dir, engine, KeywardenServer.start(config, engine));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    URI endpoint() {
        return server.endpoint();
    }

    KmsClient client() {
        return client(ACCESS_KEY, SECRET, UrlConnectionHttpClient.create());
    }

    KmsClient client(String accessKey, String secret, SdkHttpClient http) {
        return KmsClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
                .httpClient(http)
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD))
                .build();
    }

    @Override
    public void close() {
        server.close();
        engine.close();
    }
}
