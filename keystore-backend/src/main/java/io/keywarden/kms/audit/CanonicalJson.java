package io.keywarden.kms.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.util.RawValue;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.SortedMap;

/**
 * The canonical JSON of audit events and digests: object keys in lexicographic order, no
 * insignificant whitespace, UTF-8. The stored text is exactly these bytes, so the chain hashes
 * what is stored.
 *
 * <p>{@link #write} is a small hand-written writer for the values events hold (string-keyed maps,
 * collections, strings, integral numbers, booleans, null) that produces exactly the text of
 * {@link #MAPPER} — the Jackson mapper the trail was first written with, and still the reader —
 * without its per-call cost. Anything else (another number type, an enum, an object) is written
 * by {@link #MAPPER} itself, so the text stays the same whatever the value. A part that is the
 * same in many events (a caller's userIdentity, a key's resource entry) is written once by
 * {@link #fragment} and then copied as it is, as Jackson copies a {@link RawValue}.
 * {@code CanonicalJsonTest} compares both on real events and on random values.
 */
final class CanonicalJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private static final Comparator<Map.Entry<?, ?>> BY_KEY = (a, b) -> ((String) a.getKey()).compareTo((String) b.getKey());

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** Jackson's short escapes for the ASCII characters it escapes; 0 = not escaped, -1 = {@code \}u00XX. */
    private static final int[] ESCAPES = new int[128];

    static {
        Arrays.fill(ESCAPES, 0, 32, -1);
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\f'] = 'f';
        ESCAPES['\n'] = 'n';
        ESCAPES['\r'] = 'r';
    }

    private CanonicalJson() {
    }

    /**
     * The capacity the next text starts with: a little more than the last one's length, so that
     * events of a steady workload are written without growing the buffer (a benign race: any value works).
     */
    private static int capacityHint = 1024;

    static String write(Object value) {
        StringBuilder out = new StringBuilder(capacityHint);
        value(out, value);
        return finish(out);
    }

    /** The text of {@code out}, whose length sets the next text's starting capacity. */
    private static String finish(StringBuilder out) {
        capacityHint = Math.min(1 << 16, Math.max(256, out.length() + (out.length() >> 3)));
        return out.toString();
    }

    /** Receives the members of an object, in key order. */
    @FunctionalInterface
    interface Members {
        void put(String key, Object value);
    }

    /**
     * The text of an object whose members {@code object} gives in key order, written as they come
     * (the text of the same members in a sorted map). Members out of order are a programming error:
     * an IllegalStateException, never a text that is not canonical.
     */
    static String writeMembers(java.util.function.Consumer<Members> object) {
        StringBuilder out = new StringBuilder(capacityHint);
        out.append('{');
        object.accept(new Members() {
            private String previous;

            @Override
            public void put(String key, Object value) {
                if (previous != null) {
                    if (previous.compareTo(key) >= 0) {
                        throw new IllegalStateException("members out of key order: " + previous + ", " + key);
                    }
                    out.append(',');
                }
                member(out, key, value);
                previous = key;
            }
        });
        out.append('}');
        return finish(out);
    }

    /**
     * {@code value}'s canonical text, to be put in an event in place of {@code value}: written as it
     * is by {@link #write} and by {@link #MAPPER}, so the event's text is the same either way.
     */
    static RawValue fragment(Object value) {
        StringBuilder out = new StringBuilder(256);
        value(out, value);
        return new RawValue(out.toString());
    }

    /** Jackson's text for {@code value} (kept as the reference, and for values the writer does not know). */
    static String writeWithJackson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit value cannot be written as JSON", e);
        }
    }

    private static void value(StringBuilder out, Object v) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            string(out, s);
        } else if (v instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            out.append(((Number) v).longValue());
        } else if (v instanceof Map<?, ?> m) {
            object(out, m);
        } else if (v instanceof RawValue r && r.rawValue() instanceof String text) {
            out.append(text);
        } else if (v instanceof Collection<?> c) {
            out.append('[');
            boolean first = true;
            for (Object o : c) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                value(out, o);
            }
            out.append(']');
        } else {
            out.append(writeWithJackson(v));
        }
    }

    /**
     * Keys in the map's own order when it is sorted, else in String order — as Jackson orders them.
     * Written in one pass, in iteration order, as long as that order holds (a SortedMap, or entries
     * put in key order); otherwise rewritten from sorted entries. A key that is not a String: the
     * map is Jackson's to write.
     */
    private static void object(StringBuilder out, Map<?, ?> m) {
        int mark = out.length();
        boolean sorted = m instanceof SortedMap<?, ?>;
        String previous = null;
        out.append('{');
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                out.setLength(mark);
                out.append(writeWithJackson(m));
                return;
            }
            if (previous != null) {
                if (!sorted && previous.compareTo(key) > 0) {
                    out.setLength(mark);
                    sortedObject(out, m);
                    return;
                }
                out.append(',');
            }
            member(out, key, e.getValue());
            previous = key;
        }
        out.append('}');
    }

    /** A map with String keys whose iteration order is not String order. */
    private static void sortedObject(StringBuilder out, Map<?, ?> m) {
        Map.Entry<?, ?>[] entries = m.entrySet().toArray(new Map.Entry<?, ?>[0]);
        for (Map.Entry<?, ?> e : entries) {
            if (!(e.getKey() instanceof String)) {
                out.append(writeWithJackson(m));
                return;
            }
        }
        Arrays.sort(entries, BY_KEY);
        out.append('{');
        for (int i = 0; i < entries.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            member(out, (String) entries[i].getKey(), entries[i].getValue());
        }
        out.append('}');
    }

    private static void member(StringBuilder out, String key, Object value) {
        string(out, key);
        out.append(':');
        value(out, value);
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        int n = s.length();
        int i = 0;
        while (i < n && !escaped(s.charAt(i))) {
            i++;
        }
        if (i == n) { // the usual case: appended whole (append(String) copies the array at once)
            out.append(s).append('"');
            return;
        }
        out.append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (!escaped(c)) {
                out.append(c);
            } else if (ESCAPES[c] > 0) {
                out.append('\\').append((char) ESCAPES[c]);
            } else {
                out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        out.append('"');
    }

    private static boolean escaped(char c) {
        return c < 128 && ESCAPES[c] != 0;
    }

    /** Parses stored JSON; null when it is not JSON (a tampered row). */
    static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
