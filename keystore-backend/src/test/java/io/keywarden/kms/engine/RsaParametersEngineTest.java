package io.keywarden.kms.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.DecryptRequest;
import io.keywarden.kms.api.EncryptRequest;
import io.keywarden.kms.api.EncryptionAlgorithmSpec;
import io.keywarden.kms.api.GetPublicKeyRequest;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.MessageType;
import io.keywarden.kms.api.RsaParameters;
import io.keywarden.kms.api.SignRequest;
import io.keywarden.kms.api.SignResponse;
import io.keywarden.kms.api.SigningAlgorithmSpec;
import io.keywarden.kms.api.VerifyRequest;
import io.keywarden.kms.api.errors.InvalidCiphertextException;
import io.keywarden.kms.api.errors.InvalidKeyUsageException;
import io.keywarden.kms.api.errors.KMSInvalidSignatureException;
import io.keywarden.kms.api.errors.ValidationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The KeywardenRsaParameters member of Sign, Verify, Encrypt and Decrypt through the engine. */
class RsaParametersEngineTest {

    private static final byte[] MESSAGE = "keywarden rsa parameters".getBytes(StandardCharsets.UTF_8);

    private EngineFixture f;

    @BeforeEach
    void open(@TempDir Path dir) {
        f = new EngineFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private PublicKey publicKey(String keyId) throws Exception {
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(
                f.kms.getPublicKey(GetPublicKeyRequest.builder().keyId(keyId).build()).publicKey()));
    }

    @Test
    void signAndVerifyWithPssParameters() throws Exception {
        String keyId = f.create(KeySpec.RSA_2048, KeyUsage.SIGN_VERIFY).keyId();
        RsaParameters p = RsaParameters.pss("SHA-1", "SHA-1", 0);
        SignResponse signed = f.kms.sign(SignRequest.builder().keyId(keyId).message(MESSAGE)
                .signingAlgorithm(SigningAlgorithmSpec.RSASSA_PSS_SHA_256).keywardenRsaParameters(p).build());
        // The response names the request's algorithm (what policies and AWS clients see).
        assertThat(signed.signingAlgorithm()).isEqualTo(SigningAlgorithmSpec.RSASSA_PSS_SHA_256);
        // PSS with salt 0 is deterministic: the JDK's signature is the same bytes.
        Signature jdk = Signature.getInstance("RSASSA-PSS");
        jdk.setParameter(new PSSParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1, 0, 1));
        jdk.initVerify(publicKey(keyId));
        jdk.update(MESSAGE);
        assertThat(jdk.verify(signed.signature())).isTrue();

        assertThat(f.kms.verify(VerifyRequest.builder().keyId(keyId).message(MESSAGE).signature(signed.signature())
                .signingAlgorithm(SigningAlgorithmSpec.RSASSA_PSS_SHA_512).keywardenRsaParameters(p).build())
                .signatureValid()).isTrue();
        assertThatThrownBy(() -> f.kms.verify(VerifyRequest.builder().keyId(keyId).message(MESSAGE)
                .signature(signed.signature()).signingAlgorithm(SigningAlgorithmSpec.RSASSA_PSS_SHA_256).build()))
                .isInstanceOf(KMSInvalidSignatureException.class);
    }

    @Test
    void pkcs1WithSha224() throws Exception {
        String keyId = f.create(KeySpec.RSA_3072, KeyUsage.SIGN_VERIFY).keyId();
        byte[] sig = f.kms.sign(SignRequest.builder().keyId(keyId).message(MESSAGE)
                .signingAlgorithm(SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_384)
                .keywardenRsaParameters(RsaParameters.pkcs1("SHA-224")).build()).signature();
        Signature jdk = Signature.getInstance("SHA224withRSA");
        jdk.initVerify(publicKey(keyId));
        jdk.update(MESSAGE);
        assertThat(jdk.verify(sig)).isTrue();
    }

    @Test
    void oaepWithLabelAndOtherHashes() throws Exception {
        String keyId = f.create(KeySpec.RSA_2048, KeyUsage.ENCRYPT_DECRYPT).keyId();
        byte[] label = {1, 2, 3};
        OAEPParameterSpec spec = new OAEPParameterSpec("SHA-512", "MGF1", MGF1ParameterSpec.SHA1,
                new PSource.PSpecified(label));
        Cipher jdk = Cipher.getInstance("RSA/ECB/OAEPPadding");
        jdk.init(Cipher.ENCRYPT_MODE, publicKey(keyId), spec);
        byte[] ct = jdk.doFinal(MESSAGE);
        RsaParameters p = RsaParameters.oaep("SHA-512", "SHA-1", label);
        assertThat(f.kms.decrypt(DecryptRequest.builder().keyId(keyId).ciphertextBlob(ct)
                .encryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256).keywardenRsaParameters(p).build())
                .plaintext()).isEqualTo(MESSAGE);
        assertThatThrownBy(() -> f.kms.decrypt(DecryptRequest.builder().keyId(keyId).ciphertextBlob(ct)
                .encryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256).build()))
                .isInstanceOf(InvalidCiphertextException.class);

        byte[] ours = f.kms.encrypt(EncryptRequest.builder().keyId(keyId).plaintext(MESSAGE)
                .encryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1).keywardenRsaParameters(p).build())
                .ciphertextBlob();
        assertThat(f.kms.decrypt(DecryptRequest.builder().keyId(keyId).ciphertextBlob(ours)
                .encryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1).keywardenRsaParameters(p).build())
                .plaintext()).isEqualTo(MESSAGE);
    }

    @Test
    void parametersOutsideAnRsaFamilyOrKeyAreRefused() {
        String ecc = f.create(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY).keyId();
        String symmetric = f.symmetricKey();
        assertThatThrownBy(() -> f.kms.sign(SignRequest.builder().keyId(ecc).message(MESSAGE)
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)
                .keywardenRsaParameters(RsaParameters.pkcs1("SHA-1")).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("RSASSA_PSS_*");
        assertThatThrownBy(() -> f.kms.sign(SignRequest.builder().keyId(ecc).message(MESSAGE)
                .signingAlgorithm(SigningAlgorithmSpec.RSASSA_PSS_SHA_256)
                .keywardenRsaParameters(RsaParameters.pss("SHA-1", "SHA-1", 20)).build()))
                .isInstanceOf(InvalidKeyUsageException.class);
        assertThatThrownBy(() -> f.kms.encrypt(EncryptRequest.builder().keyId(symmetric).plaintext(MESSAGE)
                .keywardenRsaParameters(RsaParameters.oaep("SHA-1", null, null)).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("RSAES_OAEP_*");
        assertThatThrownBy(() -> f.kms.decrypt(DecryptRequest.builder().ciphertextBlob(new byte[32])
                .keywardenRsaParameters(RsaParameters.oaep("SHA-1", null, new byte[] {1})).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("SYMMETRIC_DEFAULT");
        assertThatThrownBy(() -> f.kms.verify(VerifyRequest.builder().keyId(ecc).message(MESSAGE)
                .signature(new byte[64]).signingAlgorithm(SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256)
                .messageType(MessageType.RAW).keywardenRsaParameters(RsaParameters.pkcs1("SHA-3")).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("'SHA-3' is not a supported hash");
    }
}
