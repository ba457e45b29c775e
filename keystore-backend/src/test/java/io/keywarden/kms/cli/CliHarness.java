package io.keywarden.kms.cli;

import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.config.KeywardenConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/** Runs the CLI in-process with captured stdout and stderr. */
final class CliHarness {

    record Result(int exitCode, String out, String err) {
    }

    private final CliContext context;

    CliHarness(Path workingDir, Map<String, String> env, Function<KeywardenConfig, KmsBackend> backends) {
        this.context = new CliContext(env, workingDir, backends);
    }

    /** The real embedded backend. */
    static CliHarness embedded(Path workingDir) {
        return new CliHarness(workingDir, Map.of(), BackendOpener::openBackend);
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KeywardenCli.run(context, new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }
}
