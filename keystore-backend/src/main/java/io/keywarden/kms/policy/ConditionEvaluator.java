package io.keywarden.kms.policy;

import java.util.List;

/**
 * Evaluates condition clauses against a {@link RequestContext}, as IAM does:
 * <ul>
 *   <li>all clauses of a statement must hold; within a clause, any one policy value may match;</li>
 *   <li>a negated operator ({@code StringNotEquals}, {@code …NotLike}, …) holds for a request value
 *       that matches none of the policy values, and for an absent key;</li>
 *   <li>{@code …IfExists}: an absent key makes the clause hold;</li>
 *   <li>{@code ForAnyValue:} holds when at least one request value satisfies the operator (never for
 *       an absent or empty key); {@code ForAllValues:} when every request value does (always for an
 *       absent or empty key); without a qualifier a positive operator needs one matching value and a
 *       negated one needs all;</li>
 *   <li>{@code Null: true} holds when the key is absent, {@code Null: false} when it is present.</li>
 * </ul>
 */
public final class ConditionEvaluator {

    private ConditionEvaluator() {
    }

    /** Whether every clause holds. */
    public static boolean allHold(List<ConditionClause> clauses, RequestContext request) {
        for (ConditionClause c : clauses) {
            if (!holds(c, request)) {
                return false;
            }
        }
        return true;
    }

    /** Whether one clause holds. */
    public static boolean holds(ConditionClause clause, RequestContext request) {
        List<String> requestValues = request.values(clause.key());
        boolean present = requestValues != null && !requestValues.isEmpty();
        ConditionOperators.Operator op = clause.operator();
        if (op.name().equals("Null")) {
            return clause.values().stream().anyMatch(v -> Boolean.parseBoolean(v.toLowerCase()) != present);
        }
        if (!present) {
            if (clause.ifExists()) {
                return true;
            }
            return switch (clause.qualifier()) {
                case FOR_ALL_VALUES -> true;
                case FOR_ANY_VALUE -> false;
                case NONE -> op.negated();
            };
        }
        return switch (clause.qualifier()) {
            case FOR_ANY_VALUE -> requestValues.stream().anyMatch(r -> one(op, r, clause.values()));
            case FOR_ALL_VALUES -> requestValues.stream().allMatch(r -> one(op, r, clause.values()));
            case NONE -> op.negated()
                    ? requestValues.stream().allMatch(r -> one(op, r, clause.values()))
                    : requestValues.stream().anyMatch(r -> one(op, r, clause.values()));
        };
    }

    /** Whether one request value satisfies the operator against the clause's policy values. */
    private static boolean one(ConditionOperators.Operator op, String requestValue, List<String> policyValues) {
        boolean any = false;
        for (String p : policyValues) {
            if (op.test().test(requestValue, p)) {
                any = true;
                break;
            }
        }
        return any != op.negated();
    }
}
