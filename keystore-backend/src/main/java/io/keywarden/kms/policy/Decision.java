package io.keywarden.kms.policy;

/**
 * The outcome of an authorization and why. A refusal's {@link #message} has AWS's shape:
 * {@code User: <arn> is not authorized to perform: kms:Decrypt on resource: <key arn> because no
 * resource-based policy allows the kms:Decrypt action}, or {@code … with an explicit deny in a
 * resource-based policy}.
 */
public record Decision(Reason reason, String message) {

    /** Why a request was allowed or refused. */
    public enum Reason {
        ALLOWED_BY_KEY_POLICY(true),
        ALLOWED_BY_IDENTITY_POLICY(true),
        ALLOWED_BY_GRANT(true),
        EXPLICIT_DENY_IN_KEY_POLICY(false),
        EXPLICIT_DENY_IN_IDENTITY_POLICY(false),
        NO_KEY_POLICY_ALLOWS(false),
        NO_IDENTITY_POLICY_ALLOWS(false);

        private final boolean allowed;

        Reason(boolean allowed) {
            this.allowed = allowed;
        }

        public boolean allowed() {
            return allowed;
        }
    }

    public boolean allowed() {
        return reason.allowed();
    }

    static Decision of(Reason reason, RequestContext r) {
        String head = "User: " + r.principalArn() + " is not authorized to perform: " + r.action()
                + " on resource: " + r.resource();
        String message = switch (reason) {
            case EXPLICIT_DENY_IN_KEY_POLICY -> head + " with an explicit deny in a resource-based policy";
            case EXPLICIT_DENY_IN_IDENTITY_POLICY -> head + " with an explicit deny in an identity-based policy";
            case NO_KEY_POLICY_ALLOWS -> head + " because no resource-based policy allows the " + r.action() + " action";
            case NO_IDENTITY_POLICY_ALLOWS -> head + " because no identity-based policy allows the " + r.action()
                    + " action";
            default -> null;
        };
        return new Decision(reason, message);
    }
}
