package io.keywarden.kms.crypto;

import static io.keywarden.kms.crypto.TestKeys.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.AlgorithmSpec;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.WrappingKeySpec;
import io.keywarden.kms.api.errors.InvalidCiphertextException;
import io.keywarden.kms.api.errors.ValidationException;
import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.RFC5649WrapEngine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ImportWrappingTest {

    private static KeyPair rsa2048;
    private static KeyPair other2048;

    @BeforeAll
    static void keys() {
        rsa2048 = ImportWrapping.newWrappingKeyPair(WrappingKeySpec.RSA_2048);
        other2048 = ImportWrapping.newWrappingKeyPair(WrappingKeySpec.RSA_2048);
    }

    @Test
    void wrappingKeysHaveTheRequestedSize() {
        assertThat(((RSAPublicKey) rsa2048.getPublic()).getModulus().bitLength()).isEqualTo(2048);
        KeyPair k3072 = ImportWrapping.newWrappingKeyPair(WrappingKeySpec.RSA_3072);
        assertThat(((RSAPublicKey) k3072.getPublic()).getModulus().bitLength()).isEqualTo(3072);
        assertThatThrownBy(() -> ImportWrapping.newWrappingKeyPair(null)).isInstanceOf(ValidationException.class);
    }

    @ParameterizedTest
    @EnumSource(names = {"RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256", "RSA_AES_KEY_WRAP_SHA_1", "RSA_AES_KEY_WRAP_SHA_256"})
    void roundTripsSymmetricMaterial(AlgorithmSpec alg) {
        byte[] material = bytes(32);
        byte[] wrapped = ImportWrapping.wrap(alg, rsa2048.getPublic(), material);
        assertThat(ImportWrapping.unwrap(alg, rsa2048.getPrivate(), wrapped)).isEqualTo(material);
        assertThatThrownBy(() -> ImportWrapping.unwrap(alg, other2048.getPrivate(), wrapped))
                .isInstanceOf(InvalidCiphertextException.class);
        for (int i : new int[] {0, 100, wrapped.length - 1}) {
            byte[] t = wrapped.clone();
            t[i] ^= 4;
            assertThatThrownBy(() -> ImportWrapping.unwrap(alg, rsa2048.getPrivate(), t))
                    .isInstanceOf(InvalidCiphertextException.class);
        }
        assertThatThrownBy(() -> ImportWrapping.unwrap(alg, rsa2048.getPrivate(), Arrays.copyOf(wrapped, wrapped.length - 1)))
                .isInstanceOf(InvalidCiphertextException.class);
        assertThatThrownBy(() -> ImportWrapping.unwrap(alg, rsa2048.getPrivate(), null)).isInstanceOf(ValidationException.class);
    }

    @ParameterizedTest
    @EnumSource(names = {"RSA_AES_KEY_WRAP_SHA_1", "RSA_AES_KEY_WRAP_SHA_256"})
    void keyWrapCarriesPrivateKeysThatImport(AlgorithmSpec alg) {
        for (KeySpec spec : new KeySpec[] {KeySpec.RSA_2048, KeySpec.ECC_NIST_P384, KeySpec.ML_DSA_44}) {
            GeneratedMaterial m = TestKeys.material(spec);
            byte[] wrapped = ImportWrapping.wrap(alg, rsa2048.getPublic(), m.secret());
            byte[] unwrapped = ImportWrapping.unwrap(alg, rsa2048.getPrivate(), wrapped);
            assertThat(KeySpecStrategies.forSpec(spec).importMaterial(spec, unwrapped).publicKey()).isEqualTo(m.publicKey());
        }
    }

    @Test
    void keyWrapFormatIsOaepKeyThenRfc5649() throws Exception {
        // Built independently: JDK RSA-OAEP(SHA-256) of an AES key, then BC's RFC 5649 engine.
        byte[] aesKey = bytes(32);
        Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
        rsa.init(Cipher.ENCRYPT_MODE, rsa2048.getPublic(),
                new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
        byte[] head = rsa.doFinal(aesKey);
        RFC5649WrapEngine kwp = new RFC5649WrapEngine(AESEngine.newInstance());
        kwp.init(true, new KeyParameter(aesKey));
        byte[] material = bytes(45);
        byte[] tail = kwp.wrap(material, 0, material.length);
        byte[] blob = ByteBuffer.allocate(head.length + tail.length).put(head).put(tail).array();
        assertThat(head).hasSize(256);
        assertThat(ImportWrapping.unwrap(AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_256, rsa2048.getPrivate(), blob)).isEqualTo(material);
        assertThatThrownBy(() -> ImportWrapping.unwrap(AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_1, rsa2048.getPrivate(), blob))
                .isInstanceOf(InvalidCiphertextException.class);
    }

    @Test
    void oaepWrapsMadeByTheJdkUnwrap() throws Exception {
        Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
        rsa.init(Cipher.ENCRYPT_MODE, rsa2048.getPublic());
        byte[] wrapped = rsa.doFinal(bytes(32));
        assertThat(ImportWrapping.unwrap(AlgorithmSpec.RSAES_OAEP_SHA_1, rsa2048.getPrivate(), wrapped)).isEqualTo(bytes(32));
        assertThatThrownBy(() -> ImportWrapping.unwrap(AlgorithmSpec.RSAES_OAEP_SHA_256, rsa2048.getPrivate(), wrapped))
                .isInstanceOf(InvalidCiphertextException.class);
    }

    @Test
    void keyWrapWithA4096BitWrappingKey() {
        KeyPair k4096 = ImportWrapping.newWrappingKeyPair(WrappingKeySpec.RSA_4096);
        assertThat(((RSAPublicKey) k4096.getPublic()).getModulus().bitLength()).isEqualTo(4096);
        byte[] material = TestKeys.material(KeySpec.RSA_4096).secret();
        byte[] wrapped = ImportWrapping.wrap(AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_256, k4096.getPublic(), material);
        assertThat(ImportWrapping.unwrap(AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_256, k4096.getPrivate(), wrapped)).isEqualTo(material);
        byte[] sym = bytes(32);
        byte[] oaep = ImportWrapping.wrap(AlgorithmSpec.RSAES_OAEP_SHA_256, k4096.getPublic(), sym);
        assertThat(oaep).hasSize(512);
        assertThat(ImportWrapping.unwrap(AlgorithmSpec.RSAES_OAEP_SHA_256, k4096.getPrivate(), oaep)).isEqualTo(sym);
    }

    @Test
    void refusesPkcs1AndOversizedOaepMaterial() {
        assertThatThrownBy(() -> ImportWrapping.wrap(AlgorithmSpec.RSAES_PKCS1_V1_5, rsa2048.getPublic(), bytes(32)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("RSAES_PKCS1_V1_5");
        assertThatThrownBy(() -> ImportWrapping.unwrap(AlgorithmSpec.RSAES_PKCS1_V1_5, rsa2048.getPrivate(), bytes(256)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ImportWrapping.unwrap(null, rsa2048.getPrivate(), bytes(256)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ImportWrapping.wrap(AlgorithmSpec.RSAES_OAEP_SHA_256, rsa2048.getPublic(), bytes(191)))
                .isInstanceOf(ValidationException.class);
        assertThat(ImportWrapping.wrap(AlgorithmSpec.RSAES_OAEP_SHA_256, rsa2048.getPublic(), bytes(190))).hasSize(256);
        assertThat(ImportWrapping.wrap(AlgorithmSpec.RSAES_OAEP_SHA_1, rsa2048.getPublic(), bytes(214))).hasSize(256);
    }
}
