package io.keywarden.conformance.parity;

import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.config.KeywardenConfig;
import io.keywarden.kms.engine.EmbeddedKms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The KMS behaviour parity suite against the embedded engine on a store in a temporary directory. */
class EmbeddedParityTest extends KmsParitySuite {

    @TempDir
    static Path dir;
    static KmsBackend engine;

    @BeforeAll
    static void open() throws IOException {
        Path conf = dir.resolve("keywarden.conf");
        // the suite makes keys faster than AWS's default request quotas allow (docs/configuration.md)
        StringBuilder quotas = new StringBuilder();
        for (String q : new String[] {"symmetric", "rsa", "ecc", "ml-dsa", "write", "describe", "read", "list",
                "data-key-pair", "import-parameters"}) {
            quotas.append("quota.rate.").append(q).append("=100000\n");
        }
        Files.writeString(conf, "store=store\n" + quotas);
        engine = EmbeddedKms.open(KeywardenConfig.load(conf));
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Override
    protected KmsBackend backend() {
        return engine;
    }
}
