package io.keywarden.kms.engine;

import io.keywarden.kms.api.Caller;
import io.keywarden.kms.api.GetIdentityPolicyRequest;
import io.keywarden.kms.api.GetIdentityPolicyResponse;
import io.keywarden.kms.api.GetKeyPolicyRequest;
import io.keywarden.kms.api.GetKeyPolicyResponse;
import io.keywarden.kms.api.ListKeyPoliciesRequest;
import io.keywarden.kms.api.ListKeyPoliciesResponse;
import io.keywarden.kms.api.PutIdentityPolicyRequest;
import io.keywarden.kms.api.PutKeyPolicyRequest;
import io.keywarden.kms.api.errors.AccessDeniedException;
import io.keywarden.kms.api.errors.NotFoundException;
import io.keywarden.kms.api.errors.ValidationException;
import io.keywarden.kms.policy.PolicyDocument;
import io.keywarden.kms.policy.PolicyParser;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * PutKeyPolicy, GetKeyPolicy, ListKeyPolicies (one policy per key, named {@code default}), and the
 * Keywarden extensions PutIdentityPolicy and GetIdentityPolicy (the account's own rules, which a key
 * policy that allows the account root delegates to).
 */
final class PolicyOperations {

    static final String DEFAULT_NAME = "default";

    private final EngineContext ctx;

    PolicyOperations(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** Parses a key policy, refusing a malformed one; the lockout check is the caller's to make. */
    static PolicyDocument parseKeyPolicy(String policy) {
        return PolicyParser.parseKeyPolicy(policy);
    }

    void putKeyPolicy(PutKeyPolicyRequest request) {
        checkName(request.policyName());
        String policy = Validate.required(request.policy(), "policy");
        PolicyDocument parsed = parseKeyPolicy(policy);
        boolean bypass = Boolean.TRUE.equals(request.bypassPolicyLockoutSafetyCheck());
        ctx.writeKey(Operation.PUT_KEY_POLICY, request.keyId(), (tx, key) -> {
            if (!bypass) {
                ctx.authorizer.checkLockout(tx, ctx.call, parsed, key);
            }
            tx.putKey(key.withPolicy(policy));
            return null;
        });
    }

    GetKeyPolicyResponse getKeyPolicy(GetKeyPolicyRequest request) {
        checkName(request.policyName());
        return ctx.readKey(Operation.GET_KEY_POLICY, request.keyId(),
                (tx, key) -> new GetKeyPolicyResponse(key.policy(), DEFAULT_NAME));
    }

    ListKeyPoliciesResponse listKeyPolicies(ListKeyPoliciesRequest request) {
        Paging.limit(request.limit());
        String after = Paging.after(request.marker());
        return ctx.readKey(Operation.LIST_KEY_POLICIES, request.keyId(), (tx, key) ->
                new ListKeyPoliciesResponse(after == null ? List.of(DEFAULT_NAME) : List.of(), null, false));
    }

    void putIdentityPolicy(PutIdentityPolicyRequest request) {
        Caller target = principal(request.principalArn());
        requireAccountRoot(target, "PutIdentityPolicy");
        if (target.isRoot()) {
            throw new ValidationException("The account root is not subject to identity policies; "
                    + "name a user or role.");
        }
        String policy = request.policy();
        if (policy != null) {
            PolicyParser.parseIdentityPolicy(policy);
        }
        ctx.store.write(tx -> {
            if (policy == null) {
                tx.deleteIdentityPolicy(target.principalArn());
            } else {
                tx.putIdentityPolicy(target.principalArn(), target.account(), policy,
                        ctx.now().truncatedTo(ChronoUnit.MILLIS));
            }
            return null;
        });
    }

    GetIdentityPolicyResponse getIdentityPolicy(GetIdentityPolicyRequest request) {
        Caller target = principal(request.principalArn());
        if (!ctx.call.caller().principalArn().equals(target.principalArn())) {
            requireAccountRoot(target, "GetIdentityPolicy");
        }
        String policy = ctx.store.read(tx -> tx.findIdentityPolicy(target.principalArn()).orElse(null));
        return new GetIdentityPolicyResponse(target.principalArn(), policy);
    }

    private static Caller principal(String arn) {
        return Caller.of(Validate.required(arn, "principalArn"));
    }

    /** Only the root of the principal's account manages its identity policies. */
    private void requireAccountRoot(Caller target, String operation) {
        Caller caller = ctx.call.caller();
        if (!caller.isRoot() || !caller.account().equals(target.account())) {
            throw new AccessDeniedException("User: " + caller.principalArn() + " is not authorized to perform: "
                    + "keywarden:" + operation + " on resource: " + target.principalArn()
                    + " because only the root of account " + target.account() + " manages its identity policies");
        }
    }

    private static void checkName(String name) {
        if (name != null && !name.equals(DEFAULT_NAME)) {
            throw new NotFoundException("No such policy exists: the only key policy name is '" + DEFAULT_NAME + "'.");
        }
    }
}
