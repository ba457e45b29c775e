package io.keywarden.kms.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.errors.MalformedPolicyDocumentException;
import io.keywarden.kms.policy.Decision.Reason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The table-driven policy suite: each row is (principal, action, resource, condition keys, key
 * policy, identity policy, grants) → the decision and its reason; then every condition operator
 * with IfExists and the set qualifiers; then malformed documents, each refused with a message
 * naming the fault; then the lockout check.
 */
class PolicySuiteTest {

    static final String ACCT = "111122223333";
    static final String OTHER = "444455556666";
    static final String ROOT = "arn:aws:iam::" + ACCT + ":root";
    static final String ALICE = "arn:aws:iam::" + ACCT + ":user/alice";
    static final String BOB = "arn:aws:iam::" + ACCT + ":user/bob";
    static final String ADMIN = "arn:aws:iam::" + ACCT + ":role/KeyAdmin";
    static final String CAROL = "arn:aws:iam::" + OTHER + ":user/carol";
    static final String OTHER_ROOT = "arn:aws:iam::" + OTHER + ":root";
    static final String KEY = "arn:aws:kms:us-east-1:" + ACCT + ":key/1234abcd-12ab-34cd-56ef-1234567890ab";
    static final String KEY2 = "arn:aws:kms:us-east-1:" + ACCT + ":key/0987dcba-09fe-87dc-65ba-ab0987654321";

    static final String DEFAULT = policy(stmt("Allow", aws(ROOT), "\"kms:*\"", null));

    // ---- builders of policy JSON

    static String policy(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    static String identity(String... statements) {
        return policy(statements);
    }

    static String aws(String... arns) {
        return "\"Principal\":{\"AWS\":[" + quoted(arns) + "]}";
    }

    static String notAws(String... arns) {
        return "\"NotPrincipal\":{\"AWS\":[" + quoted(arns) + "]}";
    }

    static String quoted(String... values) {
        List<String> q = new ArrayList<>();
        for (String v : values) {
            q.add("\"" + v + "\"");
        }
        return String.join(",", q);
    }

    /** A statement; {@code who} is a Principal/NotPrincipal member or null (identity policy). */
    static String stmt(String effect, String who, String actions, String condition) {
        return stmt(effect, who, "\"Action\":" + actions, "\"Resource\":\"*\"", condition);
    }

    static String stmt(String effect, String who, String action, String resource, String condition) {
        return "{\"Effect\":\"" + effect + "\"" + (who == null ? "" : "," + who) + "," + action + "," + resource
                + (condition == null ? "" : ",\"Condition\":" + condition) + "}";
    }

    static Map<String, List<String>> keys(String... kv) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], List.of(kv[i + 1].split("\\|", -1)));
        }
        return m;
    }

    static String accountOf(String arn) {
        return arn.split(":")[4];
    }

    static RequestContext request(String principal, String action, String resource, Map<String, List<String>> keys) {
        return new RequestContext(principal, accountOf(principal), action, resource, keys);
    }

    static GrantTerms grant(String grantee, Set<String> ops, Map<String, String> equals, Map<String, String> subset) {
        return new GrantTerms("g1", grantee, ops, equals, subset);
    }

    // ---- 1. evaluation order, principals, actions, resources, grants

    record Row(String name, String principal, String action, String resource, Map<String, List<String>> keys,
            String keyPolicy, String identityPolicy, Map<String, String> context, List<GrantTerms> grants,
            Reason expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Row row(String name, String principal, String action, String keyPolicy, String identityPolicy,
            Reason expected) {
        return new Row(name, principal, action, KEY, Map.of(), keyPolicy, identityPolicy, Map.of(), List.of(), expected);
    }

    static Row grantRow(String name, String principal, String action, String keyPolicy, Map<String, String> context,
            List<GrantTerms> grants, Reason expected) {
        return new Row(name, principal, action, KEY, Map.of(), keyPolicy, null, context, grants, expected);
    }

    static final String ALICE_USES = policy(
            stmt("Allow", aws(ROOT), "\"kms:*\"", null),
            stmt("Allow", aws(ALICE), "[\"kms:Encrypt\",\"kms:Decrypt\",\"kms:GenerateDataKey*\",\"kms:DescribeKey\"]", null),
            stmt("Allow", aws(ADMIN), "[\"kms:Create*\",\"kms:Describe*\",\"kms:Enable*\",\"kms:List*\",\"kms:Put*\","
                    + "\"kms:Update*\",\"kms:Revoke*\",\"kms:Disable*\",\"kms:Get*\",\"kms:Delete*\",\"kms:TagResource\","
                    + "\"kms:UntagResource\",\"kms:ScheduleKeyDeletion\",\"kms:CancelKeyDeletion\"]", null));

    static Stream<Row> rows() {
        Map<String, String> ec = Map.of("dept", "finance");
        return Stream.of(
                row("default policy: the root may decrypt", ROOT, "kms:Decrypt", DEFAULT, null, Reason.ALLOWED_BY_KEY_POLICY),
                row("default policy: the root may schedule deletion", ROOT, "kms:ScheduleKeyDeletion", DEFAULT, null, Reason.ALLOWED_BY_KEY_POLICY),
                row("default policy: a user without identity policy is refused", ALICE, "kms:Decrypt", DEFAULT, null, Reason.NO_IDENTITY_POLICY_ALLOWS),
                row("default policy: identity policy allows the user", ALICE, "kms:Decrypt", DEFAULT,
                        identity(stmt("Allow", null, "\"kms:Decrypt\"", null)), Reason.ALLOWED_BY_IDENTITY_POLICY),
                row("default policy: identity policy allows another action only", ALICE, "kms:Decrypt", DEFAULT,
                        identity(stmt("Allow", null, "\"kms:Encrypt\"", null)), Reason.NO_IDENTITY_POLICY_ALLOWS),
                row("identity policy scoped to this key", ALICE, "kms:Decrypt", DEFAULT,
                        identity(stmt("Allow", null, "\"Action\":\"kms:*\"", "\"Resource\":\"" + KEY + "\"", null)), Reason.ALLOWED_BY_IDENTITY_POLICY),
                row("identity policy scoped to another key", ALICE, "kms:Decrypt", DEFAULT,
                        identity(stmt("Allow", null, "\"Action\":\"kms:*\"", "\"Resource\":\"" + KEY2 + "\"", null)), Reason.NO_IDENTITY_POLICY_ALLOWS),
                row("identity policy with a key ARN wildcard", ALICE, "kms:Decrypt", DEFAULT,
                        identity(stmt("Allow", null, "\"Action\":\"kms:*\"", "\"Resource\":\"arn:aws:kms:*:" + ACCT + ":key/*\"", null)), Reason.ALLOWED_BY_IDENTITY_POLICY),
                row("identity policy NotResource excludes this key", ALICE, "kms:Decrypt", DEFAULT,
                        identity(stmt("Allow", null, "\"Action\":\"kms:*\"", "\"NotResource\":\"" + KEY + "\"", null)), Reason.NO_IDENTITY_POLICY_ALLOWS),
                row("identity policy explicit deny beats delegation", ALICE, "kms:Decrypt", DEFAULT,
                        identity(stmt("Allow", null, "\"kms:*\"", null), stmt("Deny", null, "\"kms:Decrypt\"", null)),
                        Reason.EXPLICIT_DENY_IN_IDENTITY_POLICY),
                row("key policy names the user: no identity policy needed", ALICE, "kms:Decrypt", ALICE_USES, null, Reason.ALLOWED_BY_KEY_POLICY),
                row("key user may not schedule deletion", ALICE, "kms:ScheduleKeyDeletion", ALICE_USES, null, Reason.NO_IDENTITY_POLICY_ALLOWS),
                row("key user may not put the policy", ALICE, "kms:PutKeyPolicy", ALICE_USES, null, Reason.NO_IDENTITY_POLICY_ALLOWS),
                row("key administrator may schedule deletion", ADMIN, "kms:ScheduleKeyDeletion", ALICE_USES, null, Reason.ALLOWED_BY_KEY_POLICY),
                row("key administrator may put the policy", ADMIN, "kms:PutKeyPolicy", ALICE_USES, null, Reason.ALLOWED_BY_KEY_POLICY),
                row("key administrator may not decrypt", ADMIN, "kms:Decrypt", ALICE_USES, null, Reason.NO_IDENTITY_POLICY_ALLOWS),
                row("key administrator may not encrypt", ADMIN, "kms:Encrypt", ALICE_USES, null, Reason.NO_IDENTITY_POLICY_ALLOWS),
                row("key administrator may describe (Describe*)", ADMIN, "kms:DescribeKey", ALICE_USES, null, Reason.ALLOWED_BY_KEY_POLICY),
                row("key user's identity deny beats the key policy", ALICE, "kms:Decrypt", ALICE_USES,
                        identity(stmt("Deny", null, "\"kms:*\"", null)), Reason.EXPLICIT_DENY_IN_IDENTITY_POLICY),
                row("key policy deny beats key policy allow", ALICE, "kms:Decrypt", policy(
                        stmt("Allow", aws(ALICE), "\"kms:*\"", null), stmt("Deny", aws(ALICE), "\"kms:Decrypt\"", null)),
                        null, Reason.EXPLICIT_DENY_IN_KEY_POLICY),
                row("key policy deny beats identity allow", ALICE, "kms:Decrypt", policy(
                        stmt("Allow", aws(ROOT), "\"kms:*\"", null), stmt("Deny", aws(ALICE), "\"kms:Decrypt\"", null)),
                        identity(stmt("Allow", null, "\"kms:*\"", null)), Reason.EXPLICIT_DENY_IN_KEY_POLICY),
                row("a deny naming the account applies to its users", ALICE, "kms:Decrypt", policy(
                        stmt("Allow", aws(ALICE), "\"kms:*\"", null), stmt("Deny", aws(ROOT), "\"kms:Decrypt\"", null)),
                        null, Reason.EXPLICIT_DENY_IN_KEY_POLICY),
                row("a deny naming the account applies to its root", ROOT, "kms:Decrypt", policy(
                        stmt("Allow", aws(ROOT), "\"kms:*\"", null), stmt("Deny", aws(ROOT), "\"kms:Decrypt\"", null)),
                        null, Reason.EXPLICIT_DENY_IN_KEY_POLICY),
                row("a deny for another user does not apply", ALICE, "kms:Decrypt", policy(
                        stmt("Allow", aws(ALICE), "\"kms:*\"", null), stmt("Deny", aws(BOB), "\"kms:*\"", null)),
                        null, Reason.ALLOWED_BY_KEY_POLICY),
                row("a deny whose action does not match does not apply", ALICE, "kms:Decrypt", policy(
                        stmt("Allow", aws(ALICE), "\"kms:*\"", null), stmt("Deny", aws(ALICE), "\"kms:Encrypt\"", null)),
                        null, Reason.ALLOWED_BY_KEY_POLICY),
                row("the account id form of a principal", ALICE, "kms:Decrypt", policy(stmt("Allow", aws(ACCT), "\"kms:*\"", null)),
                        identity(stmt("Allow", null, "\"kms:Decrypt\"", null)), Reason.ALLOWED_BY_IDENTITY_POLICY),
                row("the account id form allows the root", ROOT, "kms:Decrypt", policy(stmt("Allow", aws(ACCT), "\"kms:*\"", null)),
                        null, Reason.ALLOWED_BY_KEY_POLICY),
                row("Principal \"*\" allows anyone of the account", BOB, "kms:Decrypt",
                        policy(stmt("Allow", "\"Principal\":\"*\"", "\"kms:Decrypt\"", null)), null, Reason.ALLOWED_BY_KEY_POLICY),
                row("Principal {AWS:\"*\"} allows anyone of the account", BOB, "kms:Decrypt",
                        policy(stmt("Allow", "\"Principal\":{\"AWS\":\"*\"}", "\"kms:Decrypt\"", null)), null, Reason.ALLOWED_BY_KEY_POLICY),
                row("Principal \"*\": another account still needs its identity policy", CAROL, "kms:Decrypt",
                        policy(stmt("Allow", "\"Principal\":\"*\"", "\"kms:Decrypt\"", null)), null, Reason.NO_IDENTITY_POLICY_ALLOWS),
                row("cross-account: the other root, named by the key policy", OTHER_ROOT, "kms:Decrypt",
                        policy(stmt("Allow", aws(ROOT, OTHER_ROOT), "\"kms:Decrypt\"", null)), null, Reason.ALLOWED_BY_KEY_POLICY),
                row("cross-account: a user whose account is named and whose identity policy allows", CAROL, "kms:Decrypt",
                        policy(stmt("Allow", aws(OTHER_ROOT), "\"kms:Decrypt\"", null)),
                        identity(stmt("Allow", null, "\"kms:Decrypt\"", null)), Reason.ALLOWED_BY_IDENTITY_POLICY),
                row("cross-account: a user whose account is named, without identity policy", CAROL, "kms:Decrypt",
                        policy(stmt("Allow", aws(OTHER_ROOT), "\"kms:Decrypt\"", null)), null, Reason.NO_IDENTITY_POLICY_ALLOWS),
                row("cross-account: a user named directly still needs its identity policy", CAROL, "kms:Decrypt",
                        policy(stmt("Allow", aws(CAROL), "\"kms:Decrypt\"", null)),
                        identity(stmt("Allow", null, "\"kms:Decrypt\"", null)), Reason.ALLOWED_BY_KEY_POLICY),
                row("cross-account: an account the key policy does not name", CAROL, "kms:Decrypt", DEFAULT,
                        identity(stmt("Allow", null, "\"kms:*\"", null)), Reason.NO_KEY_POLICY_ALLOWS),
                row("NotPrincipal deny spares the listed admin", ADMIN, "kms:PutKeyPolicy", policy(
                        stmt("Allow", aws(ADMIN, ALICE), "\"kms:*\"", null), stmt("Deny", notAws(ADMIN), "\"kms:PutKeyPolicy\"", null)),
                        null, Reason.ALLOWED_BY_KEY_POLICY),
                row("NotPrincipal deny hits everyone else", ALICE, "kms:PutKeyPolicy", policy(
                        stmt("Allow", aws(ADMIN, ALICE), "\"kms:*\"", null), stmt("Deny", notAws(ADMIN), "\"kms:PutKeyPolicy\"", null)),
                        null, Reason.EXPLICIT_DENY_IN_KEY_POLICY),
                row("NotPrincipal listing the account spares its users", ALICE, "kms:Decrypt", policy(
                        stmt("Allow", aws(ALICE), "\"kms:*\"", null), stmt("Deny", notAws(ROOT), "\"kms:*\"", null)),
                        null, Reason.ALLOWED_BY_KEY_POLICY),
                row("NotPrincipal listing the account still hits other accounts", CAROL, "kms:Decrypt", policy(
                        stmt("Allow", "\"Principal\":\"*\"", "\"kms:*\"", null), stmt("Deny", notAws(ROOT), "\"kms:*\"", null)),
                        identity(stmt("Allow", null, "\"kms:*\"", null)), Reason.EXPLICIT_DENY_IN_KEY_POLICY),
                row("NotPrincipal allow applies to whoever is not listed", BOB, "kms:Decrypt", policy(
                        stmt("Allow", notAws(ALICE), "\"kms:Decrypt\"", null)), null, Reason.ALLOWED_BY_KEY_POLICY),
                row("NotPrincipal allow does not apply to the listed", ALICE, "kms:Decrypt", policy(
                        stmt("Allow", notAws(ALICE), "\"kms:Decrypt\"", null)), null, Reason.NO_KEY_POLICY_ALLOWS),
                row("NotAction allow: an action not listed is allowed", ALICE, "kms:Encrypt", policy(
                        stmt("Allow", aws(ALICE), "\"NotAction\":\"kms:Decrypt\"", "\"Resource\":\"*\"", null)), null, Reason.ALLOWED_BY_KEY_POLICY),
                row("NotAction allow: the listed action is not", ALICE, "kms:Decrypt", policy(
                        stmt("Allow", aws(ALICE), "\"NotAction\":\"kms:Decrypt\"", "\"Resource\":\"*\"", null)), null, Reason.NO_KEY_POLICY_ALLOWS),
                row("NotAction deny: everything but crypto is denied", ALICE, "kms:ScheduleKeyDeletion", policy(
                        stmt("Allow", aws(ALICE), "\"kms:*\"", null),
                        stmt("Deny", aws(ALICE), "\"NotAction\":[\"kms:Encrypt\",\"kms:Decrypt\"]", "\"Resource\":\"*\"", null)),
                        null, Reason.EXPLICIT_DENY_IN_KEY_POLICY),
                row("NotAction deny: the listed actions stay allowed", ALICE, "kms:Encrypt", policy(
                        stmt("Allow", aws(ALICE), "\"kms:*\"", null),
                        stmt("Deny", aws(ALICE), "\"NotAction\":[\"kms:Encrypt\",\"kms:Decrypt\"]", "\"Resource\":\"*\"", null)),
                        null, Reason.ALLOWED_BY_KEY_POLICY),
                row("action wildcard kms:Describe* matches DescribeKey", ALICE, "kms:DescribeKey",
                        policy(stmt("Allow", aws(ALICE), "\"kms:Describe*\"", null)), null, Reason.ALLOWED_BY_KEY_POLICY),
                row("action wildcard kms:Describe* does not match Decrypt", ALICE, "kms:Decrypt",
                        policy(stmt("Allow", aws(ALICE), "\"kms:Describe*\"", null)), null, Reason.NO_KEY_POLICY_ALLOWS),
                row("action wildcard ? matches one character", ALICE, "kms:Decrypt",
                        policy(stmt("Allow", aws(ALICE), "\"kms:?ecrypt\"", null)), null, Reason.ALLOWED_BY_KEY_POLICY),
                row("action wildcard ? does not match Encrypt", ALICE, "kms:Encrypt",
                        policy(stmt("Allow", aws(ALICE), "\"kms:?ecrypt\"", null)), null, Reason.NO_KEY_POLICY_ALLOWS),
                row("actions match without case", ALICE, "kms:Decrypt",
                        policy(stmt("Allow", aws(ALICE), "\"KMS:decrypt\"", null)), null, Reason.ALLOWED_BY_KEY_POLICY),
                row("action \"*\" matches everything", ALICE, "kms:Decrypt",
                        policy(stmt("Allow", aws(ALICE), "\"*\"", null)), null, Reason.ALLOWED_BY_KEY_POLICY),
                row("another service's action does not match", ALICE, "kms:Decrypt",
                        policy(stmt("Allow", aws(ALICE), "\"s3:*\"", null)), null, Reason.NO_KEY_POLICY_ALLOWS),
                row("key policy resource naming another key", ALICE, "kms:Decrypt", policy(
                        stmt("Allow", aws(ALICE), "\"Action\":\"kms:*\"", "\"Resource\":\"" + KEY2 + "\"", null)), null, Reason.NO_KEY_POLICY_ALLOWS),
                row("key policy resource naming this key", ALICE, "kms:Decrypt", policy(
                        stmt("Allow", aws(ALICE), "\"Action\":\"kms:*\"", "\"Resource\":\"" + KEY + "\"", null)), null, Reason.ALLOWED_BY_KEY_POLICY),
                row("a single Statement object", ALICE, "kms:Decrypt",
                        "{\"Statement\":" + stmt("Allow", aws(ALICE), "\"kms:Decrypt\"", null) + "}", null, Reason.ALLOWED_BY_KEY_POLICY),
                row("a service principal never matches a user", ALICE, "kms:Decrypt",
                        policy(stmt("Allow", "\"Principal\":{\"Service\":\"logs.amazonaws.com\"}", "\"kms:*\"", null)), null, Reason.NO_KEY_POLICY_ALLOWS),
                row("an empty policy allows nobody, not even the root", ROOT, "kms:Decrypt",
                        policy(stmt("Allow", aws(ALICE), "\"kms:Encrypt\"", null)), null, Reason.NO_KEY_POLICY_ALLOWS),
                grantRow("a grant allows its grantee", BOB, "kms:Decrypt", DEFAULT, Map.of(),
                        List.of(grant(BOB, Set.of("Decrypt"), null, null)), Reason.ALLOWED_BY_GRANT),
                grantRow("a grant for another grantee does not", BOB, "kms:Decrypt", DEFAULT, Map.of(),
                        List.of(grant(ALICE, Set.of("Decrypt"), null, null)), Reason.NO_IDENTITY_POLICY_ALLOWS),
                grantRow("a grant without the operation does not", BOB, "kms:Decrypt", DEFAULT, Map.of(),
                        List.of(grant(BOB, Set.of("Encrypt"), null, null)), Reason.NO_IDENTITY_POLICY_ALLOWS),
                grantRow("EncryptionContextEquals met", BOB, "kms:Decrypt", DEFAULT, ec,
                        List.of(grant(BOB, Set.of("Decrypt"), ec, null)), Reason.ALLOWED_BY_GRANT),
                grantRow("EncryptionContextEquals: an extra pair fails", BOB, "kms:Decrypt", DEFAULT,
                        Map.of("dept", "finance", "x", "y"), List.of(grant(BOB, Set.of("Decrypt"), ec, null)), Reason.NO_IDENTITY_POLICY_ALLOWS),
                grantRow("EncryptionContextEquals is case-sensitive", BOB, "kms:Decrypt", DEFAULT,
                        Map.of("dept", "Finance"), List.of(grant(BOB, Set.of("Decrypt"), ec, null)), Reason.NO_IDENTITY_POLICY_ALLOWS),
                grantRow("EncryptionContextEquals: no context fails", BOB, "kms:Decrypt", DEFAULT, Map.of(),
                        List.of(grant(BOB, Set.of("Decrypt"), ec, null)), Reason.NO_IDENTITY_POLICY_ALLOWS),
                grantRow("EncryptionContextSubset: extra pairs are fine", BOB, "kms:Decrypt", DEFAULT,
                        Map.of("dept", "finance", "x", "y"), List.of(grant(BOB, Set.of("Decrypt"), null, ec)), Reason.ALLOWED_BY_GRANT),
                grantRow("EncryptionContextSubset: a missing pair fails", BOB, "kms:Decrypt", DEFAULT,
                        Map.of("x", "y"), List.of(grant(BOB, Set.of("Decrypt"), null, ec)), Reason.NO_IDENTITY_POLICY_ALLOWS),
                grantRow("EncryptionContextSubset: another value fails", BOB, "kms:Decrypt", DEFAULT,
                        Map.of("dept", "hr"), List.of(grant(BOB, Set.of("Decrypt"), null, ec)), Reason.NO_IDENTITY_POLICY_ALLOWS),
                grantRow("constraints do not apply to DescribeKey", BOB, "kms:DescribeKey", DEFAULT, Map.of(),
                        List.of(grant(BOB, Set.of("DescribeKey"), ec, null)), Reason.ALLOWED_BY_GRANT),
                grantRow("constraints do not apply to RetireGrant", BOB, "kms:RetireGrant", DEFAULT, Map.of(),
                        List.of(grant(BOB, Set.of("RetireGrant"), null, ec)), Reason.ALLOWED_BY_GRANT),
                grantRow("a key policy deny beats a grant", BOB, "kms:Decrypt", policy(
                        stmt("Allow", aws(ROOT), "\"kms:*\"", null), stmt("Deny", aws(BOB), "\"kms:*\"", null)), Map.of(),
                        List.of(grant(BOB, Set.of("Decrypt"), null, null)), Reason.EXPLICIT_DENY_IN_KEY_POLICY),
                grantRow("the second of two grants allows", BOB, "kms:Encrypt", DEFAULT, Map.of(),
                        List.of(grant(BOB, Set.of("Decrypt"), null, null), grant(BOB, Set.of("Encrypt"), null, null)),
                        Reason.ALLOWED_BY_GRANT),
                grantRow("a grant allows a key administrator nothing more than it lists", ADMIN, "kms:Decrypt", ALICE_USES, Map.of(),
                        List.of(grant(ADMIN, Set.of("DescribeKey"), null, null)), Reason.NO_IDENTITY_POLICY_ALLOWS),
                grantRow("a constrained grant allows CreateGrant (constraints checked on the new grant)", BOB,
                        "kms:CreateGrant", DEFAULT, Map.of(), List.of(grant(BOB, Set.of("CreateGrant"), ec, null)),
                        Reason.ALLOWED_BY_GRANT),
                grantRow("a grant never allows RevokeGrant", BOB, "kms:RevokeGrant", DEFAULT, Map.of(),
                        List.of(grant(BOB, Set.of("RetireGrant", "CreateGrant"), null, null)), Reason.NO_IDENTITY_POLICY_ALLOWS),
                grantRow("a grant token's grant is one more grant: it allows at once", BOB, "kms:Encrypt", DEFAULT, ec,
                        List.of(grant(BOB, Set.of("Decrypt"), null, null), new GrantTerms("token", BOB, Set.of("Encrypt"), null, ec)),
                        Reason.ALLOWED_BY_GRANT),
                grantRow("a grant token for another grantee does not", BOB, "kms:Encrypt", DEFAULT, Map.of(),
                        List.of(new GrantTerms("token", ALICE, Set.of("Encrypt"), null, null)), Reason.NO_IDENTITY_POLICY_ALLOWS),
                new Row("an identity policy deny beats a grant", BOB, "kms:Decrypt", KEY, Map.of(), DEFAULT,
                        identity(stmt("Deny", null, "\"kms:Decrypt\"", null)), Map.of(),
                        List.of(grant(BOB, Set.of("Decrypt"), null, null)), Reason.EXPLICIT_DENY_IN_IDENTITY_POLICY),
                grantRow("Equals and Subset together: both must hold", BOB, "kms:Decrypt", DEFAULT, Map.of("dept", "finance", "x", "y"),
                        List.of(grant(BOB, Set.of("Decrypt"), Map.of("dept", "finance"), Map.of("x", "y"))),
                        Reason.NO_IDENTITY_POLICY_ALLOWS),
                grantRow("ReEncryptFrom is its own grant operation", BOB, "kms:ReEncryptFrom", DEFAULT, Map.of(),
                        List.of(grant(BOB, Set.of("ReEncryptTo"), null, null)), Reason.NO_IDENTITY_POLICY_ALLOWS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void decision(Row r) {
        PolicyDocument kp = PolicyParser.parseKeyPolicy(r.keyPolicy());
        PolicyDocument ip = r.identityPolicy() == null ? null : PolicyParser.parseIdentityPolicy(r.identityPolicy());
        RequestContext req = request(r.principal(), r.action(), r.resource(), r.keys());
        String op = r.action().substring(4);
        // The root is not subject to identity policies: the engine passes none for it.
        Decision d = Authorization.onKey(kp, ip, ACCT, req, op, r.context(), r.grants());
        assertThat(d.reason()).as(r.name()).isEqualTo(r.expected());
        if (!d.allowed()) {
            assertThat(d.message()).startsWith("User: " + r.principal() + " is not authorized to perform: "
                    + r.action() + " on resource: " + r.resource());
        }
    }

    // ---- 2. condition operators, IfExists and set qualifiers

    record Cond(String operator, String key, String policyValues, String requestValues, boolean holds) {
        @Override
        public String toString() {
            return operator + " " + key + " " + policyValues + " vs " + (requestValues == null ? "(absent)" : requestValues)
                    + " → " + holds;
        }
    }

    /** Values are separated by |; requestValues null means the key is absent. */
    static Cond c(String operator, String key, String policyValues, String requestValues, boolean holds) {
        return new Cond(operator, key, policyValues, requestValues, holds);
    }

    static Stream<Cond> conditions() {
        String ec = "kms:EncryptionContext:dept";
        String keysKey = "kms:EncryptionContextKeys";
        String win = "kms:ScheduleKeyDeletionPendingWindowInDays";
        String now = "aws:CurrentTime";
        String arn = "aws:PrincipalArn";
        return Stream.of(
                c("StringEquals", ec, "finance", "finance", true),
                c("StringEquals", ec, "finance", "hr", false),
                c("StringEquals", ec, "finance", "Finance", false),
                c("StringEquals", ec, "hr|finance", "finance", true),
                c("StringEquals", ec, "finance", null, false),
                c("StringEqualsIfExists", ec, "finance", null, true),
                c("StringEqualsIfExists", ec, "finance", "hr", false),
                c("StringEqualsIfExists", ec, "finance", "finance", true),
                c("StringNotEquals", ec, "finance", "finance", false),
                c("StringNotEquals", ec, "finance", "hr", true),
                c("StringNotEquals", ec, "finance|hr", "hr", false),
                c("StringNotEquals", ec, "finance", null, true),
                c("StringNotEqualsIfExists", ec, "finance", null, true),
                c("StringNotEqualsIfExists", ec, "finance", "finance", false),
                c("StringEqualsIgnoreCase", ec, "FINANCE", "finance", true),
                c("StringEqualsIgnoreCase", ec, "finance", "hr", false),
                c("StringEqualsIgnoreCaseIfExists", ec, "finance", null, true),
                c("StringNotEqualsIgnoreCase", ec, "FINANCE", "finance", false),
                c("StringNotEqualsIgnoreCase", ec, "FINANCE", "hr", true),
                c("StringNotEqualsIgnoreCaseIfExists", ec, "x", null, true),
                c("StringLike", ec, "fin*", "finance", true),
                c("StringLike", ec, "f?nance", "finance", true),
                c("StringLike", ec, "fin*", "hr", false),
                c("StringLike", ec, "fin*", null, false),
                c("StringLike", ec, "*", "", true),
                c("StringLikeIfExists", ec, "fin*", null, true),
                c("StringLikeIfExists", ec, "fin*", "hr", false),
                c("StringNotLike", ec, "fin*", "finance", false),
                c("StringNotLike", ec, "fin*", "hr", true),
                c("StringNotLike", ec, "fin*", null, true),
                c("StringNotLikeIfExists", ec, "fin*", "finance", false),
                c("ArnEquals", arn, ALICE, ALICE, true),
                c("ArnEquals", arn, ALICE, BOB, false),
                c("ArnEqualsIfExists", "aws:SourceArn", ALICE, null, true),
                c("ArnLike", arn, "arn:aws:iam::" + ACCT + ":user/*", ALICE, true),
                c("ArnLike", arn, "arn:aws:iam::" + ACCT + ":user/*", ADMIN, false),
                c("ArnLike", arn, "arn:aws:iam::*:user/alice", ALICE, true),
                c("ArnLike", arn, "arn:aws:iam::*:user/alice", CAROL, false),
                c("ArnLike", arn, "arn:aws:iam::" + ACCT + ":*", ADMIN, true),
                c("ArnLike", arn, "arn:aws:iam::" + ACCT + ":*", "not-an-arn", false),
                c("ArnLike", arn, "arn:aws:iam::*:*", CAROL, true),
                c("ArnLikeIfExists", "aws:SourceArn", "arn:aws:s3:::*", null, true),
                c("ArnNotEquals", arn, ALICE, ALICE, false),
                c("ArnNotEquals", arn, ALICE, BOB, true),
                c("ArnNotLike", arn, "arn:aws:iam::" + ACCT + ":role/*", ALICE, true),
                c("ArnNotLike", arn, "arn:aws:iam::" + ACCT + ":role/*", ADMIN, false),
                c("ArnNotLike", "aws:SourceArn", "arn:aws:s3:::*", null, true),
                c("ArnNotLikeIfExists", arn, "arn:aws:iam::" + ACCT + ":role/*", ADMIN, false),
                c("NumericEquals", win, "30", "30", true),
                c("NumericEquals", win, "30", "7", false),
                c("NumericEquals", win, "30", "30.0", true),
                c("NumericEquals", win, "30", null, false),
                c("NumericEqualsIfExists", win, "30", null, true),
                c("NumericNotEquals", win, "30", "7", true),
                c("NumericNotEquals", win, "30", "30", false),
                c("NumericNotEqualsIfExists", win, "30", "30", false),
                c("NumericLessThan", win, "14", "7", true),
                c("NumericLessThan", win, "14", "14", false),
                c("NumericLessThanIfExists", win, "14", null, true),
                c("NumericLessThanEquals", win, "14", "14", true),
                c("NumericLessThanEquals", win, "14", "15", false),
                c("NumericGreaterThan", win, "14", "30", true),
                c("NumericGreaterThan", win, "14", "14", false),
                c("NumericGreaterThan", win, "14", "abc", false),
                c("NumericGreaterThanEquals", win, "14", "14", true),
                c("NumericGreaterThanEquals", win, "14", "7", false),
                c("NumericGreaterThanEqualsIfExists", win, "14", null, true),
                c("NumericGreaterThanEqualsIfExists", win, "14", "7", false),
                c("DateLessThan", now, "2030-01-01T00:00:00Z", "2026-01-01T00:00:00Z", true),
                c("DateLessThan", now, "2020-01-01T00:00:00Z", "2026-01-01T00:00:00Z", false),
                c("DateLessThan", now, "1893456000", "2026-01-01T00:00:00Z", true),
                c("DateLessThanEquals", now, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", true),
                c("DateLessThanEquals", now, "2025-12-31T23:59:59Z", "2026-01-01T00:00:00Z", false),
                c("DateGreaterThan", now, "2025-01-01", "2026-01-01T00:00:00Z", true),
                c("DateGreaterThan", now, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", false),
                c("DateGreaterThanEquals", now, "2026-01-01T00:00:00+00:00", "2026-01-01T00:00:00Z", true),
                c("DateGreaterThanEquals", now, "2027-01-01T00:00:00Z", "2026-01-01T00:00:00Z", false),
                c("DateEquals", now, "2026-01-01T01:00:00+01:00", "2026-01-01T00:00:00Z", true),
                c("DateEquals", now, "2026-01-02T00:00:00Z", "2026-01-01T00:00:00Z", false),
                c("DateNotEquals", now, "2026-01-02T00:00:00Z", "2026-01-01T00:00:00Z", true),
                c("DateNotEquals", now, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", false),
                c("DateLessThanIfExists", "aws:TokenIssueTime", "2030-01-01T00:00:00Z", null, true),
                c("DateLessThan", "aws:TokenIssueTime", "2030-01-01T00:00:00Z", null, false),
                c("DateLessThan", now, "2030-01-01T00:00:00Z", "not a date", false),
                c("Bool", "aws:SecureTransport", "true", "true", true),
                c("Bool", "aws:SecureTransport", "true", "false", false),
                c("Bool", "aws:SecureTransport", "false", "false", true),
                c("Bool", "aws:SecureTransport", "TRUE", "true", true),
                c("Bool", "aws:SecureTransport", "true", null, false),
                c("BoolIfExists", "aws:SecureTransport", "true", null, true),
                c("BoolIfExists", "aws:SecureTransport", "true", "false", false),
                c("Bool", "kms:GrantIsForAWSResource", "true", "true", true),
                c("Null", ec, "true", null, true),
                c("Null", ec, "true", "finance", false),
                c("Null", ec, "false", "finance", true),
                c("Null", ec, "false", null, false),
                c("IpAddress", "aws:SourceIp", "10.0.0.0/8", "10.1.2.3", true),
                c("IpAddress", "aws:SourceIp", "10.0.0.0/8", "192.168.1.1", false),
                c("IpAddress", "aws:SourceIp", "192.168.1.1", "192.168.1.1", true),
                c("IpAddress", "aws:SourceIp", "2001:db8::/32", "2001:db8::1", true),
                c("IpAddress", "aws:SourceIp", "2001:db8::/32", "10.1.2.3", false),
                c("IpAddress", "aws:SourceIp", "10.0.0.0/8", null, false),
                c("IpAddressIfExists", "aws:SourceIp", "10.0.0.0/8", null, true),
                c("NotIpAddress", "aws:SourceIp", "10.0.0.0/8", "192.168.1.1", true),
                c("NotIpAddress", "aws:SourceIp", "10.0.0.0/8", "10.9.9.9", false),
                c("ForAnyValue:StringEquals", keysKey, "dept", "dept|project", true),
                c("ForAnyValue:StringEquals", keysKey, "dept", "project", false),
                c("ForAnyValue:StringEquals", keysKey, "dept", null, false),
                c("ForAnyValue:StringEqualsIfExists", keysKey, "dept", null, true),
                c("ForAnyValue:StringLike", keysKey, "de*", "project|dept", true),
                c("ForAnyValue:StringNotEquals", keysKey, "dept", "dept|project", true),
                c("ForAnyValue:StringNotEquals", keysKey, "dept", "dept", false),
                c("ForAllValues:StringEquals", keysKey, "dept|project", "dept", true),
                c("ForAllValues:StringEquals", keysKey, "dept|project", "dept|project", true),
                c("ForAllValues:StringEquals", keysKey, "dept|project", "dept|secret", false),
                c("ForAllValues:StringEquals", keysKey, "dept", null, true),
                c("ForAllValues:StringLike", keysKey, "app-*", "app-a|app-b", true),
                c("ForAllValues:StringLike", keysKey, "app-*", "app-a|other", false),
                c("ForAllValues:StringNotEquals", keysKey, "secret", "dept|project", true),
                c("ForAllValues:StringNotEquals", keysKey, "secret", "dept|secret", false),
                c("ForAllValues:StringEqualsIfExists", keysKey, "dept", null, true),
                c("ForAnyValue:StringEqualsIgnoreCase", "aws:TagKeys", "OWNER", "owner|cost", true),
                c("ForAllValues:StringEqualsIgnoreCase", "aws:TagKeys", "OWNER|COST", "owner|cost", true),
                c("ForAnyValue:NumericLessThan", "kms:Sample", "10", "50|5", true),
                c("ForAllValues:NumericLessThan", "kms:Sample", "10", "50|5", false),
                c("ForAnyValue:ArnLike", "kms:ResourceArns", "arn:aws:kms:*:*:key/*", "arn:aws:kms:us-east-1:" + ACCT + ":key/x", true),
                c("ForAnyValue:StringEquals", "kms:GrantOperations", "Decrypt", "Encrypt|Decrypt", true),
                c("ForAllValues:StringEquals", "kms:GrantOperations", "Decrypt|Encrypt", "Encrypt|Decrypt|RetireGrant", false),
                c("StringEquals", "kms:GrantOperations", "Decrypt", "Encrypt|Decrypt", true),
                c("StringNotEquals", "kms:GrantOperations", "Decrypt", "Encrypt|Decrypt", false),
                c("ForAnyValue:StringEquals", "kms:ResourceAliases", "alias/app", "alias/app|alias/other", true),
                c("StringEquals", "kms:RequestAlias", "alias/app", "alias/app", true),
                c("StringEquals", "kms:CallerAccount", ACCT, ACCT, true),
                c("StringEquals", "kms:CallerAccount", ACCT, OTHER, false),
                c("StringEquals", "kms:ViaService", "ec2.us-east-1.amazonaws.com", null, false),
                c("StringEquals", "kms:ViaService", "ec2.us-east-1.amazonaws.com", "ec2.us-east-1.amazonaws.com", true),
                c("StringEquals", "kms:KeySpec", "SYMMETRIC_DEFAULT", "SYMMETRIC_DEFAULT", true),
                c("StringEquals", "kms:KeyUsage", "SIGN_VERIFY", "ENCRYPT_DECRYPT", false),
                c("StringEquals", "kms:KeyOrigin", "EXTERNAL", "AWS_KMS", false),
                c("StringEquals", "kms:EncryptionAlgorithm", "SYMMETRIC_DEFAULT", "SYMMETRIC_DEFAULT", true),
                c("StringEquals", "kms:SigningAlgorithm", "ECDSA_SHA_256", "RSASSA_PSS_SHA_256", false),
                c("StringEquals", "kms:MacAlgorithm", "HMAC_SHA_256", "HMAC_SHA_256", true),
                c("StringEquals", "kms:DataKeyPairSpec", "RSA_2048", "ECC_NIST_P256", false),
                c("StringEquals", "kms:GranteePrincipal", ALICE, ALICE, true),
                c("StringEquals", "kms:RetiringPrincipal", ADMIN, null, false),
                c("NumericLessThanEquals", "kms:RotationPeriodInDays", "180", "365", false),
                c("StringEquals", "aws:ResourceTag/env", "prod", "prod", true),
                c("StringEquals", "aws:RequestTag/env", "prod", "dev", false),
                c("StringEquals", "KMS:ENCRYPTIONCONTEXT:DEPT", "finance", "finance", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conditions")
    void condition(Cond c) {
        String values = "[" + quoted(c.policyValues().split("\\|", -1)) + "]";
        String cond = "{\"" + c.operator() + "\":{\"" + c.key() + "\":" + values + "}}";
        PolicyDocument kp = PolicyParser.parseKeyPolicy(policy(stmt("Allow", aws(ALICE), "\"kms:Decrypt\"", cond)));
        // the request carries the key under its own spelling (lower case) to show names are case-insensitive
        String requestKey = c.key().toLowerCase();
        Map<String, List<String>> keys = c.requestValues() == null ? Map.of() : keys(requestKey, c.requestValues());
        Decision d = Authorization.onKey(kp, null, ACCT, request(ALICE, "kms:Decrypt", KEY, keys), "Decrypt", Map.of(), List.of());
        assertThat(d.reason()).as(c.toString())
                .isEqualTo(c.holds() ? Reason.ALLOWED_BY_KEY_POLICY : Reason.NO_KEY_POLICY_ALLOWS);
    }

    @Test
    void allClausesOfAStatementMustHold() {
        String cond = "{\"StringEquals\":{\"kms:EncryptionContext:dept\":\"finance\",\"kms:CallerAccount\":\"" + ACCT + "\"},"
                + "\"Bool\":{\"aws:SecureTransport\":\"true\"}}";
        PolicyDocument kp = PolicyParser.parseKeyPolicy(policy(stmt("Allow", aws(ALICE), "\"kms:Decrypt\"", cond)));
        Map<String, List<String>> all = keys("kms:EncryptionContext:dept", "finance", "kms:CallerAccount", ACCT,
                "aws:SecureTransport", "true");
        assertThat(Authorization.onKey(kp, null, ACCT, request(ALICE, "kms:Decrypt", KEY, all), "Decrypt", Map.of(),
                List.of()).allowed()).isTrue();
        Map<String, List<String>> plain = new LinkedHashMap<>(all);
        plain.put("aws:SecureTransport", List.of("false"));
        assertThat(Authorization.onKey(kp, null, ACCT, request(ALICE, "kms:Decrypt", KEY, plain), "Decrypt", Map.of(),
                List.of()).allowed()).isFalse();
    }

    @Test
    void everyOperatorOfTheTableIsExercised() {
        Set<String> used = new java.util.TreeSet<>();
        conditions().forEach(c -> {
            String name = c.operator().replace("ForAnyValue:", "").replace("ForAllValues:", "").replace("IfExists", "");
            used.add(name);
        });
        assertThat(used).containsAll(ConditionOperators.names());
    }

    // ---- 3. malformed documents

    record Bad(String name, String json, String mentions) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Bad> malformed() {
        String ok = stmt("Allow", aws(ALICE), "\"kms:*\"", null);
        return Stream.of(
                new Bad("not JSON", "{\"Statement\": [", "not valid JSON"),
                new Bad("trailing content", policy(ok) + " {}", "not valid JSON"),
                new Bad("duplicate member", "{\"Statement\":" + ok + ",\"Statement\":" + ok + "}", "not valid JSON"),
                new Bad("an array", "[" + ok + "]", "must be a JSON object"),
                new Bad("empty", "   ", "empty"),
                new Bad("no Statement", "{\"Version\":\"2012-10-17\"}", "no Statement"),
                new Bad("empty Statement list", "{\"Statement\":[]}", "non-empty list"),
                new Bad("Statement of strings", "{\"Statement\":[\"x\"]}", "Statement[0] must be an object"),
                new Bad("bad Version", "{\"Version\":\"2020-01-01\",\"Statement\":" + ok + "}", "Version"),
                new Bad("unknown top element", "{\"Statement\":" + ok + ",\"Extra\":1}", "unknown element 'Extra'"),
                new Bad("unknown statement element", policy("{\"Effect\":\"Allow\"," + aws(ALICE)
                        + ",\"Action\":\"kms:*\",\"Resource\":\"*\",\"Colour\":\"red\"}"), "unknown element 'Colour'"),
                new Bad("no Effect", policy("{" + aws(ALICE) + ",\"Action\":\"kms:*\",\"Resource\":\"*\"}"), "no Effect"),
                new Bad("bad Effect", policy(stmt("Permit", aws(ALICE), "\"kms:*\"", null)), "Effect must be Allow or Deny"),
                new Bad("no Principal", policy(stmt("Allow", null, "\"kms:*\"", null)), "exactly one of Principal and NotPrincipal"),
                new Bad("both Principal and NotPrincipal", policy(stmt("Allow", aws(ALICE) + "," + notAws(BOB), "\"kms:*\"", null)),
                        "exactly one of Principal and NotPrincipal"),
                new Bad("NotPrincipal *", policy(stmt("Deny", "\"NotPrincipal\":\"*\"", "\"kms:*\"", null)), "NotPrincipal must not be"),
                new Bad("invalid principal", policy(stmt("Allow", aws("alice"), "\"kms:*\"", null)), "invalid principals"),
                new Bad("wildcard in a principal ARN", policy(stmt("Allow", aws("arn:aws:iam::" + ACCT + ":user/*"), "\"kms:*\"", null)),
                        "invalid principals"),
                new Bad("unknown principal type", policy(stmt("Allow", "\"Principal\":{\"Federated\":\"x\"}", "\"kms:*\"", null)),
                        "unknown principal type"),
                new Bad("Principal as a number", policy(stmt("Allow", "\"Principal\":5", "\"kms:*\"", null)), "Principal must be"),
                new Bad("no Action", policy("{\"Effect\":\"Allow\"," + aws(ALICE) + ",\"Resource\":\"*\"}"), "exactly one of Action and NotAction"),
                new Bad("Action and NotAction", policy("{\"Effect\":\"Allow\"," + aws(ALICE)
                        + ",\"Action\":\"kms:*\",\"NotAction\":\"kms:Decrypt\",\"Resource\":\"*\"}"), "exactly one of Action and NotAction"),
                new Bad("action without service", policy(stmt("Allow", aws(ALICE), "\"Decrypt\"", null)), "not of the form service:Action"),
                new Bad("empty action list", policy(stmt("Allow", aws(ALICE), "[]", null)), "must not be an empty list"),
                new Bad("action as an object", policy(stmt("Allow", aws(ALICE), "{\"a\":1}", null)), "must be a string"),
                new Bad("no Resource", policy("{\"Effect\":\"Allow\"," + aws(ALICE) + ",\"Action\":\"kms:*\"}"), "exactly one of Resource and NotResource"),
                new Bad("resource not an ARN", policy(stmt("Allow", aws(ALICE), "\"Action\":\"kms:*\"", "\"Resource\":\"mykey\"", null)),
                        "neither \"*\" nor an ARN"),
                new Bad("unknown operator", policy(stmt("Allow", aws(ALICE), "\"kms:*\"", "{\"StringEqualz\":{\"kms:X\":\"a\"}}")),
                        "unknown condition operator 'StringEqualz'"),
                new Bad("unknown qualifier", policy(stmt("Allow", aws(ALICE), "\"kms:*\"", "{\"ForSomeValues:StringEquals\":{\"kms:X\":\"a\"}}")),
                        "unknown condition operator"),
                new Bad("NullIfExists", policy(stmt("Allow", aws(ALICE), "\"kms:*\"", "{\"NullIfExists\":{\"kms:X\":\"true\"}}")),
                        "Null takes neither"),
                new Bad("numeric operator with text", policy(stmt("Allow", aws(ALICE), "\"kms:*\"", "{\"NumericLessThan\":{\"kms:X\":\"abc\"}}")),
                        "is not a number"),
                new Bad("date operator with text", policy(stmt("Allow", aws(ALICE), "\"kms:*\"", "{\"DateLessThan\":{\"aws:CurrentTime\":\"yesterday\"}}")),
                        "is not a date"),
                new Bad("Bool with yes", policy(stmt("Allow", aws(ALICE), "\"kms:*\"", "{\"Bool\":{\"aws:SecureTransport\":\"yes\"}}")),
                        "is not true or false"),
                new Bad("bad CIDR", policy(stmt("Allow", aws(ALICE), "\"kms:*\"", "{\"IpAddress\":{\"aws:SourceIp\":\"999.1.1.1/8\"}}")),
                        "IP address"),
                new Bad("ArnLike with a non-ARN", policy(stmt("Allow", aws(ALICE), "\"kms:*\"", "{\"ArnLike\":{\"aws:PrincipalArn\":\"alice\"}}")),
                        "is not an ARN"),
                new Bad("condition key without prefix", policy(stmt("Allow", aws(ALICE), "\"kms:*\"", "{\"StringEquals\":{\"dept\":\"a\"}}")),
                        "must start with kms: or aws:"),
                new Bad("empty operator block", policy(stmt("Allow", aws(ALICE), "\"kms:*\"", "{\"StringEquals\":{}}")),
                        "non-empty object"),
                new Bad("nested object as a value", policy(stmt("Allow", aws(ALICE), "\"kms:*\"", "{\"StringEquals\":{\"kms:X\":{\"a\":1}}}")),
                        "must be a string"),
                new Bad("Condition as a list", policy(stmt("Allow", aws(ALICE), "\"kms:*\"", "[1]")), "Condition must be an object"),
                new Bad("too large", policy(stmt("Allow", aws(ALICE), "\"kms:*\"", null)) + " ".repeat(PolicyParser.MAX_LENGTH), "longer than"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedPoliciesAreRefused(Bad b) {
        assertThatThrownBy(() -> PolicyParser.parseKeyPolicy(b.json()))
                .isInstanceOf(MalformedPolicyDocumentException.class)
                .hasMessageContaining(b.mentions());
    }

    @Test
    void anIdentityPolicyMustNotNamePrincipals() {
        assertThatThrownBy(() -> PolicyParser.parseIdentityPolicy(policy(stmt("Allow", aws(ALICE), "\"kms:*\"", null))))
                .isInstanceOf(MalformedPolicyDocumentException.class)
                .hasMessageContaining("must not name a Principal");
    }

    // ---- 4. the lockout check

    record Lockout(String name, String principal, String newPolicy, String identityPolicy, boolean keepsControl) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Lockout> lockouts() {
        return Stream.of(
                new Lockout("the default policy keeps the root in control", ROOT, DEFAULT, null, true),
                new Lockout("a policy naming only alice locks the root out", ROOT,
                        policy(stmt("Allow", aws(ALICE), "\"kms:*\"", null)), null, false),
                new Lockout("alice may set a policy that names her", ALICE,
                        policy(stmt("Allow", aws(ALICE), "\"kms:PutKeyPolicy\"", null)), null, true),
                new Lockout("alice may not set a policy without PutKeyPolicy for her", ALICE,
                        policy(stmt("Allow", aws(ALICE), "\"kms:Decrypt\"", null)), null, false),
                new Lockout("delegation to the account keeps a user with an identity policy in control", ALICE, DEFAULT,
                        identity(stmt("Allow", null, "\"kms:PutKeyPolicy\"", null)), true),
                new Lockout("delegation without an identity policy locks the user out", ALICE, DEFAULT, null, false),
                new Lockout("a deny of PutKeyPolicy locks out", ROOT, policy(stmt("Allow", aws(ROOT), "\"kms:*\"", null),
                        stmt("Deny", "\"Principal\":\"*\"", "\"kms:PutKeyPolicy\"", null)), null, false),
                new Lockout("Put* keeps control", ADMIN, policy(stmt("Allow", aws(ADMIN), "\"kms:Put*\"", null)), null, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lockouts")
    void lockoutCheck(Lockout l) {
        PolicyDocument ip = l.identityPolicy() == null ? null : PolicyParser.parseIdentityPolicy(l.identityPolicy());
        boolean keeps = Authorization.callerKeepsControl(PolicyParser.parseKeyPolicy(l.newPolicy()), ip, ACCT,
                request(l.principal(), "kms:CreateKey", KEY, Map.of()));
        assertThat(keeps).as(l.name()).isEqualTo(l.keepsControl());
    }

    // ---- 5. account-level actions

    record AccountRow(String name, String principal, String identityPolicy, Reason expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<AccountRow> accountRows() {
        return Stream.of(
                new AccountRow("the root may create keys", ROOT, null, Reason.ALLOWED_BY_IDENTITY_POLICY),
                new AccountRow("a user without identity policy may not", ALICE, null, Reason.NO_IDENTITY_POLICY_ALLOWS),
                new AccountRow("a user whose identity policy allows kms:CreateKey may", ALICE,
                        identity(stmt("Allow", null, "\"kms:CreateKey\"", null)), Reason.ALLOWED_BY_IDENTITY_POLICY),
                new AccountRow("an identity policy scoped to key ARNs does not cover account actions", ALICE,
                        identity(stmt("Allow", null, "\"Action\":\"kms:*\"", "\"Resource\":\"arn:aws:kms:*:*:key/*\"", null)),
                        Reason.NO_IDENTITY_POLICY_ALLOWS),
                new AccountRow("an identity deny wins", ALICE, identity(stmt("Allow", null, "\"kms:*\"", null),
                        stmt("Deny", null, "\"kms:Create*\"", null)), Reason.EXPLICIT_DENY_IN_IDENTITY_POLICY),
                new AccountRow("another account's root may not create keys here", OTHER_ROOT, null, Reason.NO_IDENTITY_POLICY_ALLOWS),
                new AccountRow("another account's user may not either", CAROL, identity(stmt("Allow", null, "\"kms:*\"", null)),
                        Reason.NO_IDENTITY_POLICY_ALLOWS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accountRows")
    void accountLevel(AccountRow r) {
        PolicyDocument ip = r.identityPolicy() == null ? null : PolicyParser.parseIdentityPolicy(r.identityPolicy());
        Decision d = Authorization.onAccount(ip, ACCT, request(r.principal(), "kms:CreateKey", "*", Map.of()));
        assertThat(d.reason()).as(r.name()).isEqualTo(r.expected());
        if (!d.allowed()) {
            assertThat(d.message()).isEqualTo("User: " + r.principal() + " is not authorized to perform: kms:CreateKey "
                    + "on resource: * " + (r.expected() == Reason.EXPLICIT_DENY_IN_IDENTITY_POLICY
                    ? "with an explicit deny in an identity-based policy"
                    : "because no identity-based policy allows the kms:CreateKey action"));
        }
    }

    @Test
    void messagesHaveAwsShape() {
        PolicyDocument deny = PolicyParser.parseKeyPolicy(policy(stmt("Deny", aws(ALICE), "\"kms:*\"", null)));
        Decision d = Authorization.onKey(deny, null, ACCT, request(ALICE, "kms:Decrypt", KEY, Map.of()), "Decrypt",
                Map.of(), List.of());
        assertThat(d.message()).isEqualTo("User: " + ALICE + " is not authorized to perform: kms:Decrypt on resource: "
                + KEY + " with an explicit deny in a resource-based policy");
        PolicyDocument none = PolicyParser.parseKeyPolicy(policy(stmt("Allow", aws(BOB), "\"kms:*\"", null)));
        d = Authorization.onKey(none, null, ACCT, request(ALICE, "kms:Decrypt", KEY, Map.of()), "Decrypt", Map.of(), List.of());
        assertThat(d.message()).isEqualTo("User: " + ALICE + " is not authorized to perform: kms:Decrypt on resource: "
                + KEY + " because no resource-based policy allows the kms:Decrypt action");
    }

    @Test
    void wildcards() {
        assertThat(Wildcard.matches("a*b*c", "aXXbYYc")).isTrue();
        assertThat(Wildcard.matches("a*b*c", "aXXbYY")).isFalse();
        assertThat(Wildcard.matches("*", "")).isTrue();
        assertThat(Wildcard.matches("a?c", "abc")).isTrue();
        assertThat(Wildcard.matches("a?c", "ac")).isFalse();
        assertThat(Wildcard.matches("KMS:*", "kms:Decrypt", true)).isTrue();
        assertThat(Wildcard.matches("KMS:*", "kms:Decrypt", false)).isFalse();
    }

    // ---- 6. grants: what a grantee with CreateGrant may pass on, who may retire a grant

    record PassOn(String name, Set<String> parentOps, Map<String, String> parentEquals,
            Map<String, String> parentSubset, Set<String> ops, Map<String, String> equals, Map<String, String> subset,
            boolean allowed) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<PassOn> passOns() {
        Set<String> encCreate = Set.of("Encrypt", "Decrypt", "CreateGrant");
        Map<String, String> fin = Map.of("dept", "finance");
        Map<String, String> finTeam = Map.of("dept", "finance", "team", "a");
        return Stream.of(
                new PassOn("a subset of its operations", encCreate, null, null, Set.of("Encrypt"), null, null, true),
                new PassOn("all of its operations", encCreate, null, null, encCreate, null, null, true),
                new PassOn("an operation it does not have", encCreate, null, null, Set.of("Encrypt", "Sign"), null, null, false),
                new PassOn("without CreateGrant nothing", Set.of("Encrypt"), null, null, Set.of("Encrypt"), null, null, false),
                new PassOn("unconstrained parent: constraints may be added", encCreate, null, null, Set.of("Decrypt"), fin, null, true),
                new PassOn("Subset parent: same subset", encCreate, null, fin, Set.of("Encrypt"), null, fin, true),
                new PassOn("Subset parent: a larger subset is stricter", encCreate, null, fin, Set.of("Encrypt"), null, finTeam, true),
                new PassOn("Subset parent: an Equals containing its pairs", encCreate, null, fin, Set.of("Encrypt"), finTeam, null, true),
                new PassOn("Subset parent: no constraints is weaker", encCreate, null, fin, Set.of("Encrypt"), null, null, false),
                new PassOn("Subset parent: another value is weaker", encCreate, null, fin, Set.of("Encrypt"), null, Map.of("dept", "hr"), false),
                new PassOn("Subset parent: an Equals without its pairs", encCreate, null, fin, Set.of("Encrypt"), Map.of("x", "y"), null, false),
                new PassOn("Equals parent: the same Equals", encCreate, fin, null, Set.of("Encrypt"), fin, null, true),
                new PassOn("Equals parent: a Subset is weaker", encCreate, fin, null, Set.of("Encrypt"), null, fin, false),
                new PassOn("Equals parent: another Equals", encCreate, fin, null, Set.of("Encrypt"), finTeam, null, false),
                new PassOn("Equals parent: no constraints", encCreate, fin, null, Set.of("Encrypt"), null, null, false),
                new PassOn("both in the parent: both needed", encCreate, finTeam, fin, Set.of("Encrypt"), finTeam, null, true),
                new PassOn("both in the parent: Subset alone is weaker", encCreate, finTeam, fin, Set.of("Encrypt"), null, finTeam, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passOns")
    void passOn(PassOn p) {
        GrantTerms parent = new GrantTerms("p", BOB, p.parentOps(), p.parentEquals(), p.parentSubset());
        assertThat(parent.mayPassOn(p.ops(), p.equals(), p.subset())).as(p.name()).isEqualTo(p.allowed());
    }

    record Retire(String name, String caller, String grantee, String retiring, Set<String> ops, boolean allowed) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Retire> retirements() {
        return Stream.of(
                new Retire("the retiring principal", ALICE, BOB, ALICE, Set.of("Encrypt"), true),
                new Retire("the grantee of a grant listing RetireGrant", BOB, BOB, null, Set.of("Encrypt", "RetireGrant"), true),
                new Retire("the grantee of a grant without RetireGrant", BOB, BOB, null, Set.of("Encrypt"), false),
                new Retire("the grantee that is also the retiring principal", BOB, BOB, BOB, Set.of("Encrypt"), true),
                new Retire("the issuing account's root", ROOT, BOB, ALICE, Set.of("Encrypt"), true),
                new Retire("another account's root", OTHER_ROOT, BOB, ALICE, Set.of("Encrypt"), false),
                new Retire("a key administrator, by the grant alone", ADMIN, BOB, ALICE, Set.of("Encrypt", "RetireGrant"), false),
                new Retire("a principal of another account named as retiring principal", CAROL, BOB, CAROL, Set.of("Encrypt"), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("retirements")
    void retirement(Retire r) {
        assertThat(GrantRetirement.mayRetire(r.caller(), r.grantee(), r.retiring(), ACCT, r.ops()))
                .as(r.name()).isEqualTo(r.allowed());
    }
}
