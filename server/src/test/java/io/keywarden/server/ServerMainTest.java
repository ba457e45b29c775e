package io.keywarden.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line of {@code keywarden server}: usage, and configuration errors that name the setting. */
class ServerMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        return ServerMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void usage() throws Exception {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: keywarden server");
        assertThat(run("--bogus")).isEqualTo(2);
    }

    @Test
    void aBrokenServerConfigurationNamesTheSetting(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("keywarden.conf");
        Files.writeString(conf, "store=store\n");
        Files.writeString(dir.resolve(ServerConfig.FILE_NAME), "listen.host=0.0.0.0\nserver.plaintextLoopback=true\n"
                + "accessKey.AKIDMAINTEST000001.secret=main-secret-0123456789\n"
                + "accessKey.AKIDMAINTEST000001.principal=arn:aws:iam::111122223333:root\n");
        assertThat(run("--config", conf.toString())).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("server.plaintextLoopback").doesNotContain("main-secret");
    }
}
