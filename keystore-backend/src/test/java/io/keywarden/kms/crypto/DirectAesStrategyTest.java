package io.keywarden.kms.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.DirectWrapAlgorithm;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.errors.IncorrectKeyMaterialException;
import io.keywarden.kms.api.errors.InvalidCiphertextException;
import io.keywarden.kms.api.errors.ValidationException;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The direct AES extension: raw AES-GCM with the caller's IV, RFC 3394 and RFC 5649 key wrap. */
class DirectAesStrategyTest {

    private static final HexFormat HEX = HexFormat.of();
    private final DirectAesStrategy s = new DirectAesStrategy();

    private static KeyMaterial key(String hex) {
        return new KeyMaterial("k", 1, HEX.parseHex(hex), null);
    }

    @Test
    void importsOnlyTheSpecsLength() {
        assertThat(s.importMaterial(KeySpec.KEYWARDEN_AES_192, new byte[24]).secret()).hasSize(24);
        assertThatThrownBy(() -> s.importMaterial(KeySpec.KEYWARDEN_AES_128, new byte[32]))
                .isInstanceOf(IncorrectKeyMaterialException.class).hasMessageNotContaining("00");
        assertThat(s.encryptionAlgorithms(KeySpec.KEYWARDEN_AES_256, io.keywarden.kms.api.KeyUsage.ENCRYPT_DECRYPT))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 8, 12, 16, 64})
    void gcmMatchesTheJdkForAnyIvLength(int ivLength) throws Exception {
        byte[] k = HEX.parseHex("5b9604fe14eadba931b0ccf34843dab9");
        byte[] iv = new byte[ivLength];
        byte[] aad = {1, 2, 3};
        byte[] msg = "direct mode".getBytes();
        Cipher jdk = Cipher.getInstance("AES/GCM/NoPadding");
        jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(k, "AES"), new GCMParameterSpec(96, iv));
        jdk.updateAAD(aad);
        byte[] expected = jdk.doFinal(msg);
        KeyMaterial key = new KeyMaterial("k", 1, k, null);
        byte[] ct = s.gcmEncrypt(KeySpec.KEYWARDEN_AES_128, key, iv, aad, msg, 96);
        assertThat(ct).isEqualTo(expected);
        assertThat(s.gcmDecrypt(KeySpec.KEYWARDEN_AES_128, key, iv, aad, ct, 96)).isEqualTo(msg);
        ct[0] ^= 1;
        assertThatThrownBy(() -> s.gcmDecrypt(KeySpec.KEYWARDEN_AES_128, key, iv, aad, ct, 96))
                .isInstanceOf(InvalidCiphertextException.class);
    }

    @Test
    void gcmEmptyMessageAndBadParameters() {
        KeyMaterial key = key("5b9604fe14eadba931b0ccf34843dab9");
        byte[] iv = new byte[12];
        assertThat(s.gcmEncrypt(KeySpec.KEYWARDEN_AES_128, key, iv, null, new byte[0], 128)).hasSize(16);
        assertThatThrownBy(() -> s.gcmEncrypt(KeySpec.KEYWARDEN_AES_128, key, new byte[0], null, new byte[1], 128))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> s.gcmEncrypt(KeySpec.KEYWARDEN_AES_128, key, iv, null, new byte[1], 100))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> s.gcmDecrypt(KeySpec.KEYWARDEN_AES_128, key, iv, null, new byte[5], 128))
                .isInstanceOf(InvalidCiphertextException.class);
    }

    /** RFC 3394 §4.1: 128-bit key data with a 128-bit KEK. */
    @Test
    void rfc3394Vector() {
        KeyMaterial kek = key("000102030405060708090A0B0C0D0E0F");
        byte[] data = HEX.parseHex("00112233445566778899AABBCCDDEEFF");
        byte[] wrapped = HEX.parseHex("1FA68B0A8112B447AEF34BD8FB5A7B829D3E862371D2CFE5");
        assertThat(s.wrap(KeySpec.KEYWARDEN_AES_128, kek, DirectWrapAlgorithm.AES_KW, data)).isEqualTo(wrapped);
        assertThat(s.unwrap(KeySpec.KEYWARDEN_AES_128, kek, DirectWrapAlgorithm.AES_KW, wrapped)).isEqualTo(data);
        wrapped[3] ^= 1;
        assertThatThrownBy(() -> s.unwrap(KeySpec.KEYWARDEN_AES_128, kek, DirectWrapAlgorithm.AES_KW, wrapped))
                .isInstanceOf(InvalidCiphertextException.class);
        assertThatThrownBy(() -> s.wrap(KeySpec.KEYWARDEN_AES_128, kek, DirectWrapAlgorithm.AES_KW, new byte[20]))
                .isInstanceOf(ValidationException.class);
    }

    /** RFC 5649 §6: 20 octets of key data with a 192-bit KEK. */
    @Test
    void rfc5649Vector() {
        KeyMaterial kek = key("5840df6e29b02af1ab493b705bf16ea1ae8338f4dcc176a8");
        byte[] data = HEX.parseHex("c37b7e6492584340bed12207808941155068f738");
        byte[] wrapped = HEX.parseHex("138bdeaa9b8fa7fc61f97742e72248ee5ae6ae5360d1ae6a5f54f373fa543b6a");
        assertThat(s.wrap(KeySpec.KEYWARDEN_AES_192, kek, DirectWrapAlgorithm.AES_KWP, data)).isEqualTo(wrapped);
        assertThat(s.unwrap(KeySpec.KEYWARDEN_AES_192, kek, DirectWrapAlgorithm.AES_KWP, wrapped)).isEqualTo(data);
        assertThatThrownBy(() -> s.unwrap(KeySpec.KEYWARDEN_AES_192, kek, DirectWrapAlgorithm.AES_KWP, new byte[12]))
                .isInstanceOf(InvalidCiphertextException.class);
    }
}
