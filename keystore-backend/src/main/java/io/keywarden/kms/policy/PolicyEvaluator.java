package io.keywarden.kms.policy;

/**
 * Evaluates one policy against one request: a statement applies when its principal (key policies
 * only), action, resource and conditions all match. Any applying Deny makes the result an explicit
 * deny; otherwise the strongest applying Allow (DIRECT over ACCOUNT) is kept. A Deny that names an
 * account applies to every principal of the account; {@code NotPrincipal} applies to every caller no
 * listed principal matches (a listed account matches all its principals).
 */
public final class PolicyEvaluator {

    private PolicyEvaluator() {
    }

    public static PolicyResult evaluate(PolicyDocument policy, RequestContext request) {
        PrincipalSet.Match best = PrincipalSet.Match.NONE;
        String bestSid = null;
        for (Statement s : policy.statements()) {
            PrincipalSet.Match who = principalMatch(s, request);
            if (who == PrincipalSet.Match.NONE
                    || !s.coversAction(request.action())
                    || !s.coversResource(request.resource())
                    || !ConditionEvaluator.allHold(s.conditions(), request)) {
                continue;
            }
            if (s.effect() == Effect.Deny) {
                return new PolicyResult(true, PrincipalSet.Match.NONE, s.sid());
            }
            if (who.compareTo(best) > 0) {
                best = who;
                bestSid = s.sid();
            }
        }
        return best == PrincipalSet.Match.NONE ? PolicyResult.NONE : new PolicyResult(false, best, bestSid);
    }

    private static PrincipalSet.Match principalMatch(Statement s, RequestContext r) {
        if (s.principal() != null) {
            return s.principal().match(r.principalArn(), r.principalAccount());
        }
        if (s.notPrincipal() != null) {
            return s.notPrincipal().match(r.principalArn(), r.principalAccount()) == PrincipalSet.Match.NONE
                    ? PrincipalSet.Match.DIRECT : PrincipalSet.Match.NONE;
        }
        return PrincipalSet.Match.DIRECT; // an identity policy: it is the caller's own
    }
}
