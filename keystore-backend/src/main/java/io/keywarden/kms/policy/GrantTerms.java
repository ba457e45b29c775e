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
     * DescribeKey and RetireGrant; for CreateGrant they are checked on the grant being created
     * instead ({@link #mayPassOn}). EncryptionContextEquals needs exactly the same pairs
     * (case-sensitive), EncryptionContextSubset needs the request to contain its pairs.
     */
    public boolean allows(String principalArn, String operation, Map<String, String> context) {
        if (!granteePrincipal.equals(principalArn) || !operations.contains(operation)) {
            return false;
        }
        if (operation.equals("DescribeKey") || operation.equals("RetireGrant") || operation.equals("CreateGrant")) {
            return true;
        }
        Map<String, String> ec = context == null ? Map.of() : context;
        if (encryptionContextEquals != null && !encryptionContextEquals.equals(ec)) {
            return false;
        }
        return encryptionContextSubset == null || ec.entrySet().containsAll(encryptionContextSubset.entrySet());
    }

    /**
     * Whether this grant lets its grantee create a grant with {@code ops} and these constraints: it
     * lists CreateGrant, {@code ops} are a subset of its own operations, and the new constraints are
     * not weaker — every encryption context the new grant would accept, this one accepts too. Under
     * EncryptionContextEquals the new grant needs the same EncryptionContextEquals; under
     * EncryptionContextSubset it needs an EncryptionContextEquals or EncryptionContextSubset that
     * contains this grant's pairs.
     */
    public boolean mayPassOn(Set<String> ops, Map<String, String> newEquals, Map<String, String> newSubset) {
        if (!operations.contains("CreateGrant") || !operations.containsAll(ops)) {
            return false;
        }
        if (encryptionContextEquals != null && !encryptionContextEquals.equals(newEquals)) {
            return false;
        }
        return encryptionContextSubset == null
                || contains(newEquals, encryptionContextSubset) || contains(newSubset, encryptionContextSubset);
    }

    private static boolean contains(Map<String, String> outer, Map<String, String> inner) {
        return outer != null && outer.entrySet().containsAll(inner.entrySet());
    }
}
