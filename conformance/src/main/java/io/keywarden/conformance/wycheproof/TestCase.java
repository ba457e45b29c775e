package io.keywarden.conformance.wycheproof;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One Wycheproof test: its id, expected result, flags and the raw JSON (inputs and outputs).
 *
 * @param tcId the test's id
 * @param expected valid, invalid or acceptable
 * @param flags the test's flags
 * @param comment the test's comment
 * @param json the test object
 */
public record TestCase(int tcId, Expected expected, List<String> flags, String comment, JsonNode json) {

    /** Wycheproof's result field. */
    public enum Expected {
        /** Must succeed with the exact expected output. */
        VALID,
        /** Must be rejected. */
        INVALID,
        /** Either outcome; if accepted, the output must be right. */
        ACCEPTABLE
    }

    static TestCase of(JsonNode test) {
        List<String> flags = new ArrayList<>();
        test.path("flags").forEach(f -> flags.add(f.asText()));
        return new TestCase(test.get("tcId").asInt(), Expected.valueOf(test.get("result").asText().toUpperCase()),
                List.copyOf(flags), test.path("comment").asText(), test);
    }

    /** A HexBytes member. */
    public byte[] hex(String name) {
        return hex(json, name);
    }

    /** A HexBytes member of any node (a missing member is empty). */
    public static byte[] hex(JsonNode node, String name) {
        return HexFormat.of().parseHex(node.path(name).asText(""));
    }

    /** A BigInt member (two's complement hex). */
    public BigInteger bigInt(String name) {
        String hex = json.path(name).asText("");
        return hex.isEmpty() ? BigInteger.ZERO : new BigInteger(hex, 16);
    }
}
