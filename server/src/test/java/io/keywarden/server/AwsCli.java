package io.keywarden.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's AWS CLI ({@code /usr/bin/aws}) run as a subprocess against a test server, in an environment
 * holding nothing but the endpoint's credentials, region and CA bundle (no profile, no config file, no
 * instance metadata), with a timeout on every command.
 */
final class AwsCli {

    static final Path EXECUTABLE = Path.of("/usr/bin/aws");
    private static final long TIMEOUT_SECONDS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one command did: its exit code and its output. */
    record Result(int exitCode, String stdout, String stderr) {

        /** The standard output as JSON, after checking that the command succeeded. */
        JsonNode json() {
            ok();
            try {
                return JSON.readTree(stdout);
            } catch (IOException e) {
                throw new AssertionError("aws printed no JSON: " + stdout, e);
            }
        }

        /** The standard output, trimmed, after checking that the command succeeded. */
        String text() {
            ok();
            return stdout.strip();
        }

        Result ok() {
            if (exitCode != 0) {
                throw new AssertionError("aws exited with " + exitCode + ": " + stderr.strip());
            }
            return this;
        }
    }

    private final URI endpoint;
    private final Path home;
    private final Path caBundle;
    private final String accessKeyId;
    private final String secretAccessKey;

    AwsCli(URI endpoint, Path home, Path caBundle, String accessKeyId, String secretAccessKey) {
        this.endpoint = endpoint;
        this.home = home;
        this.caBundle = caBundle;
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
    }

    /** Fails the test, with the way to fix it, when Debian's AWS CLI is not installed. */
    static void requireInstalled() {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new AssertionError(EXECUTABLE + " is missing: install Debian's AWS CLI (apt-get install -y awscli);"
                    + " .ci/run does this before the build");
        }
    }

    /** The same CLI signing with other credentials. */
    AwsCli withCredentials(String accessKeyId, String secretAccessKey) {
        return new AwsCli(endpoint, home, caBundle, accessKeyId, secretAccessKey);
    }

    /** Runs {@code aws --endpoint-url <endpoint> --region us-east-1 kms <args…>}. */
    Result kms(String... args) {
        List<String> command = new ArrayList<>(List.of(EXECUTABLE.toString(), "--endpoint-url", endpoint.toString(),
                "--region", "us-east-1", "--output", "json", "--cli-connect-timeout", "5", "--cli-read-timeout", "30", "kms"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", "/usr/bin:/bin");
        env.put("LANG", "C.UTF-8");
        env.put("HOME", home.toString());
        env.put("AWS_ACCESS_KEY_ID", accessKeyId);
        env.put("AWS_SECRET_ACCESS_KEY", secretAccessKey);
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_PAGER", "");
        env.put("AWS_MAX_ATTEMPTS", "2");
        if (caBundle != null) {
            env.put("AWS_CA_BUNDLE", caBundle.toString());
        }
        try {
            Path out = Files.createTempFile(home, "aws-stdout", ".txt");
            Path err = Files.createTempFile(home, "aws-stderr", ".txt");
            builder.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("aws kms " + args[0] + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
