package io.keywarden.kms.cli;

import io.keywarden.kms.api.AlgorithmSpec;
import io.keywarden.kms.api.DeleteImportedKeyMaterialRequest;
import io.keywarden.kms.api.ExpirationModelType;
import io.keywarden.kms.api.GetParametersForImportRequest;
import io.keywarden.kms.api.ImportKeyMaterialRequest;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.WrappingKeySpec;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Importing key material into keys created with --origin EXTERNAL. */
final class ImportCommands {

    private ImportCommands() {
    }

    @Command(name = "get-parameters-for-import",
            description = "Returns a wrapping public key and an import token for ImportKeyMaterial (valid 24 hours).")
    static final class GetParametersForImport extends KmsOperation {
        @Option(names = "--key-id", required = true, paramLabel = "KEY", description = "A key with origin EXTERNAL.")
        String keyId;

        @Option(names = "--wrapping-algorithm", required = true, paramLabel = "ALG",
                description = "${COMPLETION-CANDIDATES}.")
        AlgorithmSpec wrappingAlgorithm;

        @Option(names = "--wrapping-key-spec", required = true, paramLabel = "SPEC",
                description = "${COMPLETION-CANDIDATES}.")
        WrappingKeySpec wrappingKeySpec;

        @Override
        protected Object invoke(KmsBackend kms) {
            return kms.getParametersForImport(GetParametersForImportRequest.builder()
                    .keyId(keyId).wrappingAlgorithm(wrappingAlgorithm).wrappingKeySpec(wrappingKeySpec).build());
        }
    }

    @Command(name = "import-key-material",
            description = "Imports key material wrapped under the public key of GetParametersForImport.")
    static final class ImportKeyMaterial extends KmsOperation {
        @Option(names = "--key-id", required = true, paramLabel = "KEY", description = "The key of the import token.")
        String keyId;

        @Option(names = "--import-token", required = true, paramLabel = "BLOB", converter = BlobArgument.class,
                description = "The import token: fileb://FILE or base64.")
        Blob importToken;

        @Option(names = "--encrypted-key-material", required = true, paramLabel = "BLOB",
                converter = BlobArgument.class, description = "The wrapped key material: fileb://FILE or base64.")
        Blob encryptedKeyMaterial;

        @Option(names = "--valid-to", paramLabel = "TIME", converter = TimestampArgument.class,
                description = "When the material expires (ISO 8601 or epoch seconds); "
                        + "requires KEY_MATERIAL_EXPIRES.")
        Instant validTo;

        @Option(names = "--expiration-model", paramLabel = "MODEL", description = "${COMPLETION-CANDIDATES}.")
        ExpirationModelType expirationModel;

        @Override
        protected Object invoke(KmsBackend kms) {
            return kms.importKeyMaterial(ImportKeyMaterialRequest.builder()
                    .keyId(keyId)
                    .importToken(Blob.bytes(importToken))
                    .encryptedKeyMaterial(Blob.bytes(encryptedKeyMaterial))
                    .validTo(validTo)
                    .expirationModel(expirationModel)
                    .build());
        }
    }

    @Command(name = "delete-imported-key-material",
            description = "Deletes imported key material; the key becomes PendingImport.")
    static final class DeleteImportedKeyMaterial extends KmsOperation {
        @Option(names = "--key-id", required = true, paramLabel = "KEY", description = "A key with origin EXTERNAL.")
        String keyId;

        @Override
        protected Object invoke(KmsBackend kms) {
            kms.deleteImportedKeyMaterial(DeleteImportedKeyMaterialRequest.builder().keyId(keyId).build());
            return null;
        }
    }
}
