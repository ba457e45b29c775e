package io.keywarden.kms.cli;

import io.keywarden.kms.api.DataKeyPairSpec;
import io.keywarden.kms.api.DataKeySpec;
import io.keywarden.kms.api.GenerateDataKeyPairRequest;
import io.keywarden.kms.api.GenerateDataKeyPairWithoutPlaintextRequest;
import io.keywarden.kms.api.GenerateDataKeyRequest;
import io.keywarden.kms.api.GenerateDataKeyWithoutPlaintextRequest;
import io.keywarden.kms.api.GenerateRandomRequest;
import io.keywarden.kms.api.KmsBackend;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Data keys, data key pairs and random bytes. */
final class DataKeyCommands {

    private DataKeyCommands() {
    }

    @Command(name = "generate-data-key",
            description = "Returns a data key in plaintext and encrypted under a symmetric key.")
    static final class GenerateDataKey extends KmsOperation {
        @Option(names = "--key-id", required = true, paramLabel = "KEY", description = "The symmetric key.")
        String keyId;

        @Option(names = "--encryption-context", paramLabel = "K=V,…", converter = EncryptionContextArgument.class,
                description = "Encryption context: k=v,k2=v2 or a JSON object.")
        EncryptionContext encryptionContext;

        @Option(names = "--number-of-bytes", paramLabel = "N", description = "Key length in bytes (1-1024).")
        Integer numberOfBytes;

        @Option(names = "--key-spec", paramLabel = "SPEC", description = "${COMPLETION-CANDIDATES}.")
        DataKeySpec keySpec;

        @Option(names = "--grant-tokens", arity = "1..*", paramLabel = "TOKEN", description = "Grant tokens.")
        List<String> grantTokens;

        @Override
        protected Object invoke(KmsBackend kms) {
            return kms.generateDataKey(GenerateDataKeyRequest.builder()
                    .keyId(keyId)
                    .encryptionContext(EncryptionContext.map(encryptionContext))
                    .numberOfBytes(numberOfBytes)
                    .keySpec(keySpec)
                    .grantTokens(strings("--grant-tokens", grantTokens))
                    .build());
        }
    }

    @Command(name = "generate-data-key-without-plaintext",
            description = "Returns a data key encrypted under a symmetric key, and not in plaintext.")
    static final class GenerateDataKeyWithoutPlaintext extends KmsOperation {
        @Option(names = "--key-id", required = true, paramLabel = "KEY", description = "The symmetric key.")
        String keyId;

        @Option(names = "--encryption-context", paramLabel = "K=V,…", converter = EncryptionContextArgument.class,
                description = "Encryption context: k=v,k2=v2 or a JSON object.")
        EncryptionContext encryptionContext;

        @Option(names = "--key-spec", paramLabel = "SPEC", description = "${COMPLETION-CANDIDATES}.")
        DataKeySpec keySpec;

        @Option(names = "--number-of-bytes", paramLabel = "N", description = "Key length in bytes (1-1024).")
        Integer numberOfBytes;

        @Option(names = "--grant-tokens", arity = "1..*", paramLabel = "TOKEN", description = "Grant tokens.")
        List<String> grantTokens;

        @Override
        protected Object invoke(KmsBackend kms) {
            return kms.generateDataKeyWithoutPlaintext(GenerateDataKeyWithoutPlaintextRequest.builder()
                    .keyId(keyId)
                    .encryptionContext(EncryptionContext.map(encryptionContext))
                    .keySpec(keySpec)
                    .numberOfBytes(numberOfBytes)
                    .grantTokens(strings("--grant-tokens", grantTokens))
                    .build());
        }
    }

    @Command(name = "generate-data-key-pair",
            description = "Returns an asymmetric data key pair: the public key, the private key in plaintext "
                    + "and encrypted under a symmetric key.")
    static final class GenerateDataKeyPair extends KmsOperation {
        @Option(names = "--encryption-context", paramLabel = "K=V,…", converter = EncryptionContextArgument.class,
                description = "Encryption context: k=v,k2=v2 or a JSON object.")
        EncryptionContext encryptionContext;

        @Option(names = "--key-id", required = true, paramLabel = "KEY", description = "The symmetric key.")
        String keyId;

        @Option(names = "--key-pair-spec", required = true, paramLabel = "SPEC",
                description = "${COMPLETION-CANDIDATES}.")
        DataKeyPairSpec keyPairSpec;

        @Option(names = "--grant-tokens", arity = "1..*", paramLabel = "TOKEN", description = "Grant tokens.")
        List<String> grantTokens;

        @Override
        protected Object invoke(KmsBackend kms) {
            return kms.generateDataKeyPair(GenerateDataKeyPairRequest.builder()
                    .encryptionContext(EncryptionContext.map(encryptionContext))
                    .keyId(keyId)
                    .keyPairSpec(keyPairSpec)
                    .grantTokens(strings("--grant-tokens", grantTokens))
                    .build());
        }
    }

    @Command(name = "generate-data-key-pair-without-plaintext",
            description = "Returns an asymmetric data key pair: the public key and the private key encrypted "
                    + "under a symmetric key.")
    static final class GenerateDataKeyPairWithoutPlaintext extends KmsOperation {
        @Option(names = "--encryption-context", paramLabel = "K=V,…", converter = EncryptionContextArgument.class,
                description = "Encryption context: k=v,k2=v2 or a JSON object.")
        EncryptionContext encryptionContext;

        @Option(names = "--key-id", required = true, paramLabel = "KEY", description = "The symmetric key.")
        String keyId;

        @Option(names = "--key-pair-spec", required = true, paramLabel = "SPEC",
                description = "${COMPLETION-CANDIDATES}.")
        DataKeyPairSpec keyPairSpec;

        @Option(names = "--grant-tokens", arity = "1..*", paramLabel = "TOKEN", description = "Grant tokens.")
        List<String> grantTokens;

        @Override
        protected Object invoke(KmsBackend kms) {
            return kms.generateDataKeyPairWithoutPlaintext(GenerateDataKeyPairWithoutPlaintextRequest.builder()
                    .encryptionContext(EncryptionContext.map(encryptionContext))
                    .keyId(keyId)
                    .keyPairSpec(keyPairSpec)
                    .grantTokens(strings("--grant-tokens", grantTokens))
                    .build());
        }
    }

    @Command(name = "generate-random", description = "Returns random bytes (member Plaintext, base64).")
    static final class GenerateRandom extends KmsOperation {
        @Option(names = "--number-of-bytes", paramLabel = "N", description = "How many bytes (1-1024).")
        Integer numberOfBytes;

        @Override
        protected Object invoke(KmsBackend kms) {
            return kms.generateRandom(GenerateRandomRequest.builder().numberOfBytes(numberOfBytes).build());
        }
    }
}
