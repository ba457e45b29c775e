package io.keywarden.conformance.wycheproof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed Wycheproof vector file: its name, {@code schema} (without {@code .json}), algorithm, the
 * declared number of tests and its test groups.
 *
 * @param name the file name
 * @param schema the schema field, without the {@code .json} suffix
 * @param algorithm the algorithm field
 * @param numberOfTests the declared number of tests
 * @param groups the test groups
 */
public record VectorFile(String name, String schema, String algorithm, int numberOfTests, List<JsonNode> groups) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Reads and parses a vector file. */
    public static VectorFile read(Path file) throws IOException {
        JsonNode root = MAPPER.readTree(file.toFile());
        String schema = root.path("schema").asText("");
        if (schema.endsWith(".json")) {
            schema = schema.substring(0, schema.length() - 5);
        }
        List<JsonNode> groups = new ArrayList<>();
        root.path("testGroups").forEach(groups::add);
        return new VectorFile(file.getFileName().toString(), schema, root.path("algorithm").asText(""),
                root.path("numberOfTests").asInt(), List.copyOf(groups));
    }

    /** The tests of a group. */
    public static List<TestCase> tests(JsonNode group) {
        List<TestCase> tests = new ArrayList<>();
        group.path("tests").forEach(t -> tests.add(TestCase.of(t)));
        return tests;
    }

    /** How many tests the groups hold. */
    public int countTests() {
        return groups.stream().mapToInt(g -> g.path("tests").size()).sum();
    }
}
