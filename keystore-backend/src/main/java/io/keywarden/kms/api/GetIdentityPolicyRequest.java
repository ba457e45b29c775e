package io.keywarden.kms.api;

/** A Keywarden extension: reads the identity policy of a principal (its account root or itself may). */
public record GetIdentityPolicyRequest(String principalArn) {
}
