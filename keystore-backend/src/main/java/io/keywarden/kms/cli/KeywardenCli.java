package io.keywarden.kms.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code keywarden} command: {@code kms <operation>} (the AWS CLI's {@code aws kms}),
 * {@code init} and {@code store}. The global options are inherited by every subcommand, so they may
 * be given before or after the command names.
 */
@Command(name = "keywarden",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Keywarden: a self-hostable key management service with AWS KMS semantics.",
        subcommands = {KmsCommand.class, InitCommand.class, StoreCommand.class, AuditCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Success.",
            "252:Usage error: unknown option, missing or invalid parameter.",
            "253:Configuration error: no keywarden.conf found, or a setting is wrong.",
            "254:The KMS operation failed (the error type is printed, as the AWS CLI does).",
            "255:Any other error."})
public final class KeywardenCli implements Callable<Integer> {

    /** The exit codes, the AWS CLI's. */
    public static final int EXIT_OK = 0;
    public static final int EXIT_USAGE = 252;
    public static final int EXIT_CONFIG = 253;
    public static final int EXIT_SERVICE = 254;
    public static final int EXIT_OTHER = 255;

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "The keywarden.conf to use. Default: $KEYWARDEN_CONFIG, then ./keywarden.conf.")
    String config;

    @Option(names = "--output", paramLabel = "FORMAT", scope = ScopeType.INHERIT,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: json).")
    OutputFormat output;

    @Option(names = "--query", paramLabel = "MEMBER", scope = ScopeType.INHERIT,
            description = "Print only this member of the response: a member name (CiphertextBlob) or a "
                    + "dotted path of member names (KeyMetadata.KeyId). Other JMESPath is not supported.")
    String query;

    @Spec
    CommandSpec spec;

    private final CliContext context;

    public KeywardenCli(CliContext context) {
        this.context = context;
    }

    CliContext context() {
        return context;
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: kms, init or store (see --help)");
    }

    /** Builds the command line for a context: standard streams and the real environment in {@link #main}. */
    public static CommandLine commandLine(CliContext context, PrintWriter out, PrintWriter err) {
        KeywardenCli root = new KeywardenCli(context);
        CommandLine cl = new CommandLine(root);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new CliErrors());
        cl.setParameterExceptionHandler(CliErrors::handleParameterException);
        cl.setUsageHelpAutoWidth(true);
        return cl;
    }

    /** Runs one command in-process and returns its exit code. */
    public static int run(CliContext context, PrintWriter out, PrintWriter err, String... args) {
        try {
            return commandLine(context, out, err).execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        CliContext context = CliContext.system(Map.copyOf(System.getenv()));
        System.exit(run(context, out, err, args));
    }
}
