package io.keywarden.kms.cli;

/** A failure the CLI reports in one line, without a stack trace; the subclass picks the exit code. */
public abstract class CliException extends RuntimeException {

    protected CliException(String message) {
        super(message);
    }

    protected CliException(String message, Throwable cause) {
        super(message, cause);
    }

    public abstract int exitCode();

    /** No configuration file, or one that cannot be used: exit 253. */
    public static final class Config extends CliException {
        public Config(String message) {
            super(message);
        }

        @Override
        public int exitCode() {
            return KeywardenCli.EXIT_CONFIG;
        }
    }

    /** A command that cannot do what it was asked (a file exists, a file is missing…): exit 255. */
    public static final class Failed extends CliException {
        public Failed(String message) {
            super(message);
        }

        public Failed(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public int exitCode() {
            return KeywardenCli.EXIT_OTHER;
        }
    }
}
