package io.keywarden.kms.cli;

import io.keywarden.kms.api.CreateAliasRequest;
import io.keywarden.kms.api.DeleteAliasRequest;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.ListAliasesRequest;
import io.keywarden.kms.api.UpdateAliasRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Aliases: friendly names for keys. */
final class AliasCommands {

    private AliasCommands() {
    }

    @Command(name = "create-alias", description = "Creates an alias (alias/NAME) for a key.")
    static final class CreateAlias extends KmsOperation {
        @Option(names = "--alias-name", required = true, paramLabel = "alias/NAME",
                description = "The alias, beginning with alias/ (alias/aws/ is reserved).")
        String aliasName;

        @Option(names = "--target-key-id", required = true, paramLabel = "KEY", description = "Key id or key ARN.")
        String targetKeyId;

        @Override
        protected Object invoke(KmsBackend kms) {
            kms.createAlias(CreateAliasRequest.builder().aliasName(aliasName).targetKeyId(targetKeyId).build());
            return null;
        }
    }

    @Command(name = "update-alias", description = "Points an existing alias at another key.")
    static final class UpdateAlias extends KmsOperation {
        @Option(names = "--alias-name", required = true, paramLabel = "alias/NAME", description = "The alias.")
        String aliasName;

        @Option(names = "--target-key-id", required = true, paramLabel = "KEY",
                description = "Key id or key ARN of the new target (same key type and usage).")
        String targetKeyId;

        @Override
        protected Object invoke(KmsBackend kms) {
            kms.updateAlias(UpdateAliasRequest.builder().aliasName(aliasName).targetKeyId(targetKeyId).build());
            return null;
        }
    }

    @Command(name = "delete-alias", description = "Deletes an alias; the key is unchanged.")
    static final class DeleteAlias extends KmsOperation {
        @Option(names = "--alias-name", required = true, paramLabel = "alias/NAME", description = "The alias.")
        String aliasName;

        @Override
        protected Object invoke(KmsBackend kms) {
            kms.deleteAlias(DeleteAliasRequest.builder().aliasName(aliasName).build());
            return null;
        }
    }

    @Command(name = "list-aliases", description = "Lists the aliases of the account, or of one key.")
    static final class ListAliases extends KmsOperation {
        @Option(names = "--key-id", paramLabel = "KEY", description = "Only the aliases of this key (id or ARN).")
        String keyId;

        @Option(names = "--limit", paramLabel = "N", description = "At most N aliases (1-100, default 50).")
        Integer limit;

        @Option(names = "--marker", paramLabel = "MARKER", description = "NextMarker of the previous page.")
        String marker;

        @Override
        protected Object invoke(KmsBackend kms) {
            return kms.listAliases(ListAliasesRequest.builder().keyId(keyId).limit(limit).marker(marker).build());
        }
    }
}
