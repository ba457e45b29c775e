package io.keywarden.provider.mac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.errors.DisabledException;
import io.keywarden.kms.api.errors.InvalidKeyUsageException;
import io.keywarden.provider.KmsSecretKey;
import io.keywarden.provider.TestKms;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.ProviderException;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * HMACs over imported key material: the handle's MAC is byte-equal to SunJCE's over the same raw
 * key. The raw key is known only because it was imported (EXTERNAL origin).
 */
class KmsHmacTest {

    @TempDir
    static Path dir;
    static TestKms kms;

    @BeforeAll
    static void open() {
        kms = new TestKms(dir);
    }

    @AfterAll
    static void close() {
        kms.close();
    }

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"HmacSHA224, HMAC_224, 28", "HmacSHA256, HMAC_256, 32", "HmacSHA384, HMAC_384, 48",
            "HmacSHA512, HMAC_512, 64"})
    void equalsSunJceOverTheSameKey(String algorithm, KeySpec spec, int length) throws Exception {
        byte[] material = random(length, length);
        KmsSecretKey handle = kms.importedHmac(spec, material);
        Mac jdk = Mac.getInstance(algorithm, "SunJCE");
        jdk.init(new SecretKeySpec(material, algorithm));
        Mac mac = Mac.getInstance(algorithm, kms.provider);
        mac.init(handle);
        assertThat(mac.getMacLength()).isEqualTo(length);

        for (int n : new int[] {1, 100, 4096}) {
            byte[] message = random(n, n);
            byte[] expected = jdk.doFinal(message);
            assertThat(expected).hasSize(length);

            assertThat(mac.doFinal(message)).isEqualTo(expected); // reuse after doFinal, each time
            for (byte b : message) {
                mac.update(b);
            }
            assertThat(mac.doFinal()).isEqualTo(expected);
            for (int i = 0; i < n; i += 7) {
                mac.update(message, i, Math.min(7, n - i));
            }
            assertThat(mac.doFinal()).isEqualTo(expected);
            ByteBuffer direct = ByteBuffer.allocateDirect(n);
            direct.put(message).flip();
            mac.update(direct);
            assertThat(mac.doFinal()).isEqualTo(expected);
        }
        mac.update(random(50, 9));
        mac.reset();
        assertThat(mac.doFinal(new byte[] {1})).isEqualTo(jdk.doFinal(new byte[] {1}));
        // the empty message (a Keywarden extension: AWS KMS's GenerateMac wants at least 1 byte)
        assertThat(mac.doFinal()).isEqualTo(jdk.doFinal());
    }

    @Test
    void messagesOver4096BytesFailAtDoFinalAndTheMacStaysUsable() throws Exception {
        byte[] material = random(32, 7);
        Mac mac = Mac.getInstance("HmacSHA256", kms.provider);
        mac.init(kms.importedHmac(KeySpec.HMAC_256, material));
        mac.update(new byte[4096]);
        mac.update((byte) 1);
        assertThatThrownBy(mac::doFinal).isInstanceOf(ProviderException.class)
                .hasMessageContaining("4096").hasMessageContaining("4097 bytes");
        mac.update(new byte[1 << 20]);
        assertThatThrownBy(mac::doFinal).isInstanceOf(ProviderException.class).hasMessageContaining("1048576 bytes");
        Mac jdk = Mac.getInstance("HmacSHA256", "SunJCE");
        jdk.init(new SecretKeySpec(material, "HmacSHA256"));
        // the failed doFinal reset the Mac: what follows is the empty message, not the 1 MiB one
        assertThat(mac.doFinal()).isEqualTo(jdk.doFinal());
        assertThat(mac.doFinal(new byte[] {5})).isEqualTo(jdk.doFinal(new byte[] {5}));
    }

    @Test
    void keysOfAnotherSpecOrUsageOrProviderAreInvalidKeys() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA384", kms.provider);
        var hmac256 = kms.handle(KeySpec.HMAC_256, KeyUsage.GENERATE_VERIFY_MAC);
        assertThatThrownBy(() -> mac.init(hmac256)).isInstanceOf(InvalidKeyException.class)
                .hasCauseInstanceOf(InvalidKeyUsageException.class);
        var aes = kms.handle(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        assertThatThrownBy(() -> mac.init(aes)).isInstanceOf(InvalidKeyException.class)
                .hasCauseInstanceOf(InvalidKeyUsageException.class);
        assertThatThrownBy(() -> mac.init(new SecretKeySpec(new byte[48], "HmacSHA384")))
                .isInstanceOf(InvalidKeyException.class);
        var hmac384 = kms.handle(KeySpec.HMAC_384, KeyUsage.GENERATE_VERIFY_MAC);
        mac.init(hmac384);
        assertThat(mac.doFinal(new byte[] {1})).hasSize(48);
    }

    @Test
    void disabledKeysFailInitOrDoFinalWithTheDisabledExceptionAsCause() throws Exception {
        var key = kms.handle(KeySpec.HMAC_256, KeyUsage.GENERATE_VERIFY_MAC);
        Mac mac = Mac.getInstance("HmacSHA256", kms.provider);
        mac.init(key);
        kms.disable(key);
        try {
            mac.update(new byte[10]);
            assertThatThrownBy(mac::doFinal).isInstanceOf(ProviderException.class)
                    .hasCauseInstanceOf(DisabledException.class);
            assertThatThrownBy(() -> mac.init(key)).isInstanceOf(InvalidKeyException.class)
                    .hasCauseInstanceOf(DisabledException.class);
        } finally {
            kms.enable(key);
        }
        mac.init(key);
        assertThat(mac.doFinal(new byte[10])).hasSize(32);
    }
}
