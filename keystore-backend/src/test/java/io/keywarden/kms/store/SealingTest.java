package io.keywarden.kms.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import org.junit.jupiter.api.Test;

/** The sealing AAD and the row MAC bind values to their row's identity. */
class SealingTest {

    private static StoreKeys keys() {
        return new StoreKeys(new byte[32], new byte[16]);
    }

    @Test
    void sealedValuesOpenOnlyUnderTheirOwnIdentity() throws Exception {
        StoreKeys k = keys();
        byte[] secret = "0123456789abcdef0123456789abcdef".getBytes();
        byte[] sealed = k.sealer.seal(secret, Sealer.aad("materials", "k1", 1));
        assertThat(Fixtures.contains(sealed, secret)).isFalse();
        assertThat(k.sealer.open(sealed, Sealer.aad("materials", "k1", 1))).isEqualTo(secret);
        assertThatThrownBy(() -> k.sealer.open(sealed, Sealer.aad("materials", "k1", 2)))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> k.sealer.open(sealed, Sealer.aad("materials", "k2", 1)))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> k.sealer.open(sealed, Sealer.aad("import_tokens", "k1", 1)))
                .isInstanceOf(GeneralSecurityException.class);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> k.sealer.open(sealed, Sealer.aad("materials", "k1", 1)))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void keysDependOnTheStoreIdAndAreZeroedOnDestroy() throws Exception {
        StoreKeys a = new StoreKeys(new byte[32], new byte[16]);
        byte[] otherId = new byte[16];
        otherId[0] = 1;
        StoreKeys b = new StoreKeys(new byte[32], otherId);
        byte[] sealed = a.sealer.seal(new byte[] {1, 2, 3}, Sealer.aad("materials", "k", 1));
        assertThatThrownBy(() -> b.sealer.open(sealed, Sealer.aad("materials", "k", 1)))
                .isInstanceOf(GeneralSecurityException.class);
        assertThat(a.rowMac.compute("keys", "k")).isNotEqualTo(b.rowMac.compute("keys", "k"));
        byte[] root = new byte[32];
        root[5] = 9;
        new StoreKeys(root, new byte[16]);
        assertThat(root).containsOnly(0);
    }

    @Test
    void rowMacsSeparateFieldsUnambiguously() {
        RowMac mac = keys().rowMac;
        assertThat(mac.compute("aliases", "ab", "c")).isNotEqualTo(mac.compute("aliases", "a", "bc"));
        assertThat(mac.compute("aliases", null, "c")).isNotEqualTo(mac.compute("aliases", "", "c"));
        assertThat(mac.compute("keys", "x")).isNotEqualTo(mac.compute("aliases", "x"));
        assertThat(mac.verify(mac.compute("keys", "x", 1L), "keys", "x", 1L)).isTrue();
        assertThat(mac.verify(mac.compute("keys", "x", 1L), "keys", "x", 2L)).isFalse();
    }
}
