package io.keywarden.kms.policy;

import java.util.Map;
import java.util.Set;

/**
 * What a grant allows, as authorization sees it: the grantee, the operations (AWS names such as
 * {@code Decrypt}) and the optional encryption context constraints.
 */
public record GrantTerms(String grantId, String granteePrincipal, Set<String> operations,
        Map<String, String> encryptionContextEquals, Map<String, String> encryptionContextSubset) {

    public GrantTerms {
        operations = Set.copyOf(operations);
        encryptionContextEquals = encryptionContextEquals == null ? null : Map.copyOf(encryptionContextEquals);
        encryptionContextSubset = encryptionContextSubset == null ? null : Map.copyOf(encryptionContextSubset);
    }

    /**
     * Whether this grant lets {@code principalArn} perform {@code operation} with {@code context}
     * (the request's encryption context, empty when none). The constraints do not apply to
     * DescribeKey and RetireGrant: EncryptionContextEquals needs exactly the same pairs
     * (case-sensitive), EncryptionContextSubset needs the request to contain its pairs.
     */
    public boolean allows(String principalArn, String operation, Map<String, String> context) {
        if (!granteePrincipal.equals(principalArn) || !operations.contains(operation)) {
            return false;
        }
        if (operation.equals("DescribeKey") || operation.equals("RetireGrant")) {
            return true;
        }
        Map<String, String> ec = context == null ? Map.of() : context;
        if (encryptionContextEquals != null && !encryptionContextEquals.equals(ec)) {
            return false;
        }
        return encryptionContextSubset == null || ec.entrySet().containsAll(encryptionContextSubset.entrySet());
    }
}
