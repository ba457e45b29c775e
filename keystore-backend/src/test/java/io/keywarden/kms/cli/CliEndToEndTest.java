package io.keywarden.kms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keywarden.kms.api.KmsBackend;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI in-process against a real embedded store created by {@code keywarden init}. */
class CliEndToEndTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Path home;
    Path conf;
    CliHarness cli;

    @BeforeEach
    void init() {
        cli = CliHarness.embedded(dir);
        home = dir.resolve("home");
        var r = cli.run("init", home.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        conf = home.resolve("keywarden.conf");
        assertThat(r.out()).contains("Wrote " + conf);
    }

    CliHarness.Result kms(String... args) {
        List<String> all = new ArrayList<>(List.of("--config", conf.toString(), "kms"));
        all.addAll(Arrays.asList(args));
        return cli.run(all.toArray(String[]::new));
    }

    JsonNode ok(CliHarness.Result r) throws Exception {
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        return JSON.readTree(r.out());
    }

    String createKey(String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("create-key"));
        args.addAll(Arrays.asList(options));
        return ok(kms(args.toArray(String[]::new))).path("KeyMetadata").path("KeyId").asText();
    }

    @Test
    void initWritesEverySettingAndRefusesToOverwrite() throws Exception {
        String text = Files.readString(conf);
        for (String setting : List.of("store=", "principal=", "region=", "rootKey.file=", "rootKey.passphraseEnv=",
                "quota.keysPerAccount=", "quota.aliasesPerKey=", "quota.grantsPerKey=")) {
            assertThat(text).contains("\n" + setting);
        }
        assertThat(home.resolve("store")).isDirectory();
        assertThat(home.resolve("store/root.key")).isRegularFile();

        var again = cli.run("init", home.toString());
        assertThat(again.exitCode()).isEqualTo(255);
        assertThat(again.err()).contains("exists already");
        assertThat(Files.readString(conf)).isEqualTo(text);
    }

    @Test
    void describeKeyHasTheAwsCliShape() throws Exception {
        String keyId = createKey("--description", "test key", "--tags", "TagKey=team,TagValue=core");
        var id = kms("describe-key", "--key-id", keyId, "--query", "KeyMetadata.KeyId", "--output", "text");
        assertThat(id.out()).isEqualTo(keyId + "\n");
        var absent = kms("describe-key", "--key-id", keyId, "--query", "KeyMetadata.NoSuchMember");
        assertThat(absent.out()).isEqualTo("null\n");
        var r = kms("describe-key", "--key-id", keyId);
        JsonNode md = ok(r).get("KeyMetadata");
        Set<String> names = new TreeSet<>();
        md.fieldNames().forEachRemaining(names::add);
        assertThat(names).contains("AWSAccountId", "KeyId", "Arn", "CreationDate", "Enabled", "Description",
                "KeyUsage", "KeyState", "Origin", "KeyManager", "CustomerMasterKeySpec", "KeySpec",
                "EncryptionAlgorithms", "MultiRegion");
        assertThat(names).doesNotContain("DeletionDate", "ValidTo", "SigningAlgorithms", "awsAccountId");
        assertThat(md.get("AWSAccountId").asText()).isEqualTo("111122223333");
        assertThat(md.get("Arn").asText()).isEqualTo("arn:aws:kms:us-east-1:111122223333:key/" + keyId);
        assertThat(md.get("KeySpec").asText()).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(md.get("Enabled").asBoolean()).isTrue();
        assertThat(md.get("CreationDate").asText())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00");
        assertThat(r.out()).startsWith("{\n    \"KeyMetadata\": {\n        \"AWSAccountId\": \"111122223333\",\n");
        assertThat(r.out()).contains("\"EncryptionAlgorithms\": [\n            \"SYMMETRIC_DEFAULT\"\n        ]");

        JsonNode tags = ok(kms("list-resource-tags", "--key-id", keyId));
        assertThat(tags.get("Tags").get(0).get("TagKey").asText()).isEqualTo("team");
        assertThat(tags.get("Tags").get(0).get("TagValue").asText()).isEqualTo("core");
    }

    @Test
    void encryptAFileAndDecryptItBack() throws Exception {
        String keyId = createKey();
        byte[] secret = new byte[300];
        new Random(7).nextBytes(secret);
        Path plain = Files.write(dir.resolve("secret.bin"), secret);

        var enc = kms("encrypt", "--key-id", keyId, "--plaintext", "fileb://" + plain,
                "--encryption-context", "purpose=test,app=cli", "--query", "CiphertextBlob", "--output", "text");
        assertThat(enc.err()).isEmpty();
        assertThat(enc.exitCode()).isZero();
        assertThat(enc.out()).endsWith("\n").doesNotContain("\"").doesNotContain("{");
        Path ct = Files.write(dir.resolve("secret.enc"), Base64.getDecoder().decode(enc.out().strip()));

        JsonNode dec = ok(kms("decrypt", "--ciphertext-blob", "fileb://" + ct,
                "--encryption-context", "{\"app\":\"cli\",\"purpose\":\"test\"}"));
        assertThat(Base64.getDecoder().decode(dec.get("Plaintext").asText())).isEqualTo(secret);
        assertThat(dec.get("KeyId").asText()).endsWith(keyId);
        assertThat(dec.get("EncryptionAlgorithm").asText()).isEqualTo("SYMMETRIC_DEFAULT");

        var wrongContext = kms("decrypt", "--ciphertext-blob", "fileb://" + ct, "--encryption-context", "app=other");
        assertThat(wrongContext.exitCode()).isEqualTo(254);
        assertThat(wrongContext.err()).startsWith(
                "An error occurred (InvalidCiphertextException) when calling the Decrypt operation");
    }

    @Test
    void rotateOnDemandAndStillDecryptTheOldCiphertext() throws Exception {
        String keyId = createKey();
        String ct = ok(kms("encrypt", "--key-id", keyId, "--plaintext", "aGVsbG8=")).get("CiphertextBlob").asText();
        assertThat(ok(kms("rotate-key-on-demand", "--key-id", keyId)).get("KeyId").asText()).endsWith(keyId);
        JsonNode dec = ok(kms("decrypt", "--ciphertext-blob", ct));
        assertThat(dec.get("Plaintext").asText()).isEqualTo("aGVsbG8=");
        JsonNode rotations = ok(kms("list-key-rotations", "--key-id", keyId));
        assertThat(rotations.get("Rotations")).hasSize(1);
        assertThat(rotations.get("Rotations").get(0).get("RotationType").asText()).isEqualTo("ON_DEMAND");
    }

    @Test
    void signAndVerifyWithAnRsaKey() throws Exception {
        String keyId = createKey("--key-spec", "RSA_2048", "--key-usage", "SIGN_VERIFY");
        Path doc = Files.writeString(dir.resolve("doc.txt"), "the document");
        var sig = kms("sign", "--key-id", keyId, "--message", "fileb://" + doc,
                "--signing-algorithm", "RSASSA_PSS_SHA_256", "--query", "Signature", "--output", "text");
        assertThat(sig.exitCode()).isZero();
        Path sigFile = Files.write(dir.resolve("doc.sig"), Base64.getDecoder().decode(sig.out().strip()));

        JsonNode v = ok(kms("verify", "--key-id", keyId, "--message", "fileb://" + doc,
                "--signature", "fileb://" + sigFile, "--signing-algorithm", "RSASSA_PSS_SHA_256"));
        assertThat(v.get("SignatureValid").asBoolean()).isTrue();
        assertThat(v.get("SigningAlgorithm").asText()).isEqualTo("RSASSA_PSS_SHA_256");

        Path other = Files.writeString(dir.resolve("other.txt"), "another document");
        var bad = kms("verify", "--key-id", keyId, "--message", "fileb://" + other,
                "--signature", "fileb://" + sigFile, "--signing-algorithm", "RSASSA_PSS_SHA_256");
        assertThat(bad.exitCode()).isEqualTo(254);
        assertThat(bad.err()).startsWith(
                "An error occurred (KMSInvalidSignatureException) when calling the Verify operation");

        JsonNode pub = ok(kms("get-public-key", "--key-id", keyId));
        assertThat(pub.get("KeySpec").asText()).isEqualTo("RSA_2048");
        assertThat(pub.get("PublicKey").asText()).isNotEmpty();
    }

    @Test
    void aliases() throws Exception {
        String keyId = createKey();
        var created = kms("create-alias", "--alias-name", "alias/app", "--target-key-id", keyId);
        assertThat(created.exitCode()).isZero();
        assertThat(created.out()).isEmpty();

        JsonNode list = ok(kms("list-aliases", "--key-id", keyId));
        assertThat(list.get("Aliases")).hasSize(1);
        JsonNode alias = list.get("Aliases").get(0);
        assertThat(alias.get("AliasName").asText()).isEqualTo("alias/app");
        assertThat(alias.get("AliasArn").asText()).isEqualTo("arn:aws:kms:us-east-1:111122223333:alias/app");
        assertThat(alias.get("TargetKeyId").asText()).isEqualTo(keyId);

        JsonNode enc = ok(kms("encrypt", "--key-id", "alias/app", "--plaintext", "AQID"));
        assertThat(enc.get("KeyId").asText()).endsWith(keyId);
        var text = kms("list-aliases", "--key-id", keyId, "--output", "text");
        // the AWS CLI's text format: the top-level scalars (Truncated), then one line per alias
        assertThat(text.out()).startsWith("False\nALIASES\tarn:aws:kms:us-east-1:111122223333:alias/app\talias/app\t");
    }

    @Test
    void notFoundIsReportedLikeTheAwsCli() {
        var r = kms("describe-key", "--key-id", "1234abcd-12ab-34cd-56ef-1234567890ab");
        assertThat(r.exitCode()).isEqualTo(254);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("An error occurred (NotFoundException) when calling the DescribeKey operation: ");
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).doesNotContain("\tat ");
    }

    @Test
    void usageErrorsExit252() throws Exception {
        var missing = kms("encrypt", "--key-id", "alias/x");
        assertThat(missing.exitCode()).isEqualTo(252);
        assertThat(missing.err()).contains("Missing required option: '--plaintext=BLOB'");

        var unknown = kms("describe-key", "--key-id", "k", "--no-such-option");
        assertThat(unknown.exitCode()).isEqualTo(252);
        assertThat(unknown.err()).contains("Unknown option: '--no-such-option'");

        var badEnum = kms("create-key", "--key-spec", "RSA_1024");
        assertThat(badEnum.exitCode()).isEqualTo(252);

        var noFile = kms("encrypt", "--key-id", "k", "--plaintext", "fileb://" + dir.resolve("missing"));
        assertThat(noFile.exitCode()).isEqualTo(252);
        assertThat(noFile.err()).contains("Unable to load paramfile");

        var badBase64 = kms("encrypt", "--key-id", "k", "--plaintext", "not base64!");
        assertThat(badBase64.exitCode()).isEqualTo(252);
        assertThat(badBase64.err()).contains("Invalid base64").doesNotContain("not base64!");
    }

    @Test
    void configIsFoundInTheEnvironmentThenTheWorkingDirectory() throws Exception {
        var viaEnv = new CliHarness(dir, Map.of(CliContext.CONFIG_ENV, conf.toString()), BackendOpener::openBackend)
                .run("kms", "list-keys");
        assertThat(ok(viaEnv).has("Keys")).isTrue();

        var viaCwd = CliHarness.embedded(home).run("kms", "list-keys");
        assertThat(ok(viaCwd).has("Keys")).isTrue();

        var none = CliHarness.embedded(dir).run("kms", "list-keys");
        assertThat(none.exitCode()).isEqualTo(253);
        assertThat(none.err()).contains("no configuration found").contains("--config FILE")
                .contains(CliContext.CONFIG_ENV);
    }

    @Test
    void backupAndRestoreTheStore() throws Exception {
        String kept = createKey();
        Path backup = dir.resolve("backup.db");
        var b = cli.run("--config", conf.toString(), "store", "backup", "--to", backup.toString());
        assertThat(b.err()).isEmpty();
        assertThat(b.exitCode()).isZero();
        assertThat(backup).isRegularFile();

        String later = createKey();
        var r = cli.run("--config", conf.toString(), "store", "restore", "--from", backup.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Verified the backup").contains("replaced the store");

        String keys = ok(kms("list-keys")).get("Keys").toString();
        assertThat(keys).contains(kept).doesNotContain(later);

        var again = cli.run("--config", conf.toString(), "store", "backup", "--to", backup.toString());
        assertThat(again.exitCode()).isEqualTo(255);
    }

    @Test
    void everyBackendOperationHasACommandWithHelp() {
        CommandLine root = KeywardenCli.commandLine(new CliContext(Map.of(), dir, c -> {
            throw new AssertionError("--help must not open the backend");
        }), new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(new java.io.StringWriter()));
        Set<String> operations = root.getSubcommands().get("kms").getSubcommands().keySet();

        Set<String> expected = Arrays.stream(KmsBackend.class.getDeclaredMethods())
                .map(Method::getName)
                .filter(n -> !n.equals("close"))
                // A MAC session is an object in the caller's process (docs/engine.md, "MAC sessions"):
                // nothing a command line could hold on to.
                .filter(n -> !n.equals("openMacSession") && !n.equals("offersMacSessions"))
                .map(n -> n.replaceAll("([A-Z])", "-$1").toLowerCase())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(new TreeSet<>(operations)).isEqualTo(expected);

        for (String op : operations) {
            var r = cli.run("kms", op, "--help");
            assertThat(r.exitCode()).as(op).isZero();
            assertThat(r.out()).as(op).startsWith("Usage: keywarden kms " + op).contains("--help");
        }
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"kms", "--help"},
                new String[] {"init", "--help"}, new String[] {"store", "--help"},
                new String[] {"store", "backup", "--help"}, new String[] {"store", "restore", "--help"})) {
            var r = cli.run(args);
            assertThat(r.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(r.out()).startsWith("Usage: keywarden");
        }
        var version = cli.run("--version");
        assertThat(version.out()).startsWith("keywarden ").doesNotContain("unknown");
    }
}
