package io.keywarden.kms.cli;

import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.config.KeywardenConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * What a CLI run depends on outside its arguments: the environment, the working directory and how a
 * backend is opened for a configuration. {@link #system} is the real one; tests make their own.
 */
public record CliContext(Map<String, String> env, Path workingDir, Function<KeywardenConfig, KmsBackend> backends) {

    public static final String CONFIG_ENV = "KEYWARDEN_CONFIG";
    public static final String DEFAULT_CONFIG_NAME = "keywarden.conf";

    public static CliContext system(Map<String, String> env) {
        return new CliContext(env, Path.of("").toAbsolutePath(), BackendOpener::openBackend);
    }

    /**
     * The configuration file: {@code --config FILE}, else {@code $KEYWARDEN_CONFIG}, else
     * {@code ./keywarden.conf}.
     */
    public Path locateConfig(String configOption) {
        if (configOption != null) {
            return existing(workingDir.resolve(configOption), "--config " + configOption);
        }
        String fromEnv = env.get(CONFIG_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return existing(workingDir.resolve(fromEnv), CONFIG_ENV + "=" + fromEnv);
        }
        Path local = workingDir.resolve(DEFAULT_CONFIG_NAME);
        if (Files.isRegularFile(local)) {
            return local;
        }
        throw new CliException.Config("no configuration found: give --config FILE, set " + CONFIG_ENV
                + ", or run this in a directory with a " + DEFAULT_CONFIG_NAME
                + " (create one with: keywarden init DIR)");
    }

    public KeywardenConfig loadConfig(String configOption) {
        return KeywardenConfig.load(locateConfig(configOption));
    }

    public KmsBackend openBackend(KeywardenConfig config) {
        return backends.apply(config);
    }

    private static Path existing(Path file, String source) {
        if (!Files.isRegularFile(file)) {
            throw new CliException.Config("configuration file not found: " + file + " (from " + source + ")");
        }
        return file;
    }
}
