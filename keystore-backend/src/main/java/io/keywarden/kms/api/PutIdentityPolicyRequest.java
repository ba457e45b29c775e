package io.keywarden.kms.api;

/**
 * A Keywarden extension: sets (or, with a null policy, removes) the identity policy of an IAM
 * principal, the stand-in for the IAM policies attached to a user or role. Only the root of the
 * principal's account may call it. See docs/policy.md.
 */
public record PutIdentityPolicyRequest(String principalArn, String policy) {
}
