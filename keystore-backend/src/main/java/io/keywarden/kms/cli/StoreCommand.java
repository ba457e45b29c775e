package io.keywarden.kms.cli;

import io.keywarden.kms.config.KeywardenConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code keywarden store backup|restore}. */
@Command(name = "store",
        description = "Backs up and restores the store of the configuration.",
        synopsisSubcommandLabel = "(backup | restore)",
        subcommands = {StoreCommand.Backup.class, StoreCommand.Restore.class})
final class StoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command: backup or restore");
    }

    static KeywardenCli root(CommandSpec spec) {
        return (KeywardenCli) spec.root().userObject();
    }

    @Command(name = "backup", description = {
        "Writes a consistent copy of the store to FILE, while the store stays in use.",
        "The backup holds key material sealed under the root key: keep the root key apart from it."})
    static final class Backup implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;

        @Option(names = "--to", required = true, paramLabel = "FILE", description = "The backup file to write.")
        Path to;

        @Override
        public Integer call() {
            KeywardenCli root = root(spec);
            KeywardenConfig config = root.context().loadConfig(root.config);
            Path target = root.context().workingDir().resolve(to).toAbsolutePath().normalize();
            if (Files.exists(target)) {
                throw new CliException.Failed(target + " exists already: not overwriting it");
            }
            BackendOpener.backup(config, target);
            spec.commandLine().getOut().println("Backed up the store " + config.store() + " to " + target);
            spec.commandLine().getOut().flush();
            return KeywardenCli.EXIT_OK;
        }
    }

    @Command(name = "restore", description = {
        "Verifies a backup made by 'store backup' with the configuration's root key, then replaces the "
                + "store with it.",
        "Stop other processes that use the store first."})
    static final class Restore implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;

        @Option(names = "--from", required = true, paramLabel = "FILE", description = "The backup file.")
        Path from;

        @Override
        public Integer call() {
            KeywardenCli root = root(spec);
            KeywardenConfig config = root.context().loadConfig(root.config);
            Path source = root.context().workingDir().resolve(from).toAbsolutePath().normalize();
            if (!Files.isRegularFile(source)) {
                throw new CliException.Failed("no such backup file: " + source);
            }
            BackendOpener.restore(source, config);
            spec.commandLine().getOut().println("Verified the backup " + source
                    + " with the root key and replaced the store " + config.store() + " with it");
            spec.commandLine().getOut().flush();
            return KeywardenCli.EXIT_OK;
        }
    }
}
