package io.keywarden.kms.api;

import java.util.List;

/** The response of ListKeyPolicies: always {@code ["default"]}, as in AWS KMS. */
public record ListKeyPoliciesResponse(List<String> policyNames, String nextMarker, boolean truncated) {
}
