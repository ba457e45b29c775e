package io.keywarden.kms.api;

/** The response of GetKeyPolicy: the policy document as stored, and its name ({@code default}). */
public record GetKeyPolicyResponse(String policy, String policyName) {
}
