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

/** Grants through the CLI on a real store, with the AWS CLI's option names. */
class CliGrantTest {

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
    void createListUseRetireAndRevokeGrants() throws Exception {
        String keyId = ok(kms("create-key")).path("KeyMetadata").path("KeyId").asText();
        JsonNode created = ok(kms("create-grant", "--key-id", keyId, "--grantee-principal", USER,
                "--operations", "Encrypt", "Decrypt", "--retiring-principal", USER,
                "--constraints", "EncryptionContextSubset={dept=finance}", "--name", "app"));
        String grantId = created.path("GrantId").asText();
        String token = created.path("GrantToken").asText();
        assertThat(grantId).hasSize(64);
        assertThat(token).isNotBlank();

        JsonNode listed = ok(kms("list-grants", "--key-id", keyId));
        assertThat(listed.path("Grants").get(0).path("GrantId").asText()).isEqualTo(grantId);
        assertThat(listed.path("Grants").get(0).path("Operations").toString()).isEqualTo("[\"Decrypt\",\"Encrypt\"]");
        assertThat(listed.path("Grants").get(0).path("Constraints").toString()).contains("finance");
        assertThat(ok(kms("list-retirable-grants", "--retiring-principal", USER)).path("Grants")).hasSize(1);

        assertThat(kms("encrypt", "--key-id", keyId, "--plaintext", "aGVsbG8=", "--encryption-context",
                "dept=finance", "--grant-tokens", token, "--principal", USER).exitCode()).isZero();
        ok(kms("retire-grant", "--grant-token", token, "--principal", USER));
        assertThat(ok(kms("list-grants", "--key-id", keyId)).path("Grants")).isEmpty();

        String other = ok(kms("create-grant", "--key-id", keyId, "--grantee-principal", USER,
                "--operations", "DescribeKey")).path("GrantId").asText();
        ok(kms("revoke-grant", "--key-id", keyId, "--grant-id", other));
        var missing = kms("revoke-grant", "--key-id", keyId, "--grant-id", other);
        assertThat(missing.exitCode()).isEqualTo(KeywardenCli.EXIT_SERVICE);
        assertThat(missing.err()).contains("NotFoundException");
    }
}
