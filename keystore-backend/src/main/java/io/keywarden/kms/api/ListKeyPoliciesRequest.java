package io.keywarden.kms.api;

/** The request of ListKeyPolicies. */
public record ListKeyPoliciesRequest(String keyId, Integer limit, String marker) {
}
