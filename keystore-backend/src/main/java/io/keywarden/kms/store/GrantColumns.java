package io.keywarden.kms.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keywarden.kms.api.GrantConstraints;
import io.keywarden.kms.api.GrantOperation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The text encodings of a grant's columns: operations as their AWS names joined by commas (in
 * AWS's order), constraints as canonical JSON ({@code {"EncryptionContextEquals":{…},
 * "EncryptionContextSubset":{…}}}, members and pairs sorted; null without constraints), token
 * hashes as hex joined by spaces. Decoding failures are {@link IllegalArgumentException}s.
 */
final class GrantColumns {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String EQUALS = "EncryptionContextEquals";
    private static final String SUBSET = "EncryptionContextSubset";

    private GrantColumns() {
    }

    static String operations(Set<GrantOperation> ops) {
        return String.join(",", EnumSet.copyOf(ops).stream().map(Enum::name).toList());
    }

    static Set<GrantOperation> operations(String text) {
        Set<GrantOperation> out = EnumSet.noneOf(GrantOperation.class);
        for (String name : text.split(",")) {
            out.add(GrantOperation.valueOf(name));
        }
        return out;
    }

    static String constraints(GrantConstraints c) {
        if (c == null || c.isEmpty()) {
            return null;
        }
        Map<String, Map<String, String>> json = new TreeMap<>();
        if (c.encryptionContextEquals() != null) {
            json.put(EQUALS, new TreeMap<>(c.encryptionContextEquals()));
        }
        if (c.encryptionContextSubset() != null) {
            json.put(SUBSET, new TreeMap<>(c.encryptionContextSubset()));
        }
        try {
            return MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode grant constraints", e);
        }
    }

    static GrantConstraints constraints(String text) {
        if (text == null) {
            return null;
        }
        try {
            Map<String, LinkedHashMap<String, String>> json = MAPPER.readValue(text, new TypeReference<>() {
            });
            if (!Set.of(EQUALS, SUBSET).containsAll(json.keySet())) {
                throw new IllegalArgumentException("unknown constraint");
            }
            return new GrantConstraints(json.get(EQUALS), json.get(SUBSET));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed constraints", e);
        }
    }

    static String tokenHashes(List<String> hashes) {
        return String.join(" ", hashes);
    }

    static List<String> tokenHashes(String text) {
        return text.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(text.split(" ")));
    }
}
