package io.keywarden.kms.engine;

import static io.keywarden.kms.engine.RotationTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.keywarden.kms.api.AlgorithmSpec;
import io.keywarden.kms.api.DecryptRequest;
import io.keywarden.kms.api.DeleteImportedKeyMaterialRequest;
import io.keywarden.kms.api.DescribeKeyRequest;
import io.keywarden.kms.api.EncryptRequest;
import io.keywarden.kms.api.ExpirationModelType;
import io.keywarden.kms.api.GenerateMacRequest;
import io.keywarden.kms.api.GetParametersForImportRequest;
import io.keywarden.kms.api.GetParametersForImportResponse;
import io.keywarden.kms.api.GetPublicKeyRequest;
import io.keywarden.kms.api.ImportKeyMaterialRequest;
import io.keywarden.kms.api.ImportKeyMaterialResponse;
import io.keywarden.kms.api.KeyMetadata;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyState;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.MacAlgorithmSpec;
import io.keywarden.kms.api.OriginType;
import io.keywarden.kms.api.SignRequest;
import io.keywarden.kms.api.SigningAlgorithmSpec;
import io.keywarden.kms.api.VerifyMacRequest;
import io.keywarden.kms.api.VerifyRequest;
import io.keywarden.kms.api.WrappingKeySpec;
import io.keywarden.kms.api.errors.ExpiredImportTokenException;
import io.keywarden.kms.api.errors.IncorrectKeyMaterialException;
import io.keywarden.kms.api.errors.InvalidImportTokenException;
import io.keywarden.kms.api.errors.KMSInvalidStateException;
import io.keywarden.kms.api.errors.KmsException;
import io.keywarden.kms.api.errors.KmsUnsupportedOperationException;
import io.keywarden.kms.api.errors.ValidationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bring your own key: import parameters, wrapping, importing each kind of material, expiry and re-import. */
class ImportTest {

    static final byte[] MESSAGE = "imported key material".getBytes(StandardCharsets.UTF_8);

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

    /** Each wrapping algorithm once, each wrapping key spec at least once (RSA_4096 once: it is slow). */
    @ParameterizedTest(name = "{0} under an {1} wrapping key")
    @CsvSource({
        "RSAES_OAEP_SHA_1,         RSA_2048",
        "RSAES_OAEP_SHA_256,       RSA_3072",
        "RSA_AES_KEY_WRAP_SHA_1,   RSA_2048",
        "RSA_AES_KEY_WRAP_SHA_256, RSA_4096",
    })
    void importSymmetricMaterialWithEachWrappingAlgorithm(AlgorithmSpec algorithm, WrappingKeySpec spec) {
        String key = externalKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        Instant now = f.clock.instant();

        GetParametersForImportResponse r = f.kms.getParametersForImport(GetParametersForImportRequest.builder()
                .keyId(key).wrappingAlgorithm(algorithm).wrappingKeySpec(spec).build());

        assertThat(r.keyId()).isEqualTo(arn(key));
        assertThat(r.parametersValidTo()).isEqualTo(now.plus(Duration.ofHours(24)));
        assertThat(r.importToken()).isNotEmpty();
        RSAPublicKey wrappingKey = (RSAPublicKey) ImportHelper.rsaPublicKey(r.publicKey());
        assertThat(wrappingKey.getModulus().bitLength()).isEqualTo(Integer.parseInt(spec.name().substring(4)));

        byte[] material = ImportHelper.randomBytes(32);
        ImportHelper.Params params = new ImportHelper.Params(key, algorithm, r.importToken(), wrappingKey);
        ImportKeyMaterialResponse imported = f.kms.importKeyMaterial(params.request(material));

        assertThat(imported.keyId()).isEqualTo(arn(key));
        KeyMetadata m = describe(key);
        assertThat(m.keyState()).isEqualTo(KeyState.Enabled);
        assertThat(m.origin()).isEqualTo(OriginType.EXTERNAL);
        assertThat(m.expirationModel()).isEqualTo(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE);
        assertThat(m.currentKeyMaterialId()).isEqualTo(imported.keyMaterialId());
        byte[] blob = encrypt(key);
        assertThat(decrypt(blob)).isEqualTo(MESSAGE);
    }

    @Test
    void rsaesPkcs1V15IsRefused() {
        String key = externalKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        assertError(() -> f.kms.getParametersForImport(GetParametersForImportRequest.builder().keyId(key)
                .wrappingAlgorithm(AlgorithmSpec.RSAES_PKCS1_V1_5).wrappingKeySpec(WrappingKeySpec.RSA_2048).build()),
                ValidationException.class, "ValidationException");
    }

    @Test
    void importedHmacMaterialIsTheMacKey() throws Exception {
        String key = externalKey(KeySpec.HMAC_256, KeyUsage.GENERATE_VERIFY_MAC);
        byte[] material = ImportHelper.randomBytes(32);
        ImportHelper.importMaterial(f.kms, key, material);

        byte[] mac = f.kms.generateMac(GenerateMacRequest.builder().keyId(key).message(MESSAGE)
                .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256).build()).mac();

        Mac jdk = Mac.getInstance("HmacSHA256");
        jdk.init(new SecretKeySpec(material, "HmacSHA256"));
        assertThat(mac).isEqualTo(jdk.doFinal(MESSAGE));
        assertThat(f.kms.verifyMac(VerifyMacRequest.builder().keyId(key).message(MESSAGE).mac(mac)
                .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256).build()).macValid()).isTrue();
    }

    @Test
    void importedRsaKeySignsAndTheJdkVerifies() throws Exception {
        KeyPair pair = ImportHelper.rsaKeyPair(2048);
        String key = externalKey(KeySpec.RSA_2048, KeyUsage.SIGN_VERIFY);
        ImportHelper.importMaterial(f.kms, key, pair.getPrivate().getEncoded());

        PublicKey published = ImportHelper.publicKey("RSA",
                f.kms.getPublicKey(new GetPublicKeyRequest(key, null)).publicKey());
        assertThat(published.getEncoded()).isEqualTo(pair.getPublic().getEncoded());

        byte[] signature = sign(key, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256);
        Signature jdk = Signature.getInstance("SHA256withRSA");
        jdk.initVerify(published);
        jdk.update(MESSAGE);
        assertThat(jdk.verify(signature)).isTrue();
        assertThat(verify(key, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256, signature)).isTrue();
    }

    @Test
    void importedEccKeySignsAndTheJdkVerifies() throws Exception {
        KeyPair pair = ImportHelper.ecKeyPair("secp256r1");
        String key = externalKey(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY);
        ImportHelper.importMaterial(f.kms, key, pair.getPrivate().getEncoded());

        PublicKey published = ImportHelper.publicKey("EC",
                f.kms.getPublicKey(new GetPublicKeyRequest(key, null)).publicKey());
        assertThat(published).isEqualTo(pair.getPublic());

        byte[] signature = sign(key, SigningAlgorithmSpec.ECDSA_SHA_256);
        Signature jdk = Signature.getInstance("SHA256withECDSA");
        jdk.initVerify(published);
        jdk.update(MESSAGE);
        assertThat(jdk.verify(signature)).isTrue();
        assertThat(verify(key, SigningAlgorithmSpec.ECDSA_SHA_256, signature)).isTrue();
    }

    @Test
    void materialOfTheWrongSizeOrCurveIsIncorrectKeyMaterial() {
        // A refused import leaves the token usable, so one token per key serves every attempt.
        ImportHelper.Params symmetric = ImportHelper.params(f.kms,
                externalKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT));
        incorrectMaterial(symmetric, ImportHelper.randomBytes(16));
        incorrectMaterial(symmetric, ImportHelper.randomBytes(33));

        ImportHelper.Params hmac = ImportHelper.params(f.kms, externalKey(KeySpec.HMAC_256, KeyUsage.GENERATE_VERIFY_MAC));
        incorrectMaterial(hmac, ImportHelper.randomBytes(8));

        ImportHelper.Params ecc = ImportHelper.params(f.kms, externalKey(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY));
        incorrectMaterial(ecc, ImportHelper.ecKeyPair("secp384r1").getPrivate().getEncoded());
        incorrectMaterial(ecc, ImportHelper.randomBytes(32));

        // The right material is still accepted with the same token.
        f.kms.importKeyMaterial(symmetric.request(ImportHelper.randomBytes(32)));
        assertThat(describe(symmetric.keyId()).keyState()).isEqualTo(KeyState.Enabled);
    }

    @Test
    void aTokenForAnotherKeyIsInvalid() {
        String key = externalKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        String other = externalKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        ImportHelper.Params forOther = ImportHelper.params(f.kms, other);
        byte[] wrapped = forOther.wrap(ImportHelper.randomBytes(32));

        KmsException e = assertError(() -> f.kms.importKeyMaterial(ImportKeyMaterialRequest.builder().keyId(key)
                .importToken(forOther.token()).encryptedKeyMaterial(wrapped).build()),
                InvalidImportTokenException.class, "InvalidImportTokenException");
        assertThat(e.getMessage()).contains(arn(key));
        assertThat(describe(key).keyState()).isEqualTo(KeyState.PendingImport);
        assertThat(describe(other).keyState()).isEqualTo(KeyState.PendingImport);
    }

    @Test
    void aTokenUsedAfter24HoursHasExpired() {
        String key = externalKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        ImportHelper.Params params = ImportHelper.params(f.kms, key);
        ImportKeyMaterialRequest request = params.request(ImportHelper.randomBytes(32));

        // One second before 24 h the token is still good: wrong material gets past it (and uses nothing up).
        f.clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertError(() -> f.kms.importKeyMaterial(params.request(ImportHelper.randomBytes(16))),
                IncorrectKeyMaterialException.class, "IncorrectKeyMaterialException");

        f.clock.advance(Duration.ofSeconds(2));
        assertError(() -> f.kms.importKeyMaterial(request), ExpiredImportTokenException.class,
                "ExpiredImportTokenException");
        assertThat(describe(key).keyState()).isEqualTo(KeyState.PendingImport);
    }

    @Test
    void importOperationsOnAnAwsKmsKeyAreUnsupported() {
        String key = f.symmetricKey();
        KmsException e = assertError(() -> f.kms.importKeyMaterial(ImportKeyMaterialRequest.builder().keyId(key)
                .importToken(ImportHelper.randomBytes(32)).encryptedKeyMaterial(ImportHelper.randomBytes(256)).build()),
                KmsUnsupportedOperationException.class, "UnsupportedOperationException");
        assertThat(e.getMessage()).contains(arn(key));
        assertError(() -> ImportHelper.params(f.kms, key), KmsUnsupportedOperationException.class,
                "UnsupportedOperationException");
        assertError(() -> f.kms.deleteImportedKeyMaterial(new DeleteImportedKeyMaterialRequest(key)),
                KmsUnsupportedOperationException.class, "UnsupportedOperationException");
        assertThat(decrypt(encrypt(key))).isEqualTo(MESSAGE);
    }

    @Test
    void materialThatExpiresLeavesTheKeyPendingImport() {
        String key = externalKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        byte[] material = ImportHelper.randomBytes(32);
        Instant validTo = f.clock.instant().plus(Duration.ofDays(10));
        ImportHelper.Params params = ImportHelper.params(f.kms, key);
        f.kms.importKeyMaterial(ImportKeyMaterialRequest.builder().keyId(key).importToken(params.token())
                .encryptedKeyMaterial(params.wrap(material)).validTo(validTo)
                .expirationModel(ExpirationModelType.KEY_MATERIAL_EXPIRES).build());

        KeyMetadata m = describe(key);
        assertThat(m.keyState()).isEqualTo(KeyState.Enabled);
        assertThat(m.expirationModel()).isEqualTo(ExpirationModelType.KEY_MATERIAL_EXPIRES);
        assertThat(m.validTo()).isEqualTo(validTo);
        byte[] blob = encrypt(key);

        f.clock.advance(Duration.ofDays(10).minusSeconds(1));
        assertThat(decrypt(blob)).isEqualTo(MESSAGE);

        f.clock.advance(Duration.ofSeconds(1));
        assertThat(describe(key).keyState()).isEqualTo(KeyState.PendingImport);
        assertThat(describe(key).validTo()).isNull();
        KmsException e = assertError(() -> encrypt(key), KMSInvalidStateException.class, "KMSInvalidStateException");
        assertThat(e.getMessage()).contains(arn(key)).contains("pending import");
        assertError(() -> decrypt(blob), KMSInvalidStateException.class, "KMSInvalidStateException");

        // The same material, imported again, brings the old ciphertext back.
        ImportHelper.importMaterial(f.kms, key, material);
        assertThat(decrypt(blob)).isEqualTo(MESSAGE);
    }

    @Test
    void deleteImportedKeyMaterialAndImportTheSameMaterialAgain() {
        String key = externalKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        byte[] material = ImportHelper.randomBytes(32);
        String materialId = ImportHelper.importMaterial(f.kms, key, material).keyMaterialId();
        byte[] blob = encrypt(key);

        f.kms.deleteImportedKeyMaterial(new DeleteImportedKeyMaterialRequest(key));

        KeyMetadata m = describe(key);
        assertThat(m.keyState()).isEqualTo(KeyState.PendingImport);
        assertThat(m.enabled()).isFalse();
        assertError(() -> decrypt(blob), KMSInvalidStateException.class, "KMSInvalidStateException");

        // Different material is refused, and the key stays PendingImport.
        ImportHelper.Params params = ImportHelper.params(f.kms, key);
        assertError(() -> f.kms.importKeyMaterial(params.request(ImportHelper.randomBytes(32))),
                IncorrectKeyMaterialException.class, "IncorrectKeyMaterialException");
        assertThat(describe(key).keyState()).isEqualTo(KeyState.PendingImport);

        // The same material makes the old ciphertexts decrypt again.
        ImportKeyMaterialResponse again = f.kms.importKeyMaterial(params.request(material));
        assertThat(describe(key).keyState()).isEqualTo(KeyState.Enabled);
        assertThat(decrypt(blob)).isEqualTo(MESSAGE);
        assertThat(f.kms.decrypt(DecryptRequest.builder().ciphertextBlob(blob).build()).keyMaterialId())
                .isEqualTo(again.keyMaterialId());
        assertThat(again.keyMaterialId()).isNotNull();
        assertThat(materialId).isNotNull();
    }

    @Test
    void reimportingDifferentMaterialIntoAnEnabledKeyIsRefused() {
        String key = externalKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        byte[] material = ImportHelper.randomBytes(32);
        ImportHelper.importMaterial(f.kms, key, material);
        byte[] blob = encrypt(key);

        ImportHelper.Params params = ImportHelper.params(f.kms, key);
        assertError(() -> f.kms.importKeyMaterial(params.request(ImportHelper.randomBytes(32))),
                IncorrectKeyMaterialException.class, "IncorrectKeyMaterialException");
        f.kms.importKeyMaterial(params.request(material)); // the same material is accepted again
        assertThat(decrypt(blob)).isEqualTo(MESSAGE);
    }

    // ---------------------------------------------------------------------------------------------

    private void incorrectMaterial(ImportHelper.Params params, byte[] material) {
        assertError(() -> f.kms.importKeyMaterial(params.request(material)), IncorrectKeyMaterialException.class,
                "IncorrectKeyMaterialException");
        assertThat(describe(params.keyId()).keyState()).isEqualTo(KeyState.PendingImport);
    }

    private String externalKey(KeySpec spec, KeyUsage usage) {
        KeyMetadata m = f.createExternal(spec, usage);
        assertThat(m.keyState()).isEqualTo(KeyState.PendingImport);
        return m.keyId();
    }

    private byte[] sign(String key, SigningAlgorithmSpec algorithm) {
        return f.kms.sign(SignRequest.builder().keyId(key).message(MESSAGE).signingAlgorithm(algorithm).build())
                .signature();
    }

    private boolean verify(String key, SigningAlgorithmSpec algorithm, byte[] signature) {
        return f.kms.verify(VerifyRequest.builder().keyId(key).message(MESSAGE).signature(signature)
                .signingAlgorithm(algorithm).build()).signatureValid();
    }

    private KeyMetadata describe(String key) {
        return f.kms.describeKey(new DescribeKeyRequest(key, null)).keyMetadata();
    }

    private byte[] encrypt(String key) {
        return f.kms.encrypt(EncryptRequest.builder().keyId(key).plaintext(MESSAGE).build()).ciphertextBlob();
    }

    private byte[] decrypt(byte[] blob) {
        return f.kms.decrypt(DecryptRequest.builder().ciphertextBlob(blob).build()).plaintext();
    }

    private static String arn(String key) {
        return EngineFixture.SETTINGS.keyArn(key);
    }
}
