package io.keywarden.kms.cli;

import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.config.KeywardenConfig;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * One {@code keywarden kms} operation: reads the configuration, opens the backend, calls the one
 * {@link KmsBackend} method and prints its response (nothing for operations without one, as the AWS
 * CLI does).
 */
abstract class KmsOperation implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    /** Calls the backend; returns the response to print, or {@code null} for none. */
    protected abstract Object invoke(KmsBackend kms);

    @Override
    public final Integer call() {
        KeywardenCli root = (KeywardenCli) spec.root().userObject();
        KeywardenConfig config = root.context().loadConfig(root.config);
        Object response;
        try (KmsBackend kms = root.context().openBackend(config)) {
            response = invoke(kms);
        }
        if (response != null) {
            OutputFormat format = root.output == null ? OutputFormat.json : root.output;
            JsonOutput.print(response, format, root.query, spec.commandLine().getOut());
        }
        return KeywardenCli.EXIT_OK;
    }

    /** The AWS KMS operation name: {@code re-encrypt} is {@code ReEncrypt}. */
    String operationName() {
        StringBuilder sb = new StringBuilder();
        for (String part : spec.name().split("-")) {
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }

    /** A list option's values (space-separated or one JSON array), or null when not given. */
    protected List<String> strings(String option, List<String> values) {
        return ListArguments.strings(spec, option, values);
    }
}
