package io.keywarden.kms.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written key id check accepts exactly what the key id pattern matches. */
class KeyResolverTest {

    private static final Pattern KEY_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static void same(String s) {
        assertThat(KeyResolver.isKeyId(s)).as(s).isEqualTo(KEY_ID.matcher(s).matches());
    }

    @Test
    void sameAsThePattern() {
        for (String s : List.of("", "1234abcd-12ab-34cd-56ef-1234567890ab", "1234ABCD-12ab-34cd-56ef-1234567890ab",
                "1234abcd-12ab-34cd-56ef-1234567890a", "1234abcd-12ab-34cd-56ef-1234567890abc",
                "1234abcd12ab-34cd-56ef-1234567890ab-", "1234abcd-12ab-34cd-56ef_1234567890ab",
                "1234abcg-12ab-34cd-56ef-1234567890ab", "alias/x", "mrk-1234abcd12ab34cd56ef1234567890ab",
                "1234abcd-12ab-34cd-56ef-1234567890a\n", "١234abcd-12ab-34cd-56ef-1234567890ab")) {
            same(s);
        }
        Random r = new Random(7);
        String alphabet = "0123456789abcdefABCDEFg-/_ :\u0660";
        for (int i = 0; i < 20_000; i++) {
            char[] c = UUID.randomUUID().toString().toCharArray();
            int changes = r.nextInt(3);
            for (int j = 0; j < changes; j++) {
                c[r.nextInt(c.length)] = alphabet.charAt(r.nextInt(alphabet.length()));
            }
            same(new String(c));
            assertThat(KeyResolver.isKeyId(UUID.randomUUID().toString())).isTrue();
        }
    }
}
