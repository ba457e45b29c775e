package io.keywarden.kms.cli;

import io.keywarden.kms.api.GetIdentityPolicyRequest;
import io.keywarden.kms.api.GetKeyPolicyRequest;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.ListKeyPoliciesRequest;
import io.keywarden.kms.api.PutIdentityPolicyRequest;
import io.keywarden.kms.api.PutKeyPolicyRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Key policies, and the Keywarden extension for identity policies (docs/policy.md). */
final class PolicyCommands {

    private PolicyCommands() {
    }

    @Command(name = "put-key-policy", description = "Replaces a key's policy (checked, then stored as given).")
    static final class PutKeyPolicy extends KmsOperation {
        @Option(names = "--key-id", required = true, paramLabel = "KEY", description = "Key id or key ARN.")
        String keyId;

        @Option(names = "--policy-name", paramLabel = "NAME", description = "The policy name: default.")
        String policyName;

        @Option(names = "--policy", required = true, paramLabel = "TEXT", converter = TextArgument.class,
                description = "The key policy (JSON), or file://FILE.")
        String policy;

        @Option(names = "--bypass-policy-lockout-safety-check", negatable = true,
                description = "Skips the check that you could still change the policy afterwards.")
        Boolean bypass;

        @Override
        protected Object invoke(KmsBackend kms) {
            kms.putKeyPolicy(new PutKeyPolicyRequest(keyId, policyName, policy, bypass));
            return null;
        }
    }

    @Command(name = "get-key-policy", description = "Shows a key's policy.")
    static final class GetKeyPolicy extends KmsOperation {
        @Option(names = "--key-id", required = true, paramLabel = "KEY", description = "Key id or key ARN.")
        String keyId;

        @Option(names = "--policy-name", paramLabel = "NAME", description = "The policy name: default.")
        String policyName;

        @Override
        protected Object invoke(KmsBackend kms) {
            return kms.getKeyPolicy(new GetKeyPolicyRequest(keyId, policyName));
        }
    }

    @Command(name = "list-key-policies", description = "Lists the names of a key's policies (always default).")
    static final class ListKeyPolicies extends KmsOperation {
        @Option(names = "--key-id", required = true, paramLabel = "KEY", description = "Key id or key ARN.")
        String keyId;

        @Option(names = "--limit", paramLabel = "N", description = "At most N names.")
        Integer limit;

        @Option(names = "--marker", paramLabel = "MARKER", description = "The NextMarker of the previous page.")
        String marker;

        @Override
        protected Object invoke(KmsBackend kms) {
            return kms.listKeyPolicies(new ListKeyPoliciesRequest(keyId, limit, marker));
        }
    }

    @Command(name = "put-identity-policy",
            description = "Keywarden extension: sets the identity policy of a user or role (the account root only).")
    static final class PutIdentityPolicy extends KmsOperation {
        @Option(names = "--principal-arn", required = true, paramLabel = "ARN", description = "The user or role.")
        String principalArn;

        @Option(names = "--policy", paramLabel = "TEXT", converter = TextArgument.class,
                description = "The identity policy (JSON), or file://FILE; omitted: removes it.")
        String policy;

        @Override
        protected Object invoke(KmsBackend kms) {
            kms.putIdentityPolicy(new PutIdentityPolicyRequest(principalArn, policy));
            return null;
        }
    }

    @Command(name = "get-identity-policy", description = "Keywarden extension: shows the identity policy of a principal.")
    static final class GetIdentityPolicy extends KmsOperation {
        @Option(names = "--principal-arn", required = true, paramLabel = "ARN", description = "The user or role.")
        String principalArn;

        @Override
        protected Object invoke(KmsBackend kms) {
            return kms.getIdentityPolicy(new GetIdentityPolicyRequest(principalArn));
        }
    }
}
