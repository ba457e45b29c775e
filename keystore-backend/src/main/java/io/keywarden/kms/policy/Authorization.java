package io.keywarden.kms.policy;

import java.util.List;
import java.util.Map;

/**
 * AWS KMS's evaluation of a request, as one pure function of the policies and grants that apply:
 * <ol>
 *   <li>an explicit Deny in the key policy or the caller's identity policy refuses;</li>
 *   <li>the key policy allows the caller directly (a caller of another account also needs its own
 *       identity policy), or it allows the caller's account and the account's rules allow: the
 *       account root always, another principal when its identity policy allows;</li>
 *   <li>otherwise a grant for the caller and operation (its constraints met) allows;</li>
 *   <li>otherwise the request is refused.</li>
 * </ol>
 * Account-level actions (CreateKey, ListKeys, ListAliases, GenerateRandom, ListRetirableGrants)
 * have no key policy: the account root, or an identity policy of the key's account, must allow.
 */
public final class Authorization {

    private Authorization() {
    }

    /**
     * Decides a request on a key.
     *
     * @param keyPolicy the key's policy
     * @param identityPolicy the caller's identity policy, or null when it has none
     * @param keyAccount the account that owns the key
     * @param operation the AWS operation name a grant must list ({@code Decrypt}; {@code ReEncryptFrom})
     * @param context the request's encryption context (for grant constraints), empty when none
     * @param grants the key's grants the caller may use (grants for other grantees never match)
     */
    public static Decision onKey(PolicyDocument keyPolicy, PolicyDocument identityPolicy, String keyAccount,
            RequestContext request, String operation, Map<String, String> context, List<GrantTerms> grants) {
        PolicyResult kp = PolicyEvaluator.evaluate(keyPolicy, request);
        PolicyResult ip = identityPolicy == null ? PolicyResult.NONE : PolicyEvaluator.evaluate(identityPolicy, request);
        if (kp.explicitDeny()) {
            return Decision.of(Decision.Reason.EXPLICIT_DENY_IN_KEY_POLICY, request);
        }
        if (ip.explicitDeny()) {
            return Decision.of(Decision.Reason.EXPLICIT_DENY_IN_IDENTITY_POLICY, request);
        }
        boolean accountAllows = isRoot(request) || ip.allows();
        boolean sameAccount = request.principalAccount().equals(keyAccount);
        if (kp.allow() == PrincipalSet.Match.DIRECT && (sameAccount || accountAllows)) {
            return Decision.of(Decision.Reason.ALLOWED_BY_KEY_POLICY, request);
        }
        if (kp.allow() == PrincipalSet.Match.ACCOUNT && accountAllows) {
            return Decision.of(Decision.Reason.ALLOWED_BY_IDENTITY_POLICY, request);
        }
        for (GrantTerms g : grants) {
            if (g.allows(request.principalArn(), operation, context)) {
                return Decision.of(Decision.Reason.ALLOWED_BY_GRANT, request);
            }
        }
        // The key policy named the caller (or its account), but the caller's own account did not agree.
        return Decision.of(kp.allow() != PrincipalSet.Match.NONE
                ? Decision.Reason.NO_IDENTITY_POLICY_ALLOWS : Decision.Reason.NO_KEY_POLICY_ALLOWS, request);
    }

    /** Decides an account-level action ({@code resource} is {@code *}) in {@code account}. */
    public static Decision onAccount(PolicyDocument identityPolicy, String account, RequestContext request) {
        PolicyResult ip = identityPolicy == null ? PolicyResult.NONE : PolicyEvaluator.evaluate(identityPolicy, request);
        if (ip.explicitDeny()) {
            return Decision.of(Decision.Reason.EXPLICIT_DENY_IN_IDENTITY_POLICY, request);
        }
        if (request.principalAccount().equals(account) && (isRoot(request) || ip.allows())) {
            return Decision.of(Decision.Reason.ALLOWED_BY_IDENTITY_POLICY, request);
        }
        return Decision.of(Decision.Reason.NO_IDENTITY_POLICY_ALLOWS, request);
    }

    /**
     * The lockout safety check: whether, under {@code newPolicy}, the caller could still call
     * PutKeyPolicy on the key (ignoring grants, as AWS does).
     */
    public static boolean callerKeepsControl(PolicyDocument newPolicy, PolicyDocument identityPolicy,
            String keyAccount, RequestContext request) {
        RequestContext put = request.withAction("kms:PutKeyPolicy");
        return onKey(newPolicy, identityPolicy, keyAccount, put, "PutKeyPolicy", Map.of(), List.of()).allowed();
    }

    private static boolean isRoot(RequestContext r) {
        return r.principalArn().equals(PrincipalSet.rootOf(r.principalAccount()));
    }
}
