package io.keywarden.kms.cli;

import io.keywarden.kms.api.errors.KmsException;
import io.keywarden.kms.config.KeywardenConfig;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How failures are reported, as the AWS CLI does: one line on stderr, never a stack trace, and the
 * AWS CLI's exit codes (252 usage, 253 configuration, 254 service error, 255 anything else).
 */
final class CliErrors implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
        PrintWriter err = cl.getErr();
        if (ex instanceof KmsException k) {
            err.println(kmsErrorLine(k, cl.getCommand()));
            return KeywardenCli.EXIT_SERVICE;
        }
        if (ex instanceof CliException c) {
            err.println("keywarden: " + c.getMessage());
            return c.exitCode();
        }
        if (ex instanceof KeywardenConfig.ConfigException c) {
            err.println(c.getMessage());
            return KeywardenCli.EXIT_CONFIG;
        }
        err.println("keywarden: unexpected error: " + oneLine(ex));
        return KeywardenCli.EXIT_OTHER;
    }

    /** {@code An error occurred (NotFoundException) when calling the DescribeKey operation: …}. */
    static String kmsErrorLine(KmsException k, Object command) {
        if (command instanceof KmsOperation op) {
            return "An error occurred (" + k.errorType() + ") when calling the " + op.operationName()
                    + " operation: " + k.getMessage();
        }
        return "keywarden: an error occurred (" + k.errorType() + "): " + k.getMessage();
    }

    /** Usage errors: picocli's message, a hint, exit 252. */
    static int handleParameterException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println(ex.getMessage());
        if (!UnmatchedArgumentException.printSuggestions(ex, err)) {
            err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
        }
        return KeywardenCli.EXIT_USAGE;
    }

    private static String oneLine(Throwable t) {
        String m = t.getMessage();
        String line = t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
        int nl = line.indexOf('\n');
        return nl < 0 ? line : line.substring(0, nl);
    }
}
