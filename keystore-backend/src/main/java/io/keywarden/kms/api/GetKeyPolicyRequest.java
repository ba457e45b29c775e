package io.keywarden.kms.api;

/** The request of GetKeyPolicy; {@code policyName} is {@code default} or null. */
public record GetKeyPolicyRequest(String keyId, String policyName) {
}
