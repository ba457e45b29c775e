package io.keywarden.kms.cli;

import io.keywarden.kms.audit.AuditFinding;
import io.keywarden.kms.audit.AuditTrail;
import io.keywarden.kms.config.KeywardenConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code keywarden audit list|verify|public-key} (docs/audit.md). */
@Command(name = "audit",
        description = "Lists, verifies and exports the audit trail of the configured store.",
        synopsisSubcommandLabel = "(list | verify | public-key)",
        subcommands = {AuditCommand.ListEvents.class, AuditCommand.Verify.class, AuditCommand.PublicKey.class})
final class AuditCommand implements Callable<Integer> {

    /** Exit status of {@code audit verify} when the trail was tampered with. */
    static final int EXIT_TAMPERED = 3;

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command: list, verify or public-key");
    }

    private static KeywardenConfig config(CommandSpec spec) {
        KeywardenCli root = (KeywardenCli) spec.root().userObject();
        return root.context().loadConfig(root.config);
    }

    @Command(name = "list", description = "Prints the matching audit events, one JSON object a line, oldest first.")
    static final class ListEvents implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;

        @Option(names = "--key-id", paramLabel = "KEY", description = "Only events on this key (id or ARN).")
        String keyId;

        @Option(names = "--principal", paramLabel = "ARN", description = "Only events of this caller.")
        String principal;

        @Option(names = "--operation", paramLabel = "NAME", description = "Only this operation, e.g. Decrypt.")
        String operation;

        @Option(names = "--start-time", paramLabel = "TIME", converter = TimestampArgument.class,
                description = "Only events at or after TIME (ISO-8601 or epoch seconds).")
        java.time.Instant start;

        @Option(names = "--end-time", paramLabel = "TIME", converter = TimestampArgument.class,
                description = "Only events at or before TIME.")
        java.time.Instant end;

        @Option(names = "--errors-only", description = "Only refused and failed requests.")
        boolean errorsOnly;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            BackendOpener.withStore(config(spec), store -> {
                AuditTrail.list(store, new AuditTrail.Filter(keyId, principal, operation, start, end, errorsOnly),
                        out::println);
                return null;
            });
            out.flush();
            return KeywardenCli.EXIT_OK;
        }
    }

    @Command(name = "verify", description = {
        "Recomputes the hash chain and checks every digest signature; names each changed, removed,",
        "reordered or inserted event by sequence number. Exits " + EXIT_TAMPERED + " when the trail was tampered with."})
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;

        @Option(names = "--public-key", paramLabel = "FILE",
                description = "Check the digests with this exported public key instead of the store's.")
        Path publicKey;

        @Override
        public Integer call() {
            byte[] key = null;
            if (publicKey != null) {
                try {
                    key = AuditTrail.decodePublicKey(Files.readString(publicKey));
                } catch (IOException | IllegalArgumentException e) {
                    throw new CliException.Failed("cannot read the public key " + publicKey);
                }
            }
            byte[] k = key;
            List<AuditFinding> findings = BackendOpener.withStore(config(spec), store -> AuditTrail.verify(store, k));
            PrintWriter out = spec.commandLine().getOut();
            boolean tampered = false;
            for (AuditFinding f : findings) {
                out.println(f);
                tampered |= f.isTampering();
            }
            out.println(tampered ? "audit trail: TAMPERED" : "audit trail: intact");
            out.flush();
            return tampered ? EXIT_TAMPERED : KeywardenCli.EXIT_OK;
        }
    }

    @Command(name = "public-key", description = "Prints the public key that signs the audit digests (PEM).")
    static final class PublicKey implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;

        @Override
        public Integer call() {
            String pem = BackendOpener.withStore(config(spec), AuditTrail::publicKeyPem)
                    .orElseThrow(() -> new CliException.Failed("no audit digest was written yet"));
            spec.commandLine().getOut().print(pem);
            spec.commandLine().getOut().flush();
            return KeywardenCli.EXIT_OK;
        }
    }
}
