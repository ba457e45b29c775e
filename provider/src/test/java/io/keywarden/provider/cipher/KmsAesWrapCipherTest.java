package io.keywarden.provider.cipher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.provider.KmsSecretKey;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KmsAesWrapCipherTest {

    @TempDir
    static Path dir;
    static KmsFixture fx;
    static KmsSecretKey kek;

    @BeforeAll
    static void open() throws Exception {
        fx = new KmsFixture(dir);
        kek = fx.handle(fx.createAesKey());
    }

    @AfterAll
    static void close() {
        fx.close();
    }

    Cipher cipher(String alg, int mode) throws Exception {
        Cipher c = Cipher.getInstance(alg, fx.provider);
        c.init(mode, kek);
        return c;
    }

    @Test
    void wrapsAndUnwrapsSecretPrivateAndPublicKeys() throws Exception {
        SecretKeySpec aes = new SecretKeySpec(new byte[32], "AES");
        Key back = cipher("AESWrap", Cipher.UNWRAP_MODE)
                .unwrap(cipher("AESWrap", Cipher.WRAP_MODE).wrap(aes), "AES", Cipher.SECRET_KEY);
        assertThat(back).isEqualTo(aes);

        KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        byte[] w = cipher("AESWrapPad", Cipher.WRAP_MODE).wrap(rsa.getPrivate());
        Key priv = cipher("AESWrapPad", Cipher.UNWRAP_MODE).unwrap(w, "RSA", Cipher.PRIVATE_KEY);
        assertThat(priv).isInstanceOf(PrivateKey.class);
        assertThat(priv.getEncoded()).isEqualTo(rsa.getPrivate().getEncoded());

        byte[] wp = cipher("AESWrapPad", Cipher.WRAP_MODE).wrap(rsa.getPublic());
        Key pub = cipher("AESWrapPad", Cipher.UNWRAP_MODE).unwrap(wp, "RSA", Cipher.PUBLIC_KEY);
        assertThat(pub).isInstanceOf(PublicKey.class).isEqualTo(rsa.getPublic());

        // the context names algorithm and type: unwrapping as something else fails
        assertThatThrownBy(() -> cipher("AESWrapPad", Cipher.UNWRAP_MODE).unwrap(w, "EC", Cipher.PRIVATE_KEY))
                .isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> cipher("AESWrapPad", Cipher.UNWRAP_MODE).unwrap(w, "RSA", Cipher.SECRET_KEY))
                .isInstanceOf(InvalidKeyException.class);
    }

    @Test
    void aesWrapNeedsMultiplesOfEightLikeTheJdk() throws Exception {
        SecretKeySpec odd = new SecretKeySpec(new byte[20], "HmacSHA256");
        assertThatThrownBy(() -> cipher("AESWrap", Cipher.WRAP_MODE).wrap(odd))
                .isInstanceOf(IllegalBlockSizeException.class);
        byte[] w = cipher("AESWrapPad", Cipher.WRAP_MODE).wrap(odd);
        assertThat(cipher("AESWrapPad", Cipher.UNWRAP_MODE).unwrap(w, "HmacSHA256", Cipher.SECRET_KEY)).isEqualTo(odd);
    }

    @Test
    void refusesOtherModesHandlesAndForeignKeys() throws Exception {
        assertThatThrownBy(() -> cipher("AESWrap", Cipher.ENCRYPT_MODE))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> cipher("AESWrap", Cipher.WRAP_MODE).wrap(kek)).isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> Cipher.getInstance("AESWrap", fx.provider)
                .init(Cipher.WRAP_MODE, new SecretKeySpec(new byte[16], "AES")))
                .isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> cipher("AESWrap", Cipher.UNWRAP_MODE).unwrap(new byte[] {1, 2, 3}, "AES",
                Cipher.SECRET_KEY)).isInstanceOf(InvalidKeyException.class);
    }
}
