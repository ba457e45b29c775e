package io.keywarden.kms.policy;

import java.util.List;

/**
 * The principals a statement names: everyone ({@code "*"}), or IAM ARNs (an account id is kept as
 * its root ARN, {@code arn:aws:iam::<account>:root}), and service principals, which never match an
 * IAM caller.
 */
public record PrincipalSet(boolean everyone, List<String> arns, List<String> services) {

    /** How a caller is named by a set. */
    public enum Match {
        /** Not named. */
        NONE,
        /** Named through its account: the account's own (identity) policies must also allow. */
        ACCOUNT,
        /** Named itself, or by {@code "*"}. */
        DIRECT
    }

    public PrincipalSet {
        arns = List.copyOf(arns);
        services = List.copyOf(services);
    }

    /** How {@code callerArn} of {@code callerAccount} is named by this set. */
    public Match match(String callerArn, String callerAccount) {
        if (everyone) {
            return Match.DIRECT;
        }
        Match best = Match.NONE;
        for (String arn : arns) {
            if (arn.equals(callerArn)) {
                return Match.DIRECT;
            }
            if (arn.equals(rootOf(callerAccount))) {
                best = Match.ACCOUNT;
            }
        }
        return best;
    }

    /** {@code arn:aws:iam::<account>:root}. */
    public static String rootOf(String account) {
        return "arn:aws:iam::" + account + ":root";
    }
}
