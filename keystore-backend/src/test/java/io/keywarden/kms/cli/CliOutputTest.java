package io.keywarden.kms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.keywarden.kms.api.EncryptRequest;
import io.keywarden.kms.api.EncryptResponse;
import io.keywarden.kms.api.EncryptionAlgorithmSpec;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.errors.NotFoundException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output, argument parsing and error reporting against a stub backend (no store needed). */
class CliOutputTest {

    @TempDir
    Path dir;

    final AtomicReference<Object> lastRequest = new AtomicReference<>();

    /** Answers Encrypt with a fixed response and everything else with NotFoundException. */
    KmsBackend stub() {
        return (KmsBackend) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {KmsBackend.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    lastRequest.set(args == null ? null : args[0]);
                    if (method.getName().equals("encrypt")) {
                        return new EncryptResponse(new byte[] {1, 2, 3}, "arn:aws:kms:us-east-1:111122223333:key/k",
                                EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT);
                    }
                    throw new NotFoundException("Key 'arn:aws:kms:us-east-1:111122223333:key/nope' does not exist");
                });
    }

    CliHarness cli() throws Exception {
        Files.writeString(dir.resolve("keywarden.conf"), "store=store\n");
        return new CliHarness(dir, Map.of(), c -> stub());
    }

    @Test
    void encryptPrintsAwsCliJson() throws Exception {
        Path plain = Files.write(dir.resolve("p.bin"), new byte[] {9, 8, 7});
        var r = cli().run("kms", "encrypt", "--key-id", "alias/x", "--plaintext", "fileb://" + plain,
                "--encryption-context", "a=b,c=d");
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("""
                {
                    "CiphertextBlob": "AQID",
                    "KeyId": "arn:aws:kms:us-east-1:111122223333:key/k",
                    "EncryptionAlgorithm": "SYMMETRIC_DEFAULT"
                }
                """);
        EncryptRequest req = (EncryptRequest) lastRequest.get();
        assertThat(req.plaintext()).containsExactly(9, 8, 7);
        assertThat(req.encryptionContext()).containsExactly(Map.entry("a", "b"), Map.entry("c", "d"));
    }

    @Test
    void queryAndTextOutput() throws Exception {
        var r = cli().run("kms", "encrypt", "--key-id", "k", "--plaintext", "AQID",
                "--query", "CiphertextBlob", "--output", "text");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("AQID\n");
        var t = cli().run("--output", "text", "kms", "encrypt", "--key-id", "k", "--plaintext", "AQID");
        assertThat(t.out()).isEqualTo("AQID\tSYMMETRIC_DEFAULT\tarn:aws:kms:us-east-1:111122223333:key/k\n");
    }

    @Test
    void noCommandIsAUsageError() throws Exception {
        var r = cli().run();
        assertThat(r.exitCode()).isEqualTo(252);
        assertThat(r.err()).contains("Missing command");
        var kms = cli().run("kms");
        assertThat(kms.exitCode()).isEqualTo(252);
        assertThat(kms.err()).contains("Missing operation");
    }

    @Test
    void kmsErrorIsOneLineAndExit254() throws Exception {
        var r = cli().run("kms", "describe-key", "--key-id", "nope");
        assertThat(r.exitCode()).isEqualTo(254);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("An error occurred (NotFoundException) when calling the DescribeKey operation: "
                + "Key 'arn:aws:kms:us-east-1:111122223333:key/nope' does not exist\n");
    }
}
