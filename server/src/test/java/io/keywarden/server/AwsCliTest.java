package io.keywarden.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's AWS CLI ({@code /usr/bin/aws}, v2) against a TLS server whose self-signed certificate it
 * trusts through {@code AWS_CA_BUNDLE}: the commands of docs/server.md, and the output shapes AWS KMS
 * gives them. Fails, rather than skips, when the CLI is not installed.
 */
class AwsCliTest {

    private static final String STORE_PASSWORD = "cli-test-store-password";

    @TempDir
    static Path dir;
    static TestServer server;
    static AwsCli aws;

    @BeforeAll
    static void start() throws Exception {
        AwsCli.requireInstalled();
        Path keystore = dir.resolve("server.p12");
        TestCertificates.selfSigned(keystore, STORE_PASSWORD);
        Path pem = PemCertificates.export(keystore, STORE_PASSWORD, dir.resolve("server.pem"));
        Properties p = TestServer.serverProperties(false);
        p.setProperty("tls.keystore", "server.p12");
        p.setProperty("tls.keystorePassword", STORE_PASSWORD);
        server = TestServer.start(dir, p);
        assertThat(server.endpoint().getScheme()).isEqualTo("https");
        Path home = Files.createDirectory(dir.resolve("home"));
        aws = new AwsCli(server.endpoint(), home, pem, TestServer.ACCESS_KEY, TestServer.SECRET);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String newSymmetricKey(String description) {
        return aws.kms("create-key", "--description", description).json().path("KeyMetadata").path("KeyId").asText();
    }

    private static Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    private static void assertRecent(JsonNode timestamp) {
        // the CLI prints timestamps as ISO 8601 with an offset (its default cli_timestamp_format)
        OffsetDateTime t = OffsetDateTime.parse(timestamp.asText());
        assertThat(Duration.between(t.toInstant(), java.time.Instant.now()).abs()).isLessThan(Duration.ofMinutes(5));
    }

    @Test
    void createKeyPrintsAwsKeyMetadata() {
        JsonNode md = aws.kms("create-key", "--description", "from the cli", "--tags", "TagKey=env,TagValue=test")
                .json().path("KeyMetadata");
        assertThat(fieldNames(md)).contains("AWSAccountId", "KeyId", "Arn", "CreationDate", "Enabled", "Description",
                "KeyUsage", "KeyState", "Origin", "KeyManager", "CustomerMasterKeySpec", "KeySpec",
                "EncryptionAlgorithms", "MultiRegion");
        assertThat(md.path("AWSAccountId").asText()).isEqualTo("111122223333");
        assertThat(md.path("KeyId").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(md.path("Arn").asText()).isEqualTo("arn:aws:kms:us-east-1:111122223333:key/" + md.path("KeyId").asText());
        assertRecent(md.path("CreationDate"));
        assertThat(md.path("Enabled").isBoolean()).isTrue();
        assertThat(md.path("Enabled").asBoolean()).isTrue();
        assertThat(md.path("Description").asText()).isEqualTo("from the cli");
        assertThat(md.path("KeyUsage").asText()).isEqualTo("ENCRYPT_DECRYPT");
        assertThat(md.path("KeyState").asText()).isEqualTo("Enabled");
        assertThat(md.path("Origin").asText()).isEqualTo("AWS_KMS");
        assertThat(md.path("KeyManager").asText()).isEqualTo("CUSTOMER");
        assertThat(md.path("KeySpec").asText()).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(md.path("CustomerMasterKeySpec").asText()).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(md.path("EncryptionAlgorithms").toString()).isEqualTo("[\"SYMMETRIC_DEFAULT\"]");
        assertThat(md.path("MultiRegion").asBoolean(true)).isFalse();

        JsonNode described = aws.kms("describe-key", "--key-id", md.path("Arn").asText()).json().path("KeyMetadata");
        assertThat(described.path("KeyId").asText()).isEqualTo(md.path("KeyId").asText());
        assertThat(described.path("CreationDate").asText()).isEqualTo(md.path("CreationDate").asText());
        assertThat(aws.kms("list-resource-tags", "--key-id", md.path("KeyId").asText()).json().path("Tags").toString())
                .isEqualTo("[{\"TagKey\":\"env\",\"TagValue\":\"test\"}]");
    }

    @Test
    void aliasesAreCreatedAndListed() {
        String keyId = newSymmetricKey("aliased");
        assertThat(aws.kms("create-alias", "--alias-name", "alias/cli-listed", "--target-key-id", keyId).ok().stdout())
                .isEmpty();

        JsonNode aliases = aws.kms("list-aliases", "--key-id", keyId).json().path("Aliases");
        assertThat(aliases.size()).isEqualTo(1);
        JsonNode alias = aliases.get(0);
        assertThat(alias.path("AliasName").asText()).isEqualTo("alias/cli-listed");
        assertThat(alias.path("AliasArn").asText()).isEqualTo("arn:aws:kms:us-east-1:111122223333:alias/cli-listed");
        assertThat(alias.path("TargetKeyId").asText()).isEqualTo(keyId);
        assertRecent(alias.path("CreationDate"));

        // every alias, through the CLI's own pagination, with a JMESPath query
        String names = aws.kms("list-aliases", "--query", "Aliases[].AliasName", "--output", "text").text();
        assertThat(List.of(names.split("\\s+"))).contains("alias/cli-listed");
        assertThat(aws.kms("describe-key", "--key-id", "alias/cli-listed", "--query", "KeyMetadata.KeyId",
                "--output", "text").text()).isEqualTo(keyId);
    }

    @Test
    void encryptAndDecryptRoundTripThroughFiles() throws Exception {
        String keyId = newSymmetricKey("round trip");
        aws.kms("create-alias", "--alias-name", "alias/cli-round-trip", "--target-key-id", keyId).ok();
        byte[] plaintext = "attack at dawn \u0000\u00ff".getBytes(StandardCharsets.UTF_8);
        Path plain = write("plain.bin", plaintext);

        JsonNode encrypted = aws.kms("encrypt", "--key-id", "alias/cli-round-trip", "--plaintext", "fileb://" + plain,
                "--encryption-context", "purpose=cli-test").json();
        assertThat(fieldNames(encrypted)).containsExactlyInAnyOrder("CiphertextBlob", "KeyId", "EncryptionAlgorithm");
        assertThat(encrypted.path("KeyId").asText()).isEqualTo("arn:aws:kms:us-east-1:111122223333:key/" + keyId);
        assertThat(encrypted.path("EncryptionAlgorithm").asText()).isEqualTo("SYMMETRIC_DEFAULT");

        // the documented shell idiom: --query … --output text gives base64, decoded into a binary file
        String ciphertextB64 = aws.kms("encrypt", "--key-id", "alias/cli-round-trip", "--plaintext", "fileb://" + plain,
                "--encryption-context", "purpose=cli-test", "--query", "CiphertextBlob", "--output", "text").text();
        Path ciphertext = write("cipher.bin", Base64.getDecoder().decode(ciphertextB64));
        String decryptedB64 = aws.kms("decrypt", "--ciphertext-blob", "fileb://" + ciphertext,
                "--encryption-context", "purpose=cli-test", "--query", "Plaintext", "--output", "text").text();
        assertThat(Base64.getDecoder().decode(decryptedB64)).isEqualTo(plaintext);

        JsonNode decrypted = aws.kms("decrypt", "--ciphertext-blob", "fileb://" + ciphertext,
                "--encryption-context", "purpose=cli-test").json();
        assertThat(fieldNames(decrypted)).contains("KeyId", "Plaintext", "EncryptionAlgorithm");
        assertThat(decrypted.path("KeyId").asText()).endsWith(":key/" + keyId);

        AwsCli.Result wrongContext = aws.kms("decrypt", "--ciphertext-blob", "fileb://" + ciphertext,
                "--encryption-context", "purpose=other");
        assertThat(wrongContext.exitCode()).isEqualTo(254);
        assertThat(wrongContext.stderr()).contains(
                "An error occurred (InvalidCiphertextException) when calling the Decrypt operation");
    }

    @Test
    void generateDataKey() {
        String keyId = newSymmetricKey("data keys");
        JsonNode dataKey = aws.kms("generate-data-key", "--key-id", keyId, "--key-spec", "AES_256").json();
        assertThat(fieldNames(dataKey)).containsExactlyInAnyOrder("CiphertextBlob", "Plaintext", "KeyId");
        byte[] plaintextKey = Base64.getDecoder().decode(dataKey.path("Plaintext").asText());
        assertThat(plaintextKey).hasSize(32);
        assertThat(dataKey.path("KeyId").asText()).endsWith(":key/" + keyId);

        // the encrypted data key decrypts to the same plaintext key
        Path wrapped;
        try {
            wrapped = write("data-key.bin", Base64.getDecoder().decode(dataKey.path("CiphertextBlob").asText()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        String unwrapped = aws.kms("decrypt", "--ciphertext-blob", "fileb://" + wrapped, "--query", "Plaintext",
                "--output", "text").text();
        assertThat(Base64.getDecoder().decode(unwrapped)).isEqualTo(plaintextKey);

        JsonNode withoutPlaintext = aws.kms("generate-data-key-without-plaintext", "--key-id", keyId,
                "--number-of-bytes", "16").json();
        assertThat(fieldNames(withoutPlaintext)).containsExactlyInAnyOrder("CiphertextBlob", "KeyId");
    }

    @Test
    void keyRotation() {
        String keyId = newSymmetricKey("rotated");
        assertThat(aws.kms("get-key-rotation-status", "--key-id", keyId).json().path("KeyRotationEnabled").asBoolean(true))
                .isFalse();
        assertThat(aws.kms("enable-key-rotation", "--key-id", keyId).ok().stdout()).isEmpty();
        JsonNode status = aws.kms("get-key-rotation-status", "--key-id", keyId).json();
        assertThat(status.path("KeyRotationEnabled").isBoolean()).isTrue();
        assertThat(status.path("KeyRotationEnabled").asBoolean()).isTrue();
        aws.kms("disable-key-rotation", "--key-id", keyId).ok();
        assertThat(aws.kms("get-key-rotation-status", "--key-id", keyId, "--query", "KeyRotationEnabled",
                "--output", "text").text()).isEqualTo("False");
    }

    @Test
    void signAndVerify() throws Exception {
        JsonNode md = aws.kms("create-key", "--key-spec", "ECC_NIST_P256", "--key-usage", "SIGN_VERIFY").json()
                .path("KeyMetadata");
        assertThat(md.path("KeySpec").asText()).isEqualTo("ECC_NIST_P256");
        assertThat(md.path("SigningAlgorithms").toString()).isEqualTo("[\"ECDSA_SHA_256\"]");
        String keyId = md.path("KeyId").asText();
        Path message = write("message.txt", "signed by the cli".getBytes(StandardCharsets.UTF_8));

        JsonNode signed = aws.kms("sign", "--key-id", keyId, "--message", "fileb://" + message, "--message-type", "RAW",
                "--signing-algorithm", "ECDSA_SHA_256").json();
        assertThat(fieldNames(signed)).containsExactlyInAnyOrder("KeyId", "Signature", "SigningAlgorithm");
        assertThat(signed.path("SigningAlgorithm").asText()).isEqualTo("ECDSA_SHA_256");
        Path signature = write("signature.bin", Base64.getDecoder().decode(signed.path("Signature").asText()));

        JsonNode verified = aws.kms("verify", "--key-id", keyId, "--message", "fileb://" + message, "--message-type", "RAW",
                "--signing-algorithm", "ECDSA_SHA_256", "--signature", "fileb://" + signature).json();
        assertThat(fieldNames(verified)).containsExactlyInAnyOrder("KeyId", "SignatureValid", "SigningAlgorithm");
        assertThat(verified.path("SignatureValid").isBoolean()).isTrue();
        assertThat(verified.path("SignatureValid").asBoolean()).isTrue();

        Path other = write("other.txt", "not what was signed".getBytes(StandardCharsets.UTF_8));
        AwsCli.Result invalid = aws.kms("verify", "--key-id", keyId, "--message", "fileb://" + other, "--message-type", "RAW",
                "--signing-algorithm", "ECDSA_SHA_256", "--signature", "fileb://" + signature);
        assertThat(invalid.exitCode()).isEqualTo(254);
        assertThat(invalid.stderr()).contains("An error occurred (KMSInvalidSignatureException) when calling the Verify operation");

        JsonNode publicKey = aws.kms("get-public-key", "--key-id", keyId).json();
        assertThat(publicKey.path("KeySpec").asText()).isEqualTo("ECC_NIST_P256");
        assertThat(Base64.getDecoder().decode(publicKey.path("PublicKey").asText())).isNotEmpty();
    }

    @Test
    void scheduleKeyDeletion() {
        String keyId = newSymmetricKey("to delete");
        JsonNode scheduled = aws.kms("schedule-key-deletion", "--key-id", keyId, "--pending-window-in-days", "7").json();
        assertThat(scheduled.path("KeyId").asText()).isEqualTo("arn:aws:kms:us-east-1:111122223333:key/" + keyId);
        assertThat(scheduled.path("KeyState").asText()).isEqualTo("PendingDeletion");
        assertThat(scheduled.path("PendingWindowInDays").asInt()).isEqualTo(7);
        OffsetDateTime deletion = OffsetDateTime.parse(scheduled.path("DeletionDate").asText());
        assertThat(deletion.toInstant()).isAfter(java.time.Instant.now().plus(Duration.ofDays(6)));

        JsonNode md = aws.kms("describe-key", "--key-id", keyId).json().path("KeyMetadata");
        assertThat(md.path("KeyState").asText()).isEqualTo("PendingDeletion");
        assertThat(md.path("Enabled").asBoolean(true)).isFalse();
        assertThat(OffsetDateTime.parse(md.path("DeletionDate").asText()).toInstant()).isEqualTo(deletion.toInstant());

        AwsCli.Result refused = aws.kms("encrypt", "--key-id", keyId, "--plaintext", "aGVsbG8=");
        assertThat(refused.exitCode()).isEqualTo(254);
        assertThat(refused.stderr()).contains("An error occurred (KMSInvalidStateException) when calling the Encrypt operation");

        assertThat(aws.kms("cancel-key-deletion", "--key-id", keyId).json().path("KeyId").asText()).endsWith(keyId);
    }

    @Test
    void serviceErrorsExitWith254AndAwsMessageShape() {
        AwsCli.Result missing = aws.kms("describe-key", "--key-id", "alias/does-not-exist");
        assertThat(missing.exitCode()).isEqualTo(254);
        assertThat(missing.stdout()).isEmpty();
        assertThat(missing.stderr().strip()).isEqualTo("An error occurred (NotFoundException) when calling the DescribeKey "
                + "operation: Alias arn:aws:kms:us-east-1:111122223333:alias/does-not-exist is not found.");

        AwsCli.Result unknownKey = aws.kms("describe-key", "--key-id", "00000000-0000-0000-0000-000000000000");
        assertThat(unknownKey.exitCode()).isEqualTo(254);
        assertThat(unknownKey.stderr()).contains("An error occurred (NotFoundException) when calling the DescribeKey operation: ");
    }

    @Test
    void badCredentialsAreRefused() {
        AwsCli.Result wrongSecret = aws.withCredentials(TestServer.ACCESS_KEY, "not-the-secret-0123456789").kms("list-keys");
        assertThat(wrongSecret.exitCode()).isEqualTo(254);
        assertThat(wrongSecret.stderr()).contains("An error occurred (InvalidSignatureException) when calling the ListKeys operation");

        AwsCli.Result unknownKey = aws.withCredentials("AKIDUNKNOWNKEY00001", TestServer.SECRET).kms("list-keys");
        assertThat(unknownKey.exitCode()).isEqualTo(254);
        assertThat(unknownKey.stderr()).contains("An error occurred (UnrecognizedClientException) when calling the ListKeys operation");
    }

    @Test
    void anUnknownEnumValueIsTheServersValidationException() {
        // botocore does not check enum values; the server refuses it, naming the member, as AWS KMS does
        AwsCli.Result invalid = aws.kms("generate-data-key", "--key-id", "alias/whatever", "--key-spec", "AES_512");
        assertThat(invalid.exitCode()).isEqualTo(254);
        assertThat(invalid.stderr()).contains("An error occurred (ValidationException) when calling the GenerateDataKey operation")
                .contains("KeySpec").doesNotContain("AES_512");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
