package io.keywarden.kms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key policies, identity policies and {@code --principal} through the CLI on a real store. */
class CliPolicyTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String USER = "arn:aws:iam::111122223333:user/app";

    @TempDir
    Path dir;
    Path conf;
    CliHarness cli;

    @BeforeEach
    void init() {
        cli = CliHarness.embedded(dir);
        assertThat(cli.run("init", dir.resolve("home").toString()).exitCode()).isZero();
        conf = dir.resolve("home/keywarden.conf");
    }

    CliHarness.Result kms(String... args) {
        List<String> all = new ArrayList<>(List.of("--config", conf.toString(), "kms"));
        all.addAll(Arrays.asList(args));
        return cli.run(all.toArray(String[]::new));
    }

    JsonNode ok(CliHarness.Result r) throws Exception {
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        return r.out().isBlank() ? null : JSON.readTree(r.out());
    }

    @Test
    void putGetListKeyPoliciesAndActAsAnotherPrincipal() throws Exception {
        String keyId = ok(kms("create-key")).path("KeyMetadata").path("KeyId").asText();
        JsonNode got = ok(kms("get-key-policy", "--key-id", keyId, "--policy-name", "default"));
        assertThat(got.path("PolicyName").asText()).isEqualTo("default");
        assertThat(got.path("Policy").asText()).contains("arn:aws:iam::111122223333:root");
        assertThat(ok(kms("list-key-policies", "--key-id", keyId)).path("PolicyNames").toString())
                .isEqualTo("[\"default\"]");

        var denied = kms("describe-key", "--key-id", keyId, "--principal", USER);
        assertThat(denied.exitCode()).isEqualTo(KeywardenCli.EXIT_SERVICE);
        assertThat(denied.err()).contains("AccessDeniedException").contains("User: " + USER
                + " is not authorized to perform: kms:DescribeKey");

        Path policy = dir.resolve("policy.json");
        Files.writeString(policy, """
                {"Statement": [
                  {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"},
                  {"Effect": "Allow", "Principal": {"AWS": "%s"}, "Action": "kms:DescribeKey", "Resource": "*"}
                ]}""".formatted(USER));
        ok(kms("put-key-policy", "--key-id", keyId, "--policy", "file://" + policy));
        assertThat(ok(kms("describe-key", "--key-id", keyId, "--principal", USER)).path("KeyMetadata")
                .path("KeyId").asText()).isEqualTo(keyId);
        var malformed = kms("put-key-policy", "--key-id", keyId, "--policy", "{\"Statement\": 1}");
        assertThat(malformed.exitCode()).isEqualTo(KeywardenCli.EXIT_SERVICE);
        assertThat(malformed.err()).contains("MalformedPolicyDocumentException");
    }

    @Test
    void identityPoliciesThroughTheCli() throws Exception {
        String keyId = ok(kms("create-key")).path("KeyMetadata").path("KeyId").asText();
        ok(kms("put-identity-policy", "--principal-arn", USER, "--policy",
                "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"kms:DescribeKey\", \"Resource\": \"*\"}}"));
        assertThat(ok(kms("get-identity-policy", "--principal-arn", USER, "--principal", USER)).path("Policy").asText())
                .contains("kms:DescribeKey");
        ok(kms("describe-key", "--key-id", keyId, "--principal", USER));
        var bad = kms("describe-key", "--key-id", keyId, "--principal", "alice");
        assertThat(bad.exitCode()).isEqualTo(KeywardenCli.EXIT_SERVICE);
        assertThat(bad.err()).contains("ValidationException");
    }
}
