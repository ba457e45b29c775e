package io.keywarden.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.keywarden.kms.api.CreateKeyRequest;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.ListAliasesRequest;
import io.keywarden.kms.api.spi.Backends;
import io.keywarden.kms.config.KeywardenConfig;
import io.keywarden.kms.engine.EmbeddedKms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code keywarden server} writes on first start works as written: an owner-only server
 * configuration, a TLS server that a remote backend trusting the generated PEM certificate can use
 * with the generated access key.
 */
class FirstStartTest {

    @Test
    void generatedConfigurationServesTlsToTheRemoteBackend(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("production.conf");
        Files.writeString(conf, "store=store\n");
        KeywardenConfig engineConfig = KeywardenConfig.load(conf);
        FirstStart.Created created = FirstStart.create(dir.resolve(ServerConfig.FILE_NAME), conf, engineConfig, 0);

        assertThat(Files.getPosixFilePermissions(created.serverConfig()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(created.accessKey().principalArn()).isEqualTo(engineConfig.principal());
        ServerConfig config = ServerConfig.load(created.serverConfig());
        assertThat(config.plaintext()).isFalse();
        assertThat(config.engineConfig()).isEqualTo(conf.toAbsolutePath().normalize());

        try (KmsBackend engine = EmbeddedKms.open(KeywardenConfig.load(config.engineConfig()));
             KeywardenServer server = KeywardenServer.start(config, engine)) {
            Path clientConf = dir.resolve("client.conf");
            Files.writeString(clientConf, "backend=remote\n"
                    + "remote.endpoint=" + server.endpoint() + "\n"
                    + "remote.accessKeyId=" + created.accessKey().accessKeyId() + "\n"
                    + "remote.secretAccessKey=" + created.accessKey().secretAccessKey() + "\n"
                    + "remote.caCertificate=" + created.certificatePem().getFileName() + "\n");
            try (KmsBackend remote = Backends.open(KeywardenConfig.load(clientConf))) {
                String keyId = remote.createKey(CreateKeyRequest.builder().description("first start").build())
                        .keyMetadata().keyId();
                assertThat(keyId).isNotBlank();
                assertThat(remote.listAliases(ListAliasesRequest.builder().build()).aliases()).isNotNull();
            }
        }
    }
}
