package io.keywarden.kms.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.KeySpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The hand-written canonical JSON writer gives byte for byte the text of the Jackson mapper the
 * trail was written with (existing chains are verified by re-hashing the stored text). Real events
 * of every operation: {@link CanonicalJsonEventsTest}.
 */
class CanonicalJsonTest {

    /** Characters that need escaping or are easy to get wrong. */
    private static final String NASTY = "\u0000\u0001\u0007\b\t\n\u000b\f\r\u000e\u001f \"\\/'<>&"
            + "\u007f\u0080\u00a0\u00e9\u00ff\u0100\u2028\u2029\ufeff\uffff\ud83d\ude00\ud800\udc00\udfff"
            + "aZ09:{}[],";

    /** The same text as Jackson's, or a failure where Jackson fails. */
    private static void same(Object value) {
        String expected;
        try {
            expected = CanonicalJson.writeWithJackson(value);
        } catch (IllegalStateException jacksonFails) {
            assertThatThrownBy(() -> CanonicalJson.write(value)).isInstanceOf(IllegalStateException.class);
            return;
        }
        assertThat(CanonicalJson.write(value)).isEqualTo(expected);
    }

    @Test
    void membersGivenInKeyOrderAreWrittenAsTheSortedMapOfThem() {
        Map<String, Object> m = new TreeMap<>(Map.of("a", NASTY, "b", List.of(1, true), "c", Map.of("z", 1, "y", 2)));
        m.put("d", null);
        assertThat(CanonicalJson.writeMembers(members -> m.forEach(members::put)))
                .isEqualTo(CanonicalJson.writeWithJackson(m));
        assertThat(CanonicalJson.writeMembers(members -> { })).isEqualTo("{}");
    }

    @Test
    void membersOutOfKeyOrderAreRefused() {
        assertThatThrownBy(() -> CanonicalJson.writeMembers(members -> {
            members.put("b", 1);
            members.put("a", 2);
        })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> CanonicalJson.writeMembers(members -> {
            members.put("a", 1);
            members.put("a", 2);
        })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void fragmentsAreCopiedAsJacksonCopiesThem() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("type", NASTY);
        inner.put("ARN", "arn:aws:kms:us-east-1:111122223333:key/k");
        Map<String, Object> plain = new TreeMap<>(Map.of("x", inner, "y", List.of(inner, "s")));
        Map<String, Object> withFragments = new TreeMap<>(Map.of("x", CanonicalJson.fragment(inner),
                "y", List.of(CanonicalJson.fragment(inner), "s")));
        String expected = CanonicalJson.writeWithJackson(plain);
        assertThat(CanonicalJson.write(withFragments)).isEqualTo(expected);
        assertThat(CanonicalJson.writeWithJackson(withFragments)).isEqualTo(expected);
    }

    @Test
    void everyEscapedCharacterAsJacksonWritesIt() {
        for (char c = 0; c < 0x3000; c++) {
            same(String.valueOf(c));
            same(Map.of("k" + c, "v" + c + "w"));
        }
        same(NASTY);
        same("\ud800"); // lone high surrogate
        same("x\udc00y"); // lone low surrogate
        same("");
        assertThat(CanonicalJson.write("\u001f\n\"\\")).isEqualTo("\"\\u001F\\n\\\"\\\\\"");
    }

    @Test
    void scalarsAndEmptyContainers() {
        for (Object v : Arrays.asList(null, true, false, 0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0L,
                Long.MIN_VALUE, Long.MAX_VALUE, -42L, (short) -7, (byte) 127, Map.of(), List.of(), new TreeMap<>(),
                new ArrayList<>(), new LinkedHashSet<>(List.of("b", "a")))) {
            same(v);
        }
        same(Arrays.asList(null, null));
        Map<String, Object> nulls = new HashMap<>();
        nulls.put("z", null);
        nulls.put("a", null);
        same(nulls);
    }

    @Test
    void keysInStringOrderUnlessTheMapIsSorted() {
        Map<String, Object> linked = new LinkedHashMap<>();
        for (String k : List.of("type", "principalId", "arn", "accountId", "invokedBy", "ARN", "Z", "_", "a", "é",
                "\ud83d\ude00", "\uffff", "", "A b", "a\u0000")) {
            linked.put(k, k.length());
        }
        same(linked);
        assertThat(CanonicalJson.write(Map.of("b", 1, "a", 2, "B", 3))).isEqualTo("{\"B\":3,\"a\":2,\"b\":1}");
        // a sorted map keeps its own order, as Jackson does (it does not re-sort a SortedMap)
        TreeMap<String, Object> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.putAll(Map.of("b", 1, "A", 2, "c", 3));
        same(caseInsensitive);
        assertThat(CanonicalJson.write(caseInsensitive)).isEqualTo("{\"A\":2,\"b\":1,\"c\":3}");
    }

    @Test
    void valuesTheWriterDoesNotKnowAreWrittenByJackson() {
        same(1.5d);
        same(Double.NaN);
        same(-0.0f);
        same(new BigDecimal("1E+3"));
        same(KeySpec.RSA_2048);
        same(new String[] {"a", "\n"});
        same(Map.of(1, "one", 2, "two"));
        same(Map.of("nested", Map.of(3L, List.of(2.5d, KeySpec.HMAC_256))));
        same(new StringBuilder("sb\u0001"));
        Map<Object, Object> mixed = new LinkedHashMap<>(); // a non-String key after String keys in order
        mixed.put("a", List.of("x"));
        mixed.put("b", Map.of("n", 1));
        mixed.put(3, "three");
        same(mixed);
        same(List.of(mixed, Map.of("k", mixed)));
        Map<Object, Object> mixedUnordered = new LinkedHashMap<>(); // out of order first, then a non-String key
        mixedUnordered.put("z", 1);
        mixedUnordered.put("a", 2);
        mixedUnordered.put(KeySpec.HMAC_256, 3);
        same(mixedUnordered);
        assertThatThrownBy(() -> CanonicalJson.write(mixedUnordered)).isInstanceOf(IllegalStateException.class);
        Map<Object, Object> numbers = new LinkedHashMap<>(); // non-String keys Jackson can sort
        numbers.put(2, "b");
        numbers.put(1, "a");
        same(Map.of("n", numbers));
        assertThat(CanonicalJson.write(numbers)).isEqualTo("{\"1\":\"a\",\"2\":\"b\"}");
        // Jackson refuses java.time without its module; so does the writer (AuditFields writes instants as text)
        assertThatThrownBy(() -> CanonicalJson.write(Instant.EPOCH)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> CanonicalJson.writeWithJackson(Instant.EPOCH))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void randomNestedValues() {
        long seed = new Random().nextLong();
        Random r = new Random(seed);
        for (int i = 0; i < 3000; i++) {
            Object v = random(r, 0);
            assertThat(CanonicalJson.write(v)).as("seed %d, value %d", seed, i)
                    .isEqualTo(CanonicalJson.writeWithJackson(v));
        }
    }

    private static Object random(Random r, int depth) {
        int kind = r.nextInt(depth >= 3 ? 6 : 10);
        return switch (kind) {
            case 0 -> null;
            case 1 -> r.nextBoolean();
            case 2 -> r.nextInt(3) == 0 ? r.nextInt() : r.nextInt(2000) - 1000;
            case 3 -> r.nextLong();
            case 4, 5 -> randomString(r);
            case 6 -> randomMap(r, depth, new TreeMap<>());
            case 7 -> randomMap(r, depth, new LinkedHashMap<>());
            case 8 -> randomMap(r, depth, new HashMap<>());
            default -> {
                List<Object> l = new ArrayList<>();
                int n = r.nextInt(5);
                for (int j = 0; j < n; j++) {
                    l.add(random(r, depth + 1));
                }
                yield r.nextBoolean() ? l : List.copyOf(l.stream().filter(x -> x != null).toList());
            }
        };
    }

    private static Map<String, Object> randomMap(Random r, int depth, Map<String, Object> m) {
        int n = r.nextInt(6);
        for (int j = 0; j < n; j++) {
            m.put(randomString(r), random(r, depth + 1));
        }
        return m;
    }

    private static String randomString(Random r) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(4)) {
                case 0 -> b.append(NASTY.charAt(r.nextInt(NASTY.length())));
                case 1 -> b.append((char) r.nextInt(0x10000));
                case 2 -> b.appendCodePoint(0x10000 + r.nextInt(0x100000));
                default -> b.append((char) ('a' + r.nextInt(26)));
            }
        }
        return b.toString();
    }
}
