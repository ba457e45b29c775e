package io.keywarden.kms.cli;

import io.keywarden.kms.api.CreateGrantRequest;
import io.keywarden.kms.api.GrantConstraints;
import io.keywarden.kms.api.GrantOperation;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.ListGrantsRequest;
import io.keywarden.kms.api.ListRetirableGrantsRequest;
import io.keywarden.kms.api.RetireGrantRequest;
import io.keywarden.kms.api.RevokeGrantRequest;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Grants, with the AWS CLI's option names (docs/policy.md, "Grants"). */
final class GrantCommands {

    private GrantCommands() {
    }

    @Command(name = "create-grant", description = "Lets a principal use a key for some operations; prints the grant "
            + "token (a secret) and the grant id.")
    static final class CreateGrant extends KmsOperation {
        @Option(names = "--key-id", required = true, paramLabel = "KEY", description = "Key id or key ARN.")
        String keyId;

        @Option(names = "--grantee-principal", required = true, paramLabel = "ARN", description = "Who may use the key.")
        String grantee;

        @Option(names = "--retiring-principal", paramLabel = "ARN", description = "Who may retire the grant.")
        String retiring;

        @Option(names = "--operations", required = true, arity = "1..*", paramLabel = "OP",
                description = "Grant operations: ${COMPLETION-CANDIDATES}.")
        List<GrantOperation> operations;

        @Option(names = "--constraints", paramLabel = "CONSTRAINTS", converter = GrantConstraintsArgument.class,
                description = "EncryptionContextEquals={k=v,…} and/or EncryptionContextSubset={k=v,…}, JSON, or file://FILE.")
        GrantConstraints constraints;

        @Option(names = "--grant-tokens", arity = "1..*", paramLabel = "TOKEN", description = "Grant tokens.")
        List<String> grantTokens;

        @Option(names = "--name", paramLabel = "NAME", description = "A name that makes retries idempotent.")
        String name;

        @Override
        protected Object invoke(KmsBackend kms) {
            return kms.createGrant(CreateGrantRequest.builder().keyId(keyId).granteePrincipal(grantee)
                    .retiringPrincipal(retiring).operations(operations).constraints(constraints)
                    .grantTokens(strings("--grant-tokens", grantTokens)).name(name).build());
        }
    }

    @Command(name = "list-grants", description = "Lists the grants of a key.")
    static final class ListGrants extends KmsOperation {
        @Option(names = "--key-id", required = true, paramLabel = "KEY", description = "Key id or key ARN.")
        String keyId;

        @Option(names = "--grant-id", paramLabel = "ID", description = "Only this grant.")
        String grantId;

        @Option(names = "--grantee-principal", paramLabel = "ARN", description = "Only grants for this grantee.")
        String grantee;

        @Option(names = "--limit", paramLabel = "N", description = "At most N grants.")
        Integer limit;

        @Option(names = "--marker", paramLabel = "MARKER", description = "The NextMarker of the previous page.")
        String marker;

        @Override
        protected Object invoke(KmsBackend kms) {
            return kms.listGrants(new ListGrantsRequest(keyId, grantId, grantee, limit, marker));
        }
    }

    @Command(name = "list-retirable-grants", description = "Lists the grants a principal may retire.")
    static final class ListRetirableGrants extends KmsOperation {
        @Option(names = "--retiring-principal", required = true, paramLabel = "ARN", description = "The retiring principal.")
        String retiring;

        @Option(names = "--limit", paramLabel = "N", description = "At most N grants.")
        Integer limit;

        @Option(names = "--marker", paramLabel = "MARKER", description = "The NextMarker of the previous page.")
        String marker;

        @Override
        protected Object invoke(KmsBackend kms) {
            return kms.listRetirableGrants(new ListRetirableGrantsRequest(retiring, limit, marker));
        }
    }

    @Command(name = "retire-grant", description = "Retires a grant, named by its token or by key and grant id.")
    static final class RetireGrant extends KmsOperation {
        @Option(names = "--grant-token", paramLabel = "TOKEN", description = "The grant's token.")
        String grantToken;

        @Option(names = "--key-id", paramLabel = "KEY", description = "Key id or key ARN (with --grant-id).")
        String keyId;

        @Option(names = "--grant-id", paramLabel = "ID", description = "The grant id (with --key-id).")
        String grantId;

        @Override
        protected Object invoke(KmsBackend kms) {
            kms.retireGrant(new RetireGrantRequest(grantToken, keyId, grantId));
            return null;
        }
    }

    @Command(name = "revoke-grant", description = "Revokes a grant (key administrators).")
    static final class RevokeGrant extends KmsOperation {
        @Option(names = "--key-id", required = true, paramLabel = "KEY", description = "Key id or key ARN.")
        String keyId;

        @Option(names = "--grant-id", required = true, paramLabel = "ID", description = "The grant id.")
        String grantId;

        @Override
        protected Object invoke(KmsBackend kms) {
            kms.revokeGrant(new RevokeGrantRequest(keyId, grantId));
            return null;
        }
    }
}
