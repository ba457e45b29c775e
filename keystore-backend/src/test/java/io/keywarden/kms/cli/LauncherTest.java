package io.keywarden.kms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./keywarden} launcher script, run from another directory. The build is off
 * (KEYWARDEN_NO_BUILD=1) and limited to this module (KEYWARDEN_MODULES): Maven has just compiled it
 * and written its target/classpath.txt.
 */
class LauncherTest {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path LAUNCHER = ROOT.resolve("keywarden");

    @TempDir
    Path elsewhere;

    record Run(int exitCode, String out, String err) {
    }

    Run launch(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(elsewhere.toFile());
        pb.environment().put("KEYWARDEN_NO_BUILD", "1");
        // in a reactor build the modules after this one are not compiled yet
        pb.environment().put("KEYWARDEN_MODULES", "keystore-backend");
        pb.environment().remove(CliContext.CONFIG_ENV);
        Path out = elsewhere.resolve("out.txt");
        Path err = elsewhere.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), read(out), read(err));
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void versionAndClasspath() throws Exception {
        assertThat(Files.isExecutable(LAUNCHER)).isTrue();

        Run version = launch("--version");
        assertThat(version.err()).isEmpty();
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("keywarden " + VersionProvider.version());

        Run cp = launch("classpath");
        assertThat(cp.exitCode()).isZero();
        String[] entries = cp.out().strip().split(":");
        assertThat(entries).contains(ROOT.resolve("keystore-backend/target/classes").toString());
        assertThat(entries).anyMatch(e -> e.contains("picocli"));
        for (String entry : entries) {
            assertThat(Path.of(entry)).as(entry).isAbsolute().exists();
        }

        Run noConfig = launch("kms", "list-keys");
        assertThat(noConfig.exitCode()).isEqualTo(253);
        assertThat(noConfig.err()).contains("no configuration found");
    }
}
