package io.keywarden.provider.mac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.errors.DisabledException;
import io.keywarden.provider.KmsSecretKey;
import io.keywarden.provider.TestKms;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.ProviderException;
import java.time.Duration;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code HmacSHA256} with MAC sessions on: the MACs are SunJCE's over the imported key, for messages
 * of any length when the backend offers sessions (the embedded engine), GenerateMac's 4096-byte limit
 * otherwise (a remote server); one session per key for every Mac; a disabled key stops the next MAC.
 */
class KmsHmacSessionTest {

    @TempDir
    Path dir;
    TestKms kms;

    @BeforeEach
    void open() {
        kms = new TestKms(dir);
        kms.runtime.setMacSessions(new MacSessionPolicy(Duration.ofSeconds(300), 1000, 10));
    }

    @AfterEach
    void close() {
        kms.close();
    }

    @Test
    void macsAreSunJcesForAnyLengthWhereTheBackendOffersSessions() throws Exception {
        byte[] material = KmsHmacTest.random(32, 1);
        KmsSecretKey handle = kms.importedHmac(KeySpec.HMAC_256, material);
        Mac jdk = Mac.getInstance("HmacSHA256", "SunJCE");
        jdk.init(new SecretKeySpec(material, "HmacSHA256"));
        Mac mac = Mac.getInstance("HmacSHA256", kms.provider);
        mac.init(handle);
        for (int n : new int[] {0, 1, 4096}) {
            byte[] m = KmsHmacTest.random(n, n);
            assertThat(mac.doFinal(m)).isEqualTo(jdk.doFinal(m));
        }
        byte[] m = KmsHmacTest.random(1000, 3);
        mac.update(m, 0, 10);
        mac.update((byte) 5);
        mac.reset();
        mac.update(m, 0, 500);
        ByteBuffer direct = ByteBuffer.allocateDirect(500);
        direct.put(m, 500, 500).flip();
        mac.update(direct);
        assertThat(mac.doFinal()).isEqualTo(jdk.doFinal(m));
        byte[] big = KmsHmacTest.random(1 << 20, 4);
        if (kms.engine.offersMacSessions()) {
            assertThat(mac.doFinal(big)).isEqualTo(jdk.doFinal(big));
            assertThat(kms.runtime.macSessions().size()).isEqualTo(1);
        } else {
            assertThatThrownBy(() -> mac.doFinal(big)).isInstanceOf(ProviderException.class)
                    .hasMessageContaining("4096");
            assertThat(kms.runtime.macSessions().size()).isZero();
        }
    }

    @Test
    void everyMacOnAKeySharesItsSession() throws Exception {
        var key = kms.handle(KeySpec.HMAC_256, KeyUsage.GENERATE_VERIFY_MAC);
        byte[] first = null;
        for (int i = 0; i < 5; i++) {
            Mac mac = Mac.getInstance("HmacSHA256", kms.provider);
            mac.init(key);
            byte[] out = mac.doFinal(new byte[] {1, 2, 3});
            if (first == null) {
                first = out;
            }
            assertThat(out).isEqualTo(first);
        }
        assertThat(kms.runtime.macSessions().size()).isEqualTo(kms.engine.offersMacSessions() ? 1 : 0);
    }

    @Test
    void aDisabledKeyStopsTheNextMacAndFailsInit() throws Exception {
        var key = kms.handle(KeySpec.HMAC_256, KeyUsage.GENERATE_VERIFY_MAC);
        Mac mac = Mac.getInstance("HmacSHA256", kms.provider);
        mac.init(key);
        byte[] before = mac.doFinal(new byte[10]);
        kms.disable(key);
        mac.update(new byte[10]);
        assertThatThrownBy(mac::doFinal).isInstanceOf(ProviderException.class)
                .hasCauseInstanceOf(DisabledException.class);
        assertThatThrownBy(() -> mac.doFinal(new byte[10])).isInstanceOf(ProviderException.class)
                .hasCauseInstanceOf(DisabledException.class);
        assertThatThrownBy(() -> mac.init(key)).isInstanceOf(InvalidKeyException.class)
                .hasCauseInstanceOf(DisabledException.class);
        kms.enable(key);
        assertThat(mac.doFinal(new byte[10])).isEqualTo(before);
        mac.init(key);
        assertThat(mac.doFinal(new byte[10])).isEqualTo(before);
    }
}
