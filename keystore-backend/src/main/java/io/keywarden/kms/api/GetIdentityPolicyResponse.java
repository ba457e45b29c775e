package io.keywarden.kms.api;

/** The identity policy of a principal; {@code policy} is null when it has none. */
public record GetIdentityPolicyResponse(String principalArn, String policy) {
}
