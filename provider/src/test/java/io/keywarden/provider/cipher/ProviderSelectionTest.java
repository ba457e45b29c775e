package io.keywarden.provider.cipher;

import static org.assertj.core.api.Assertions.assertThat;

import io.keywarden.provider.KeywardenProvider;
import io.keywarden.provider.KmsSecretKey;
import java.nio.file.Path;
import java.security.Security;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keywarden at the END of the provider list: handles still land on it, ordinary keys on SunJCE. */
class ProviderSelectionTest {

    @TempDir
    static Path dir;
    static KmsFixture fx;

    @BeforeAll
    static void install() {
        fx = new KmsFixture(dir);
        Security.addProvider(fx.provider);
    }

    @AfterAll
    static void uninstall() {
        Security.removeProvider(KeywardenProvider.NAME);
        fx.close();
    }

    @Test
    void delayedSelectionRoutesByKey() throws Exception {
        KmsSecretKey handle = fx.handle(fx.createAesKey());
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, handle);
        assertThat(c.getProvider().getName()).isEqualTo(KeywardenProvider.NAME);
        byte[] ct = c.doFinal(new byte[] {1, 2, 3});
        Cipher d = Cipher.getInstance("AES/GCM/NoPadding");
        d.init(Cipher.DECRYPT_MODE, handle);
        assertThat(d.doFinal(ct)).containsExactly(1, 2, 3);

        Cipher s = Cipher.getInstance("AES/GCM/NoPadding");
        s.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[16], "AES"));
        assertThat(s.getProvider().getName()).isEqualTo("SunJCE");
    }
}
