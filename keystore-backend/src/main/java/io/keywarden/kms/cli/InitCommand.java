package io.keywarden.kms.cli;

import io.keywarden.kms.config.KeywardenConfig;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keywarden init DIR}: a new keywarden.conf and a new store with its root key. */
@Command(name = "init",
        description = {
            "Creates DIR (if needed), writes DIR/keywarden.conf with every setting and creates the store "
                    + "with its root key.",
            "Refuses to overwrite an existing keywarden.conf."})
final class InitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Parameters(index = "0", paramLabel = "DIR", description = "The directory of the new configuration.")
    String dir;

    @Option(names = "--store", paramLabel = "PATH", defaultValue = "store",
            description = "The store directory, relative to DIR (default: ${DEFAULT-VALUE}).")
    String store;

    @Option(names = "--principal", paramLabel = "ARN", defaultValue = KeywardenConfig.DEFAULT_PRINCIPAL,
            description = "The caller's IAM ARN (default: ${DEFAULT-VALUE}).")
    String principal;

    @Option(names = "--region", paramLabel = "REGION", defaultValue = KeywardenConfig.DEFAULT_REGION,
            description = "The region in ARNs (default: ${DEFAULT-VALUE}).")
    String region;

    @Option(names = "--passphrase-env", paramLabel = "VAR",
            description = "Derive the root key from the passphrase in this environment variable instead of a "
                    + "root key file.")
    String passphraseEnv;

    @Override
    public Integer call() throws IOException {
        CliContext context = ((KeywardenCli) spec.root().userObject()).context();
        Path base = context.workingDir().resolve(dir).toAbsolutePath().normalize();
        Path conf = base.resolve(CliContext.DEFAULT_CONFIG_NAME);
        if (Files.exists(conf)) {
            throw new CliException.Failed(conf + " exists already: not overwriting it");
        }
        String text = ConfigTemplate.render(store, principal, region, passphraseEnv);
        Properties p = new Properties();
        p.load(new StringReader(text));
        KeywardenConfig config = KeywardenConfig.fromProperties(p, base);

        Files.createDirectories(base);
        Files.writeString(conf, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        try {
            context.openBackend(config).close();
        } catch (RuntimeException e) {
            Files.deleteIfExists(conf);
            throw e;
        }
        var out = spec.commandLine().getOut();
        out.println("Wrote " + conf);
        out.println("Created the store " + config.store()
                + (passphraseEnv == null ? " with the root key " + config.rootKeyFile()
                        : " with a root key derived from $" + passphraseEnv));
        out.println("Use it with: export " + CliContext.CONFIG_ENV + "=" + conf
                + "  (or --config " + conf + ", or run keywarden in " + base + ")");
        out.flush();
        return KeywardenCli.EXIT_OK;
    }
}
