package io.keywarden.kms.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keywarden.kms.api.errors.MalformedPolicyDocumentException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses the JSON grammar of IAM policies (docs/policy.md) into a {@link PolicyDocument}, refusing
 * anything else with a {@link MalformedPolicyDocumentException} that names the element at fault:
 * bad JSON, duplicate members, unknown elements, wrong types, an unknown condition operator or
 * key prefix, a value the operator cannot compare, an invalid principal, a document over 32 KiB.
 * Policies are never echoed back in messages, only the path of the element at fault.
 */
public final class PolicyParser {

    /** AWS KMS's limit on a key policy, in characters. */
    public static final int MAX_LENGTH = 32_768;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");
    private static final Set<String> TOP = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT = Set.of("Sid", "Effect", "Principal", "NotPrincipal", "Action",
            "NotAction", "Resource", "NotResource", "Condition");
    private static final Pattern PRINCIPAL_ARN = Pattern.compile(
            "arn:aws:(iam::\\d{12}:(root|user/[\\w+=,.@/-]+|role/[\\w+=,.@/-]+|federated-user/[\\w+=,.@/-]+)"
                    + "|sts::\\d{12}:(assumed-role|federated-user)/[\\w+=,.@/-]+)");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern ACTION = Pattern.compile("\\*|[a-zA-Z0-9-]+:[a-zA-Z0-9*?]+");
    private static final Pattern CONDITION_KEY = Pattern.compile("(?i)(kms|aws):[\\x21-\\x7e]+");

    /** Which kind of policy is parsed: a key policy names principals, an identity policy does not. */
    public enum Kind {
        KEY_POLICY, IDENTITY_POLICY
    }

    private PolicyParser() {
    }

    /** Parses a key policy. */
    public static PolicyDocument parseKeyPolicy(String json) {
        return parse(json, Kind.KEY_POLICY);
    }

    /** Parses an identity policy. */
    public static PolicyDocument parseIdentityPolicy(String json) {
        return parse(json, Kind.IDENTITY_POLICY);
    }

    public static PolicyDocument parse(String json, Kind kind) {
        if (json == null || json.isBlank()) {
            throw malformed("the policy is empty");
        }
        if (json.length() > MAX_LENGTH) {
            throw malformed("the policy is longer than " + MAX_LENGTH + " characters");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String detail = e.getOriginalMessage();
            int cut = detail.indexOf('\n');
            throw malformed("the policy is not valid JSON ("
                    + (cut < 0 ? detail : detail.substring(0, cut)) + " at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
        }
        if (root == null || !root.isObject()) {
            throw malformed("the policy must be a JSON object");
        }
        unknownMembers(root, TOP, "the policy");
        String version = optionalText(root, "Version", "Version");
        if (version != null && !VERSIONS.contains(version)) {
            throw malformed("Version must be 2012-10-17 or 2008-10-17");
        }
        String id = optionalText(root, "Id", "Id");
        JsonNode st = root.get("Statement");
        if (st == null) {
            throw malformed("the policy has no Statement");
        }
        List<Statement> statements = new ArrayList<>();
        if (st.isObject()) {
            statements.add(statement(st, "Statement", kind));
        } else if (st.isArray() && !st.isEmpty()) {
            for (int i = 0; i < st.size(); i++) {
                if (!st.get(i).isObject()) {
                    throw malformed("Statement[" + i + "] must be an object");
                }
                statements.add(statement(st.get(i), "Statement[" + i + "]", kind));
            }
        } else {
            throw malformed("Statement must be an object or a non-empty list of objects");
        }
        return new PolicyDocument(version, id, statements);
    }

    private static Statement statement(JsonNode s, String path, Kind kind) {
        unknownMembers(s, STATEMENT, path);
        String sid = optionalText(s, "Sid", path + ".Sid");
        String effectText = optionalText(s, "Effect", path + ".Effect");
        if (effectText == null) {
            throw malformed(path + " has no Effect");
        }
        Effect effect;
        if (effectText.equals("Allow")) {
            effect = Effect.Allow;
        } else if (effectText.equals("Deny")) {
            effect = Effect.Deny;
        } else {
            throw malformed(path + ".Effect must be Allow or Deny");
        }
        PrincipalSet principal = null;
        PrincipalSet notPrincipal = null;
        boolean hasP = s.has("Principal");
        boolean hasNP = s.has("NotPrincipal");
        if (kind == Kind.KEY_POLICY) {
            if (hasP == hasNP) {
                throw malformed(path + " must have exactly one of Principal and NotPrincipal");
            }
            if (hasP) {
                principal = principals(s.get("Principal"), path + ".Principal");
            } else {
                notPrincipal = principals(s.get("NotPrincipal"), path + ".NotPrincipal");
                if (notPrincipal.everyone()) {
                    throw malformed(path + ".NotPrincipal must not be \"*\"");
                }
            }
        } else if (hasP || hasNP) {
            throw malformed(path + ": an identity policy must not name a Principal or NotPrincipal");
        }
        boolean notAction = exactlyOne(s, "Action", "NotAction", path);
        List<String> actions = strings(s.get(notAction ? "NotAction" : "Action"), path + (notAction ? ".NotAction" : ".Action"));
        for (String a : actions) {
            if (!ACTION.matcher(a).matches()) {
                throw malformed(path + ": the action '" + printable(a) + "' is not of the form service:Action");
            }
        }
        boolean notResource = exactlyOne(s, "Resource", "NotResource", path);
        List<String> resources = strings(s.get(notResource ? "NotResource" : "Resource"),
                path + (notResource ? ".NotResource" : ".Resource"));
        for (String r : resources) {
            if (!r.equals("*") && !r.startsWith("arn:")) {
                throw malformed(path + ": the resource '" + printable(r) + "' is neither \"*\" nor an ARN");
            }
        }
        List<ConditionClause> conditions = s.has("Condition") ? conditions(s.get("Condition"), path + ".Condition")
                : List.of();
        return new Statement(sid, effect, principal, notPrincipal, actions, notAction, resources, notResource,
                conditions);
    }

    private static PrincipalSet principals(JsonNode p, String path) {
        if (p.isTextual() && p.asText().equals("*")) {
            return new PrincipalSet(true, List.of(), List.of());
        }
        if (!p.isObject() || p.isEmpty()) {
            throw malformed(path + " must be \"*\" or an object such as {\"AWS\": [...]}");
        }
        List<String> arns = new ArrayList<>();
        List<String> services = new ArrayList<>();
        boolean everyone = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> values = strings(e.getValue(), path + "." + e.getKey());
            switch (e.getKey()) {
                case "AWS" -> {
                    for (String v : values) {
                        if (v.equals("*")) {
                            everyone = true;
                        } else if (ACCOUNT.matcher(v).matches()) {
                            arns.add(PrincipalSet.rootOf(v));
                        } else if (PRINCIPAL_ARN.matcher(v).matches()) {
                            arns.add(v);
                        } else {
                            throw malformed("Policy contains a statement with one or more invalid principals: "
                                    + path + ".AWS '" + printable(v) + "'");
                        }
                    }
                }
                case "Service" -> services.addAll(values);
                default -> throw malformed(path + ": unknown principal type '" + printable(e.getKey())
                        + "' (AWS and Service are accepted)");
            }
        }
        return new PrincipalSet(everyone, arns, services);
    }

    private static List<ConditionClause> conditions(JsonNode c, String path) {
        if (!c.isObject()) {
            throw malformed(path + " must be an object of operators");
        }
        List<ConditionClause> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            String opPath = path + "." + name;
            Qualifier qualifier = Qualifier.NONE;
            if (name.startsWith("ForAnyValue:")) {
                qualifier = Qualifier.FOR_ANY_VALUE;
                name = name.substring("ForAnyValue:".length());
            } else if (name.startsWith("ForAllValues:")) {
                qualifier = Qualifier.FOR_ALL_VALUES;
                name = name.substring("ForAllValues:".length());
            }
            boolean ifExists = name.endsWith("IfExists");
            String base = ifExists ? name.substring(0, name.length() - "IfExists".length()) : name;
            ConditionOperators.Operator op = ConditionOperators.named(base).orElseThrow(() ->
                    malformed(opPath + ": unknown condition operator '" + printable(e.getKey()) + "'"));
            if (op.name().equals("Null") && (ifExists || qualifier != Qualifier.NONE)) {
                throw malformed(opPath + ": Null takes neither IfExists nor a set qualifier");
            }
            JsonNode block = e.getValue();
            if (!block.isObject() || block.isEmpty()) {
                throw malformed(opPath + " must be a non-empty object of condition keys");
            }
            for (Iterator<Map.Entry<String, JsonNode>> kit = block.fields(); kit.hasNext(); ) {
                Map.Entry<String, JsonNode> k = kit.next();
                String keyPath = opPath + "." + k.getKey();
                if (!CONDITION_KEY.matcher(k.getKey()).matches()) {
                    throw malformed(keyPath + ": a condition key must start with kms: or aws:");
                }
                List<String> values = strings(k.getValue(), keyPath);
                for (String v : values) {
                    if (!op.acceptsPolicyValue().test(v)) {
                        throw malformed(keyPath + ": '" + printable(v) + "' is not " + op.valueType());
                    }
                }
                out.add(new ConditionClause(op, qualifier, ifExists, k.getKey(), values));
            }
        }
        return out;
    }

    /** A string, number or boolean, or a non-empty list of them, as text. */
    private static List<String> strings(JsonNode n, String path) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            if (n.isEmpty()) {
                throw malformed(path + " must not be an empty list");
            }
            for (JsonNode v : n) {
                out.add(scalar(v, path));
            }
        } else {
            out.add(scalar(n, path));
        }
        return out;
    }

    private static String scalar(JsonNode v, String path) {
        if (v.isTextual() || v.isNumber() || v.isBoolean()) {
            String s = v.asText();
            if (s.isEmpty() && !path.contains(".Condition.")) {
                throw malformed(path + " must not be an empty string");
            }
            return s;
        }
        throw malformed(path + " must be a string or a list of strings");
    }

    private static boolean exactlyOne(JsonNode s, String name, String notName, String path) {
        if (s.has(name) == s.has(notName)) {
            throw malformed(path + " must have exactly one of " + name + " and " + notName);
        }
        return s.has(notName);
    }

    private static String optionalText(JsonNode n, String member, String path) {
        JsonNode v = n.get(member);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            throw malformed(path + " must be a string");
        }
        return v.asText();
    }

    private static void unknownMembers(JsonNode n, Set<String> known, String path) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                throw malformed(path + " has an unknown element '" + printable(f) + "'");
            }
        }
    }

    private static String printable(String s) {
        String cut = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static MalformedPolicyDocumentException malformed(String problem) {
        return new MalformedPolicyDocumentException(problem.startsWith("Policy contains") ? problem
                : "Malformed policy document: " + problem + ".");
    }
}
