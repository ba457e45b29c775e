package io.keywarden.kms.policy;

import java.util.Set;

/**
 * Who may retire a grant without a policy saying so, as AWS KMS has it: the grant's retiring
 * principal, its grantee when the grant lists RetireGrant, and the root of the account that issued
 * it. (A principal that a key policy or identity policy allows {@code kms:RetireGrant} on the key
 * may retire its grants too; the engine asks {@link Authorization} for that.)
 */
public final class GrantRetirement {

    private GrantRetirement() {
    }

    /**
     * @param caller the caller's principal ARN
     * @param grantee the grant's grantee principal
     * @param retiringPrincipal the grant's retiring principal, or null
     * @param issuingAccount the account that created the grant
     * @param operations the grant's operations (AWS names)
     */
    public static boolean mayRetire(String caller, String grantee, String retiringPrincipal, String issuingAccount,
            Set<String> operations) {
        if (caller.equals(retiringPrincipal)) {
            return true;
        }
        if (caller.equals(grantee) && operations.contains("RetireGrant")) {
            return true;
        }
        return caller.equals(PrincipalSet.rootOf(issuingAccount));
    }
}
