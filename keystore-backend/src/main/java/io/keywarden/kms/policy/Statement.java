package io.keywarden.kms.policy;

import java.util.List;

/**
 * One statement of a policy. Exactly one of {@code principal}/{@code notPrincipal} is set in a key
 * policy, neither in an identity policy; {@code actions} are patterns, negated when
 * {@code notAction}; {@code resources} likewise with {@code notResource}. All conditions must hold.
 */
public record Statement(
        String sid,
        Effect effect,
        PrincipalSet principal,
        PrincipalSet notPrincipal,
        List<String> actions,
        boolean notAction,
        List<String> resources,
        boolean notResource,
        List<ConditionClause> conditions) {

    public Statement {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        conditions = List.copyOf(conditions);
    }

    /** Whether the action (for example {@code kms:Decrypt}) is one this statement is about. */
    public boolean coversAction(String action) {
        boolean listed = actions.stream().anyMatch(p -> Wildcard.matches(p, action, true));
        return listed != notAction;
    }

    /** Whether the resource (a key ARN, or {@code *} for account-level actions) is one this statement is about. */
    public boolean coversResource(String resource) {
        boolean listed = resources.stream().anyMatch(p -> p.equals("*") || Wildcard.matches(p, resource));
        return listed != notResource;
    }
}
