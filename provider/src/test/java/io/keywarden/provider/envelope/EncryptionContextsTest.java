package io.keywarden.provider.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The canonical context encoding of docs/envelope-format.md §2. */
class EncryptionContextsTest {

    @Test
    void theEmptyContextIsTwoZeroBytesAndEachCallGetsItsOwnCopy() {
        byte[] first = EncryptionContexts.canonical(Map.of());
        assertThat(first).containsExactly(0, 0);
        first[0] = 7;
        assertThat(EncryptionContexts.canonical(null)).containsExactly(0, 0);
        assertThat(EncryptionContexts.canonical(new HashMap<>())).containsExactly(0, 0);
        assertThat(EncryptionContexts.hashOfCanonical(new byte[] {0, 0}))
                .isEqualTo(EncryptionContexts.hash(Map.of()));
    }

    @Test
    void pairsAreSortedByTheirUnsignedKeyBytes() {
        // "é" is 0xC3 0xA9 in UTF-8: after "z" when compared unsigned
        assertThat(EncryptionContexts.canonical(Map.of("z", "1", "é", "2", "a", "")))
                .containsExactly(0, 3, 0, 1, 'a', 0, 0, 0, 1, 'z', 0, 1, '1', 0, 2, 0xC3, 0xA9, 0, 1, '2');
    }

    @Test
    void nullKeysOrValuesAreRefused() {
        Map<String, String> m = new HashMap<>();
        m.put("k", null);
        assertThatThrownBy(() -> EncryptionContexts.canonical(m)).isInstanceOf(IllegalArgumentException.class);
    }
}
