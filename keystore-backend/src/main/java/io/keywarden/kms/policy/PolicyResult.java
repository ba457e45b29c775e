package io.keywarden.kms.policy;

/**
 * What one policy says about one request: whether a Deny statement applies, and whether an Allow
 * statement applies naming the caller directly (or {@code "*"}) or only through its account.
 * {@code sid} names the deciding statement when it has one.
 */
public record PolicyResult(boolean explicitDeny, PrincipalSet.Match allow, String sid) {

    public static final PolicyResult NONE = new PolicyResult(false, PrincipalSet.Match.NONE, null);

    public boolean allows() {
        return !explicitDeny && allow != PrincipalSet.Match.NONE;
    }
}
