package io.keywarden.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.encryptionsdk.AwsCrypto;
import com.amazonaws.encryptionsdk.CommitmentPolicy;
import com.amazonaws.encryptionsdk.CryptoAlgorithm;
import com.amazonaws.encryptionsdk.CryptoInputStream;
import com.amazonaws.encryptionsdk.CryptoOutputStream;
import com.amazonaws.encryptionsdk.CryptoResult;
import com.amazonaws.encryptionsdk.ParsedCiphertext;
import com.amazonaws.encryptionsdk.exception.BadCiphertextException;
import com.amazonaws.encryptionsdk.model.ContentType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.cryptography.materialproviders.IKeyring;
import software.amazon.cryptography.materialproviders.MaterialProviders;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.cryptography.materialproviders.model.AwsCryptographicMaterialProvidersException;
import software.amazon.cryptography.materialproviders.model.CollectionOfErrors;
import software.amazon.cryptography.materialproviders.model.CreateAwsKmsKeyringInput;
import software.amazon.cryptography.materialproviders.model.CreateAwsKmsMultiKeyringInput;
import software.amazon.cryptography.materialproviders.model.MaterialProvidersConfig;
import software.amazon.cryptography.materialproviders.model.OpaqueError;

/**
 * The AWS Encryption SDK for Java 3.x with AWS KMS keyrings (the Material Providers Library) whose
 * SDK v2 {@code KmsClient} points at the server: encryption context, several frames, streams, a
 * multi-keyring, and the ESDK's own errors for the wrong key, a disabled key and tampering.
 */
class EncryptionSdkTest {

    private static final Map<String, String> CONTEXT = Map.of("tenant", "acme", "purpose", "esdk-test");

    @TempDir
    static Path dir;
    static TestServer server;
    static KmsClient kms;
    static MaterialProviders materialProviders;
    static AwsCrypto crypto;

    @BeforeAll
    static void start() {
        server = TestServer.plaintext(dir);
        kms = server.client();
        materialProviders = MaterialProviders.builder()
                .MaterialProvidersConfig(MaterialProvidersConfig.builder().build()).build();
        crypto = AwsCrypto.builder().withCommitmentPolicy(CommitmentPolicy.RequireEncryptRequireDecrypt).build();
    }

    @AfterAll
    static void stop() {
        try {
            // the keyrings really went through the server
            assertThat(servedCount("GenerateDataKey")).isPositive();
            assertThat(servedCount("Decrypt")).isPositive();
            assertThat(servedCount("Encrypt")).isPositive();
        } finally {
            kms.close();
            server.close();
        }
    }

    private static long servedCount(String operation) {
        Matcher m = Pattern.compile("keywarden_requests_total\\{operation=\"" + operation + "\",outcome=\"ok\"} (\\d+)")
                .matcher(server.server.metrics().scrape());
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static String newKeyArn() {
        return kms.createKey(r -> r.description("esdk")).keyMetadata().arn();
    }

    private static IKeyring keyring(String keyArn) {
        return materialProviders.CreateAwsKmsKeyring(CreateAwsKmsKeyringInput.builder()
                .kmsKeyId(keyArn).kmsClient(kms).build());
    }

    /** The KMS SDK exception a Material Providers error carries (as its cause or as an opaque object). */
    private static Throwable kmsError(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof KmsException) {
                return t;
            }
            if (t instanceof OpaqueError opaque && opaque.obj() instanceof KmsException kms) {
                return kms;
            }
        }
        return error;
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    @Test
    void encryptAndDecryptWithEncryptionContext() {
        String keyArn = newKeyArn();
        IKeyring keyring = keyring(keyArn);
        byte[] plaintext = "the Encryption SDK through Keywarden".getBytes(StandardCharsets.UTF_8);

        CryptoResult<byte[], ?> encrypted = crypto.encryptData(keyring, plaintext, CONTEXT);
        ParsedCiphertext parsed = new ParsedCiphertext(encrypted.getResult());
        assertThat(parsed.getCryptoAlgoId()).isEqualTo(CryptoAlgorithm.ALG_AES_256_GCM_HKDF_SHA512_COMMIT_KEY_ECDSA_P384);
        assertThat(parsed.getEncryptionContextMap()).containsAllEntriesOf(CONTEXT);
        assertThat(parsed.getEncryptedKeyBlobs()).singleElement().satisfies(edk -> {
            assertThat(edk.getProviderId()).isEqualTo("aws-kms");
            assertThat(new String(edk.getProviderInformation(), StandardCharsets.UTF_8)).isEqualTo(keyArn);
        });

        CryptoResult<byte[], ?> decrypted = crypto.decryptData(keyring, encrypted.getResult(), CONTEXT);
        assertThat(decrypted.getResult()).isEqualTo(plaintext);
        assertThat(decrypted.getEncryptionContext()).containsAllEntriesOf(CONTEXT)
                .containsKey("aws-crypto-public-key");

        // the ESDK checks the context the caller expects against the message's
        assertThatThrownBy(() -> crypto.decryptData(keyring, encrypted.getResult(), Map.of("tenant", "other")))
                .isInstanceOf(AwsCryptographicMaterialProvidersException.class)
                .hasMessage("Encryption context does not match reproduced encryption context.");
    }

    @Test
    void aMessageOfSeveralFrames() {
        IKeyring keyring = keyring(newKeyArn());
        AwsCrypto smallFrames = crypto.toBuilder().withEncryptionFrameSize(1024).build();
        byte[] plaintext = randomBytes(5000);

        byte[] message = smallFrames.encryptData(keyring, plaintext, CONTEXT).getResult();
        ParsedCiphertext parsed = new ParsedCiphertext(message);
        assertThat(parsed.getContentType()).isEqualTo(ContentType.FRAME);
        assertThat(parsed.getFrameLength()).isEqualTo(1024);
        assertThat(FrameCounter.frames(message, parsed)).isEqualTo(5);

        assertThat(crypto.decryptData(keyring, message, CONTEXT).getResult()).isEqualTo(plaintext);
    }

    @Test
    void streamsEncryptAndDecrypt() throws Exception {
        IKeyring keyring = keyring(newKeyArn());
        byte[] plaintext = randomBytes(200_000);

        ByteArrayOutputStream ciphertext = new ByteArrayOutputStream();
        try (CryptoOutputStream<?> out = crypto.createEncryptingStream(keyring, ciphertext, CONTEXT)) {
            for (int i = 0; i < plaintext.length; i += 7000) {
                out.write(plaintext, i, Math.min(7000, plaintext.length - i));
            }
        }
        byte[] message = ciphertext.toByteArray();
        assertThat(FrameCounter.frames(message, new ParsedCiphertext(message)))
                .isEqualTo((plaintext.length + AwsCrypto.getDefaultFrameSize() - 1) / AwsCrypto.getDefaultFrameSize());

        try (CryptoInputStream<?> in = crypto.createDecryptingStream(keyring, new ByteArrayInputStream(message), CONTEXT)) {
            assertThat(in.readAllBytes()).isEqualTo(plaintext);
        }
    }

    @Test
    void aMultiKeyringEncryptsUnderTwoKeysAndEitherDecrypts() {
        String generator = newKeyArn();
        String second = newKeyArn();
        IKeyring both = materialProviders.CreateAwsKmsMultiKeyring(CreateAwsKmsMultiKeyringInput.builder()
                .generator(generator).kmsKeyIds(List.of(second)).clientSupplier(input -> kms).build());
        byte[] plaintext = "two keys".getBytes(StandardCharsets.UTF_8);

        byte[] message = crypto.encryptData(both, plaintext, CONTEXT).getResult();
        assertThat(new ParsedCiphertext(message).getEncryptedKeyBlobs())
                .extracting(edk -> new String(edk.getProviderInformation(), StandardCharsets.UTF_8))
                .containsExactly(generator, second);

        assertThat(crypto.decryptData(keyring(generator), message, CONTEXT).getResult()).isEqualTo(plaintext);
        assertThat(crypto.decryptData(keyring(second), message, CONTEXT).getResult()).isEqualTo(plaintext);
    }

    @Test
    void aKeyringForAnotherKeyCannotDecrypt() {
        byte[] message = crypto.encryptData(keyring(newKeyArn()), randomBytes(100), CONTEXT).getResult();
        IKeyring other = keyring(newKeyArn());

        // the keyring finds no encrypted data key of its own in the message, so never asks KMS
        assertThatThrownBy(() -> crypto.decryptData(other, message, CONTEXT))
                .isInstanceOf(AwsCryptographicMaterialProvidersException.class)
                .hasMessageContaining("Unable to decrypt data key");
    }

    @Test
    void aDisabledKeyCannotDecrypt() {
        String keyArn = newKeyArn();
        IKeyring keyring = keyring(keyArn);
        byte[] message = crypto.encryptData(keyring, randomBytes(100), CONTEXT).getResult();
        kms.disableKey(r -> r.keyId(keyArn));

        // the keyring asked the server, which refused with KMS's DisabledException
        assertThatThrownBy(() -> crypto.decryptData(keyring, message, CONTEXT))
                .isInstanceOfSatisfying(CollectionOfErrors.class, errors -> {
                    assertThat(errors.getMessage()).startsWith("No Configured KMS Key was able to decrypt the Data Key.");
                    assertThat(errors.list()).anySatisfy(e -> assertThat(kmsError(e)).isInstanceOf(DisabledException.class));
                });
        assertThatThrownBy(() -> crypto.encryptData(keyring, randomBytes(10), CONTEXT))
                .satisfies(e -> assertThat(kmsError(e)).isInstanceOf(DisabledException.class));

        kms.enableKey(r -> r.keyId(keyArn));
        assertThat(crypto.decryptData(keyring, message, CONTEXT).getResult()).hasSize(100);
    }

    @Test
    void aKeyPendingDeletionCannotDecrypt() {
        String keyArn = newKeyArn();
        IKeyring keyring = keyring(keyArn);
        byte[] message = crypto.encryptData(keyring, randomBytes(100), CONTEXT).getResult();
        kms.scheduleKeyDeletion(r -> r.keyId(keyArn).pendingWindowInDays(7));

        assertThatThrownBy(() -> crypto.decryptData(keyring, message, CONTEXT))
                .isInstanceOfSatisfying(CollectionOfErrors.class, errors -> assertThat(errors.list())
                        .anySatisfy(e -> assertThat(kmsError(e)).isInstanceOf(KmsInvalidStateException.class)));
    }

    @Test
    void aTamperedMessageIsRefused() {
        IKeyring keyring = keyring(newKeyArn());
        byte[] message = crypto.encryptData(keyring, randomBytes(3000), CONTEXT).getResult();
        message[message.length - 200] ^= 1;

        assertThatThrownBy(() -> crypto.decryptData(keyring, message, CONTEXT)).isInstanceOf(BadCiphertextException.class);
    }
}
