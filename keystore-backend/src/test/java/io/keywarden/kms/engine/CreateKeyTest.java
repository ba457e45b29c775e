package io.keywarden.kms.engine;

import static io.keywarden.kms.api.EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1;
import static io.keywarden.kms.api.EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256;
import static io.keywarden.kms.api.KeyUsage.ENCRYPT_DECRYPT;
import static io.keywarden.kms.api.KeyUsage.GENERATE_VERIFY_MAC;
import static io.keywarden.kms.api.KeyUsage.KEY_AGREEMENT;
import static io.keywarden.kms.api.KeyUsage.SIGN_VERIFY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.CreateKeyRequest;
import io.keywarden.kms.api.DescribeKeyRequest;
import io.keywarden.kms.api.EncryptionAlgorithmSpec;
import io.keywarden.kms.api.KeyAgreementAlgorithmSpec;
import io.keywarden.kms.api.KeyMetadata;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyState;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.ListKeysRequest;
import io.keywarden.kms.api.ListResourceTagsRequest;
import io.keywarden.kms.api.MacAlgorithmSpec;
import io.keywarden.kms.api.OriginType;
import io.keywarden.kms.api.SigningAlgorithmSpec;
import io.keywarden.kms.api.Tag;
import io.keywarden.kms.api.errors.KmsUnsupportedOperationException;
import io.keywarden.kms.api.errors.LimitExceededException;
import io.keywarden.kms.api.errors.TagException;
import io.keywarden.kms.api.errors.ValidationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** CreateKey: every valid key spec × usage, the KeyMetadata it returns, and what it refuses. */
class CreateKeyTest {

    private static final List<SigningAlgorithmSpec> RSA_SIGNING = List.of(
            SigningAlgorithmSpec.RSASSA_PSS_SHA_256, SigningAlgorithmSpec.RSASSA_PSS_SHA_384,
            SigningAlgorithmSpec.RSASSA_PSS_SHA_512, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256,
            SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_384, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_512);

    @TempDir
    Path dir;
    EngineFixture f;

    @BeforeEach
    void open() {
        f = new EngineFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    /** What AWS lists for a key: encryption, signing, key agreement and MAC algorithms (null when none). */
    record Expected(List<EncryptionAlgorithmSpec> encryption, List<SigningAlgorithmSpec> signing,
            List<KeyAgreementAlgorithmSpec> agreement, List<MacAlgorithmSpec> mac) {

        static Expected encryption(EncryptionAlgorithmSpec... a) {
            return new Expected(List.of(a), null, null, null);
        }

        static Expected signing(List<SigningAlgorithmSpec> a) {
            return new Expected(null, a, null, null);
        }

        static Expected signing(SigningAlgorithmSpec... a) {
            return signing(List.of(a));
        }

        static Expected ecdh() {
            return new Expected(null, null, List.of(KeyAgreementAlgorithmSpec.ECDH), null);
        }

        static Expected mac(MacAlgorithmSpec a) {
            return new Expected(null, null, null, List.of(a));
        }
    }

    static Stream<Arguments> validPairs() {
        return Stream.of(
                Arguments.of(KeySpec.SYMMETRIC_DEFAULT, ENCRYPT_DECRYPT, Expected.encryption(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT)),
                Arguments.of(KeySpec.HMAC_224, GENERATE_VERIFY_MAC, Expected.mac(MacAlgorithmSpec.HMAC_SHA_224)),
                Arguments.of(KeySpec.HMAC_256, GENERATE_VERIFY_MAC, Expected.mac(MacAlgorithmSpec.HMAC_SHA_256)),
                Arguments.of(KeySpec.HMAC_384, GENERATE_VERIFY_MAC, Expected.mac(MacAlgorithmSpec.HMAC_SHA_384)),
                Arguments.of(KeySpec.HMAC_512, GENERATE_VERIFY_MAC, Expected.mac(MacAlgorithmSpec.HMAC_SHA_512)),
                Arguments.of(KeySpec.RSA_2048, ENCRYPT_DECRYPT, Expected.encryption(RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256)),
                Arguments.of(KeySpec.RSA_3072, ENCRYPT_DECRYPT, Expected.encryption(RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256)),
                Arguments.of(KeySpec.RSA_4096, ENCRYPT_DECRYPT, Expected.encryption(RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256)),
                Arguments.of(KeySpec.RSA_2048, SIGN_VERIFY, Expected.signing(RSA_SIGNING)),
                Arguments.of(KeySpec.RSA_3072, SIGN_VERIFY, Expected.signing(RSA_SIGNING)),
                Arguments.of(KeySpec.RSA_4096, SIGN_VERIFY, Expected.signing(RSA_SIGNING)),
                Arguments.of(KeySpec.ECC_NIST_P256, SIGN_VERIFY, Expected.signing(SigningAlgorithmSpec.ECDSA_SHA_256)),
                Arguments.of(KeySpec.ECC_NIST_P384, SIGN_VERIFY, Expected.signing(SigningAlgorithmSpec.ECDSA_SHA_384)),
                Arguments.of(KeySpec.ECC_NIST_P521, SIGN_VERIFY, Expected.signing(SigningAlgorithmSpec.ECDSA_SHA_512)),
                Arguments.of(KeySpec.ECC_NIST_P256, KEY_AGREEMENT, Expected.ecdh()),
                Arguments.of(KeySpec.ECC_NIST_P384, KEY_AGREEMENT, Expected.ecdh()),
                Arguments.of(KeySpec.ECC_NIST_P521, KEY_AGREEMENT, Expected.ecdh()),
                Arguments.of(KeySpec.ECC_SECG_P256K1, SIGN_VERIFY, Expected.signing(SigningAlgorithmSpec.ECDSA_SHA_256)),
                Arguments.of(KeySpec.ECC_NIST_EDWARDS25519, SIGN_VERIFY,
                        Expected.signing(SigningAlgorithmSpec.ED25519_SHA_512, SigningAlgorithmSpec.ED25519_PH_SHA_512)),
                Arguments.of(KeySpec.ML_DSA_44, SIGN_VERIFY, Expected.signing(SigningAlgorithmSpec.ML_DSA_SHAKE_256)),
                Arguments.of(KeySpec.ML_DSA_65, SIGN_VERIFY, Expected.signing(SigningAlgorithmSpec.ML_DSA_SHAKE_256)),
                Arguments.of(KeySpec.ML_DSA_87, SIGN_VERIFY, Expected.signing(SigningAlgorithmSpec.ML_DSA_SHAKE_256)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("validPairs")
    void createsEveryValidSpecAndUsage(KeySpec spec, KeyUsage usage, Expected expected) {
        KeyMetadata m = f.kms.createKey(CreateKeyRequest.builder().keySpec(spec).keyUsage(usage)
                .description("a " + spec + " key").build()).keyMetadata();

        assertThat(m.keyId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(m.arn()).isEqualTo("arn:aws:kms:us-east-1:" + EngineFixture.ACCOUNT + ":key/" + m.keyId());
        assertThat(m.awsAccountId()).isEqualTo(EngineFixture.ACCOUNT);
        assertThat(m.creationDate()).isEqualTo(f.clock.instant());
        assertThat(m.keyState()).isEqualTo(KeyState.Enabled);
        assertThat(m.enabled()).isTrue();
        assertThat(m.description()).isEqualTo("a " + spec + " key");
        assertThat(m.keySpec()).isEqualTo(spec);
        assertThat(m.customerMasterKeySpec()).isEqualTo(spec);
        assertThat(m.keyUsage()).isEqualTo(usage);
        assertThat(m.origin()).isEqualTo(OriginType.AWS_KMS);
        assertThat(m.keyManager()).isEqualTo("CUSTOMER");
        assertThat(m.multiRegion()).isFalse();
        assertThat(m.deletionDate()).isNull();
        assertThat(m.pendingDeletionWindowInDays()).isNull();
        assertThat(m.validTo()).isNull();
        assertThat(m.expirationModel()).isNull();
        assertThat(m.currentKeyMaterialId()).matches("[0-9a-f]{64}");
        assertThat(m.encryptionAlgorithms()).isEqualTo(expected.encryption());
        assertThat(m.signingAlgorithms()).isEqualTo(expected.signing());
        assertThat(m.keyAgreementAlgorithms()).isEqualTo(expected.agreement());
        assertThat(m.macAlgorithms()).isEqualTo(expected.mac());

        assertThat(f.kms.describeKey(DescribeKeyRequest.builder().keyId(m.keyId()).build()).keyMetadata())
                .isEqualTo(m);
    }

    static Stream<Arguments> invalidPairs() {
        return Stream.of(
                Arguments.of(KeySpec.SYMMETRIC_DEFAULT, SIGN_VERIFY),
                Arguments.of(KeySpec.SYMMETRIC_DEFAULT, GENERATE_VERIFY_MAC),
                Arguments.of(KeySpec.SYMMETRIC_DEFAULT, KEY_AGREEMENT),
                Arguments.of(KeySpec.HMAC_256, ENCRYPT_DECRYPT),
                Arguments.of(KeySpec.HMAC_512, SIGN_VERIFY),
                Arguments.of(KeySpec.RSA_2048, GENERATE_VERIFY_MAC),
                Arguments.of(KeySpec.RSA_2048, KEY_AGREEMENT),
                Arguments.of(KeySpec.ECC_NIST_P256, ENCRYPT_DECRYPT),
                Arguments.of(KeySpec.ECC_NIST_P384, GENERATE_VERIFY_MAC),
                Arguments.of(KeySpec.ECC_SECG_P256K1, KEY_AGREEMENT),
                Arguments.of(KeySpec.ECC_SECG_P256K1, ENCRYPT_DECRYPT),
                Arguments.of(KeySpec.ECC_NIST_EDWARDS25519, KEY_AGREEMENT),
                Arguments.of(KeySpec.ECC_NIST_EDWARDS25519, ENCRYPT_DECRYPT),
                Arguments.of(KeySpec.ML_DSA_44, ENCRYPT_DECRYPT),
                Arguments.of(KeySpec.ML_DSA_65, KEY_AGREEMENT),
                Arguments.of(KeySpec.ML_DSA_87, GENERATE_VERIFY_MAC));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("invalidPairs")
    void refusesUsagesTheSpecDoesNotHave(KeySpec spec, KeyUsage usage) {
        assertThatThrownBy(() -> f.create(spec, usage)).isInstanceOf(ValidationException.class);
        assertThat(f.kms.listKeys(ListKeysRequest.builder().build()).keys()).isEmpty();
    }

    @Test
    void withoutSpecOrUsageTheKeyIsSymmetricEncryption() {
        KeyMetadata m = f.kms.createKey(CreateKeyRequest.builder().build()).keyMetadata();
        assertThat(m.keySpec()).isEqualTo(KeySpec.SYMMETRIC_DEFAULT);
        assertThat(m.keyUsage()).isEqualTo(ENCRYPT_DECRYPT);
        assertThat(m.origin()).isEqualTo(OriginType.AWS_KMS);
        assertThat(m.encryptionAlgorithms()).containsExactly(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT);
        // AWS answers an empty Description, not a missing one, for a key created without it.
        assertThat(m.description()).isEmpty();

        KeyMetadata rsa = f.kms.createKey(CreateKeyRequest.builder().keySpec(KeySpec.RSA_2048).build()).keyMetadata();
        assertThat(rsa.keyUsage()).isEqualTo(ENCRYPT_DECRYPT);
    }

    @Test
    void aSpecWithoutEncryptionNeedsAUsage() {
        assertThatThrownBy(() -> f.kms.createKey(CreateKeyRequest.builder().keySpec(KeySpec.ECC_NIST_P256).build()))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> f.kms.createKey(CreateKeyRequest.builder().keySpec(KeySpec.HMAC_256).build()))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> f.kms.createKey(CreateKeyRequest.builder().keyUsage(SIGN_VERIFY).build()))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void externalOriginWaitsForItsMaterial() {
        KeyMetadata m = f.createExternal(KeySpec.SYMMETRIC_DEFAULT, ENCRYPT_DECRYPT);
        assertThat(m.origin()).isEqualTo(OriginType.EXTERNAL);
        assertThat(m.keyState()).isEqualTo(KeyState.PendingImport);
        assertThat(m.enabled()).isFalse();
        assertThat(m.currentKeyMaterialId()).isNull();
        assertThat(m.keyManager()).isEqualTo("CUSTOMER");
    }

    @Test
    void descriptionIsAtMost8192Characters() {
        String longest = "d".repeat(8192);
        assertThat(f.kms.createKey(CreateKeyRequest.builder().description(longest).build()).keyMetadata().description())
                .isEqualTo(longest);
        assertThatThrownBy(() -> f.kms.createKey(CreateKeyRequest.builder().description(longest + "d").build()))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void tagsAreStoredWithTheKey() {
        List<Tag> tags = List.of(new Tag("env", "dev"), new Tag("k".repeat(128), "v".repeat(256)), new Tag("empty", ""));
        KeyMetadata m = f.kms.createKey(CreateKeyRequest.builder().tags(tags).build()).keyMetadata();
        assertThat(f.kms.listResourceTags(ListResourceTagsRequest.builder().keyId(m.keyId()).build()).tags())
                .containsExactlyInAnyOrderElementsOf(tags);
    }

    @Test
    void badTagsAreTagExceptions() {
        assertRefusedTags(List.of(new Tag("aws:owner", "x")));
        assertRefusedTags(List.of(new Tag("AWS:owner", "x")));
        assertRefusedTags(List.of(new Tag("", "x")));
        assertRefusedTags(List.of(new Tag("k".repeat(129), "x")));
        assertRefusedTags(List.of(new Tag("k", "v".repeat(257))));
        List<Tag> tooMany = new ArrayList<>();
        IntStream.range(0, 51).forEach(i -> tooMany.add(new Tag("t" + i, "v")));
        assertRefusedTags(tooMany);
        assertThat(f.kms.listKeys(ListKeysRequest.builder().build()).keys()).isEmpty();
    }

    private void assertRefusedTags(List<Tag> tags) {
        assertThatThrownBy(() -> f.kms.createKey(CreateKeyRequest.builder().tags(tags).build()))
                .isInstanceOf(TagException.class);
    }

    @Test
    void multiRegionKeysAreNotSupported() {
        assertThatThrownBy(() -> f.kms.createKey(CreateKeyRequest.builder().multiRegion(true).build()))
                .isInstanceOf(KmsUnsupportedOperationException.class)
                .satisfies(e -> assertThat(((KmsUnsupportedOperationException) e).errorType())
                        .isEqualTo("UnsupportedOperationException"));
        assertThat(f.kms.createKey(CreateKeyRequest.builder().multiRegion(false).build()).keyMetadata().multiRegion())
                .isFalse();
    }

    @Test
    void theKeysPerAccountQuotaIsEnforced(@TempDir Path other) {
        EngineSettings small = new EngineSettings(EngineFixture.SETTINGS.principal(), EngineFixture.ACCOUNT,
                "us-east-1", 3, 50);
        try (EngineFixture limited = new EngineFixture(other, small)) {
            limited.symmetricKey();
            limited.create(KeySpec.HMAC_256, GENERATE_VERIFY_MAC);
            limited.createExternal(KeySpec.SYMMETRIC_DEFAULT, ENCRYPT_DECRYPT);
            assertThatThrownBy(limited::symmetricKey).isInstanceOf(LimitExceededException.class);
            assertThatThrownBy(() -> limited.create(KeySpec.ECC_NIST_P256, SIGN_VERIFY))
                    .isInstanceOf(LimitExceededException.class);
            assertThat(limited.kms.listKeys(ListKeysRequest.builder().build()).keys()).hasSize(3);
        }
    }
}
