package io.keywarden.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.CreateKeyRequest;
import io.keywarden.kms.api.DecryptRequest;
import io.keywarden.kms.api.DescribeKeyRequest;
import io.keywarden.kms.api.DisableKeyRequest;
import io.keywarden.kms.api.EncryptRequest;
import io.keywarden.kms.api.GenerateDataKeyRequest;
import io.keywarden.kms.api.DataKeySpec;
import io.keywarden.kms.api.KeyMetadata;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyState;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.ListKeysRequest;
import io.keywarden.kms.api.ScheduleKeyDeletionRequest;
import io.keywarden.kms.api.SignRequest;
import io.keywarden.kms.api.SigningAlgorithmSpec;
import io.keywarden.kms.api.MessageType;
import io.keywarden.kms.api.Tag;
import io.keywarden.kms.api.VerifyRequest;
import io.keywarden.kms.api.errors.AccessDeniedException;
import io.keywarden.kms.api.errors.DisabledException;
import io.keywarden.kms.api.errors.InvalidCiphertextException;
import io.keywarden.kms.api.errors.KMSInvalidSignatureException;
import io.keywarden.kms.api.errors.NotFoundException;
import io.keywarden.kms.api.spi.Backends;
import io.keywarden.kms.cli.CliContext;
import io.keywarden.kms.cli.KeywardenCli;
import io.keywarden.kms.config.KeywardenConfig;
import io.keywarden.provider.KeywardenProvider;
import io.keywarden.provider.KmsEncryptionSpec;
import io.keywarden.provider.KmsKeys;
import io.keywarden.remote.RemoteKmsBackend;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remote backend (backend=remote in keywarden.conf) against a test server: records and typed
 * errors round-trip, and the CLI and a provider Cipher work through it.
 */
class RemoteBackendTest {

    @TempDir
    static Path dir;
    static TestServer server;
    static Path clientConf;
    static KmsBackend remote;

    @BeforeAll
    static void start() throws Exception {
        Path serverDir = Files.createDirectories(dir.resolve("server"));
        server = TestServer.plaintext(serverDir);
        Path clientDir = Files.createDirectories(dir.resolve("client"));
        clientConf = clientDir.resolve("keywarden.conf");
        Files.writeString(clientConf, "backend=remote\n"
                + "remote.endpoint=" + server.endpoint() + "\n"
                + "remote.region=us-east-1\n"
                + "remote.accessKeyId=" + TestServer.ACCESS_KEY + "\n"
                + "remote.secretAccessKey=" + TestServer.SECRET + "\n"
                + "remote.timeoutSeconds=5\n");
        remote = Backends.open(KeywardenConfig.load(clientConf));
    }

    @AfterAll
    static void stop() {
        remote.close();
        server.close();
    }

    @Test
    void configOpensTheRemoteBackend() {
        assertThat(remote).isInstanceOf(RemoteKmsBackend.class);
    }

    @Test
    void recordsRoundTrip() {
        KeyMetadata created = remote.createKey(CreateKeyRequest.builder().description("remote")
                .tags(List.of(new Tag("team", "core"))).build()).keyMetadata();
        KeyMetadata direct = server.engine.describeKey(DescribeKeyRequest.builder().keyId(created.keyId()).build()).keyMetadata();
        KeyMetadata viaRemote = remote.describeKey(DescribeKeyRequest.builder().keyId(created.keyId()).build()).keyMetadata();
        assertThat(viaRemote).usingRecursiveComparison().isEqualTo(direct);

        Map<String, String> ctx = Map.of("purpose", "test");
        byte[] blob = remote.encrypt(EncryptRequest.builder().keyId(created.keyId())
                .plaintext("secret".getBytes(StandardCharsets.UTF_8)).encryptionContext(ctx).build()).ciphertextBlob();
        assertThat(remote.decrypt(DecryptRequest.builder().ciphertextBlob(blob).encryptionContext(ctx).build()).plaintext())
                .asString(StandardCharsets.UTF_8).isEqualTo("secret");
        assertThat(remote.generateDataKey(GenerateDataKeyRequest.builder().keyId(created.keyId())
                .keySpec(DataKeySpec.AES_256).build()).plaintext()).hasSize(32);
        var deletion = remote.scheduleKeyDeletion(ScheduleKeyDeletionRequest.builder().keyId(created.keyId())
                .pendingWindowInDays(7).build());
        assertThat(deletion.keyState()).isEqualTo(KeyState.PendingDeletion);
        assertThat(deletion.deletionDate()).isAfter(java.time.Instant.now());
        assertThat(remote.listKeys(ListKeysRequest.builder().limit(1).build()).keys()).hasSize(1);
    }

    @Test
    void signatures() {
        String key = remote.createKey(CreateKeyRequest.builder().keySpec(KeySpec.ECC_NIST_P256)
                .keyUsage(KeyUsage.SIGN_VERIFY).build()).keyMetadata().keyId();
        byte[] msg = "m".getBytes(StandardCharsets.UTF_8);
        byte[] sig = remote.sign(SignRequest.builder().keyId(key).message(msg).messageType(MessageType.RAW)
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256).build()).signature();
        assertThat(remote.verify(VerifyRequest.builder().keyId(key).message(msg).signature(sig)
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256).build()).signatureValid()).isTrue();
        assertThatThrownBy(() -> remote.verify(VerifyRequest.builder().keyId(key).message(new byte[] {1}).signature(sig)
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256).build()))
                .isInstanceOf(KMSInvalidSignatureException.class);
    }

    @Test
    void errorsAreTyped() {
        assertThatThrownBy(() -> remote.describeKey(DescribeKeyRequest.builder().keyId("alias/missing").build()))
                .isInstanceOf(NotFoundException.class);
        String key = remote.createKey(CreateKeyRequest.builder().build()).keyMetadata().keyId();
        byte[] blob = remote.encrypt(EncryptRequest.builder().keyId(key).plaintext(new byte[] {1}).build()).ciphertextBlob();
        assertThatThrownBy(() -> remote.decrypt(DecryptRequest.builder().ciphertextBlob(blob)
                .encryptionContext(Map.of("a", "b")).build())).isInstanceOf(InvalidCiphertextException.class);
        remote.disableKey(DisableKeyRequest.builder().keyId(key).build());
        assertThatThrownBy(() -> remote.encrypt(EncryptRequest.builder().keyId(key).plaintext(new byte[] {1}).build()))
                .isInstanceOf(DisabledException.class);
    }

    @Test
    void wrongCredentialsAreAccessDenied() throws Exception {
        Path conf = dir.resolve("wrong.conf");
        Files.writeString(conf, Files.readString(clientConf).replace(TestServer.SECRET, "a-wrong-secret-0123456789"));
        try (KmsBackend wrong = Backends.open(KeywardenConfig.load(conf))) {
            assertThatThrownBy(() -> wrong.listKeys(ListKeysRequest.builder().build()))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("InvalidSignatureException")
                    .hasMessageNotContaining("a-wrong-secret");
        }
    }

    @Test
    void cliThroughTheRemoteBackend() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = CliContext.system(Map.of(CliContext.CONFIG_ENV, clientConf.toString()));
        int code = KeywardenCli.run(context, new PrintWriter(out), new PrintWriter(err),
                "kms", "create-key", "--description", "from the cli", "--query", "KeyMetadata.KeyId", "--output", "text");
        assertThat(code).as(err.toString()).isZero();
        String keyId = out.toString().trim();
        assertThat(server.engine.describeKey(DescribeKeyRequest.builder().keyId(keyId).build()).keyMetadata().description())
                .isEqualTo("from the cli");
    }

    @Test
    void providerCipherThroughTheRemoteBackend() throws Exception {
        KeywardenProvider provider = (KeywardenProvider) new KeywardenProvider().configure(clientConf.toString());
        String keyId = remote.createKey(CreateKeyRequest.builder().build()).keyMetadata().keyId();
        Key key = KmsKeys.handle(provider.runtime(), keyId);
        KmsEncryptionSpec spec = KmsEncryptionSpec.builder().context(Map.of("app", "remote")).build();
        Cipher enc = Cipher.getInstance("AES/GCM/NoPadding", provider);
        enc.init(Cipher.ENCRYPT_MODE, key, spec);
        byte[] sealed = enc.doFinal("through the server".getBytes(StandardCharsets.UTF_8));
        Cipher dec = Cipher.getInstance("AES/GCM/NoPadding", provider);
        dec.init(Cipher.DECRYPT_MODE, key, spec);
        assertThat(new String(dec.doFinal(sealed), StandardCharsets.UTF_8)).isEqualTo("through the server");
        assertThat(server.server.metrics().scrape()).contains("operation=\"GenerateDataKey\"");
    }
}
