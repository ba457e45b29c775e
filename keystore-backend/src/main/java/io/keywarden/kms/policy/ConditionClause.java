package io.keywarden.kms.policy;

import java.util.List;

/**
 * One key of one operator block of a Condition: {@code "ForAnyValue:StringLikeIfExists": {"kms:X": [..]}}
 * is the clause (StringLike, FOR_ANY_VALUE, ifExists, kms:X, [..]). Values are kept as text, already
 * checked against the operator's type.
 */
public record ConditionClause(ConditionOperators.Operator operator, Qualifier qualifier, boolean ifExists,
        String key, List<String> values) {

    public ConditionClause {
        values = List.copyOf(values);
    }
}
