package io.keywarden.kms.api;

/** The request of PutKeyPolicy, with AWS KMS's members; {@code policyName} is {@code default} or null. */
public record PutKeyPolicyRequest(String keyId, String policyName, String policy,
        Boolean bypassPolicyLockoutSafetyCheck) {
}
