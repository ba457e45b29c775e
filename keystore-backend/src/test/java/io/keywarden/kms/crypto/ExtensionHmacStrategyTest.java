package io.keywarden.kms.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.MacAlgorithmSpec;
import io.keywarden.kms.api.errors.IncorrectKeyMaterialException;
import io.keywarden.kms.api.errors.InvalidKeyUsageException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The extension HMAC key specs: SHA-1 and SHA3-*, any key length from 1 to 1024 bytes, equal to the JDK's Mac. */
class ExtensionHmacStrategyTest {

    private final ExtensionHmacStrategy s = new ExtensionHmacStrategy();

    @Test
    void tagsEqualTheJdksForShortAndLongKeys() throws Exception {
        byte[] msg = "message".getBytes();
        String[][] cases = {{"KEYWARDEN_HMAC_SHA1", "KEYWARDEN_HMAC_SHA_1", "HmacSHA1"},
                {"KEYWARDEN_HMAC_SHA3_256", "KEYWARDEN_HMAC_SHA3_256", "HmacSHA3-256"},
                {"KEYWARDEN_HMAC_SHA3_512", "KEYWARDEN_HMAC_SHA3_512", "HmacSHA3-512"}};
        for (String[] c : cases) {
            KeySpec spec = KeySpec.valueOf(c[0]);
            for (int length : new int[] {1, 65, 1024}) {
                byte[] key = new byte[length];
                key[0] = 7;
                GeneratedMaterial m = s.importMaterial(spec, key);
                Mac jdk = Mac.getInstance(c[2]);
                jdk.init(new SecretKeySpec(key, c[2]));
                assertThat(s.mac(spec, new KeyMaterial("k", 1, m.secret(), null), MacAlgorithmSpec.valueOf(c[1]), msg))
                        .isEqualTo(jdk.doFinal(msg));
            }
            assertThat(s.macAlgorithms(spec, KeyUsage.GENERATE_VERIFY_MAC)).containsExactly(MacAlgorithmSpec.valueOf(c[1]));
        }
    }

    @Test
    void refusesEmptyOrLongKeysAndOtherAlgorithms() {
        assertThatThrownBy(() -> s.importMaterial(KeySpec.KEYWARDEN_HMAC_SHA1, new byte[0]))
                .isInstanceOf(IncorrectKeyMaterialException.class);
        assertThatThrownBy(() -> s.importMaterial(KeySpec.KEYWARDEN_HMAC_SHA1, new byte[1025]))
                .isInstanceOf(IncorrectKeyMaterialException.class);
        KeyMaterial key = new KeyMaterial("k", 1, new byte[20], null);
        assertThatThrownBy(() -> s.mac(KeySpec.KEYWARDEN_HMAC_SHA1, key, MacAlgorithmSpec.HMAC_SHA_256, new byte[1]))
                .isInstanceOf(InvalidKeyUsageException.class);
    }
}
