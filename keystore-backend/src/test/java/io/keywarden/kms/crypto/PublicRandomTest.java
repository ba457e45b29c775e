package io.keywarden.kms.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The pooled public random values: the asked length, never repeated (within or across threads), bounded. */
class PublicRandomTest {

    @Test
    void valuesHaveTheAskedLengthAndNeverRepeat() {
        Set<String> seen = new HashSet<>();
        int draws = 5 * PublicRandom.POOL; // several pool refills, at odd offsets
        for (int i = 0; i < draws; i++) {
            int n = i % 3 == 0 ? 12 : 32;
            byte[] v = PublicRandom.next(n);
            assertThat(v).hasSize(n);
            assertThat(seen.add(n + ":" + HexFormat.of().formatHex(v))).isTrue();
        }
        // Not all zero (a pool handed out before it was filled would be).
        assertThat(seen).noneMatch(s -> s.endsWith("000000000000000000000000"));
    }

    @Test
    void threadsGetDifferentValues() throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 2000; i++) {
                    assertThat(seen.add(HexFormat.of().formatHex(PublicRandom.next(32)))).isTrue();
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(seen).hasSize(8000);
    }

    @Test
    void lengthsOutOfBoundsAreRefused() {
        assertThatThrownBy(() -> PublicRandom.next(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PublicRandom.next(PublicRandom.MAX_LENGTH + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(PublicRandom.next(PublicRandom.MAX_LENGTH)).hasSize(PublicRandom.MAX_LENGTH);
    }
}
