package io.keywarden.kms.cli;

import io.keywarden.kms.api.DecryptRequest;
import io.keywarden.kms.api.EncryptRequest;
import io.keywarden.kms.api.EncryptionAlgorithmSpec;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.ReEncryptRequest;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Encrypt, Decrypt and ReEncrypt. */
final class EncryptionCommands {

    private EncryptionCommands() {
    }

    @Command(name = "encrypt", description = {
        "Encrypts up to 4096 bytes under a key.",
        "Example: keywarden kms encrypt --key-id alias/app --plaintext fileb://secret.txt "
                + "--query CiphertextBlob --output text | base64 -d > secret.enc"})
    static final class Encrypt extends KmsOperation {
        @Option(names = "--key-id", required = true, paramLabel = "KEY",
                description = "Key id, key ARN, alias name or alias ARN.")
        String keyId;

        @Option(names = "--plaintext", required = true, paramLabel = "BLOB", converter = BlobArgument.class,
                description = "The data: fileb://FILE or base64.")
        Blob plaintext;

        @Option(names = "--encryption-context", paramLabel = "K=V,…", converter = EncryptionContextArgument.class,
                description = "Encryption context: k=v,k2=v2 or a JSON object.")
        EncryptionContext encryptionContext;

        @Option(names = "--grant-tokens", arity = "1..*", paramLabel = "TOKEN", description = "Grant tokens.")
        List<String> grantTokens;

        @Option(names = "--encryption-algorithm", paramLabel = "ALG",
                description = "${COMPLETION-CANDIDATES} (default SYMMETRIC_DEFAULT).")
        EncryptionAlgorithmSpec encryptionAlgorithm;

        @Override
        protected Object invoke(KmsBackend kms) {
            return kms.encrypt(EncryptRequest.builder()
                    .keyId(keyId)
                    .plaintext(Blob.bytes(plaintext))
                    .encryptionContext(EncryptionContext.map(encryptionContext))
                    .grantTokens(strings("--grant-tokens", grantTokens))
                    .encryptionAlgorithm(encryptionAlgorithm)
                    .build());
        }
    }

    @Command(name = "decrypt", description = {
        "Decrypts a ciphertext. The plaintext is printed base64-encoded (member Plaintext).",
        "Example: keywarden kms decrypt --ciphertext-blob fileb://secret.enc "
                + "--query Plaintext --output text | base64 -d"})
    static final class Decrypt extends KmsOperation {
        @Option(names = "--ciphertext-blob", required = true, paramLabel = "BLOB", converter = BlobArgument.class,
                description = "The ciphertext: fileb://FILE or base64.")
        Blob ciphertextBlob;

        @Option(names = "--encryption-context", paramLabel = "K=V,…", converter = EncryptionContextArgument.class,
                description = "The encryption context given to Encrypt.")
        EncryptionContext encryptionContext;

        @Option(names = "--grant-tokens", arity = "1..*", paramLabel = "TOKEN", description = "Grant tokens.")
        List<String> grantTokens;

        @Option(names = "--key-id", paramLabel = "KEY",
                description = "The key expected (required for asymmetric keys).")
        String keyId;

        @Option(names = "--encryption-algorithm", paramLabel = "ALG", description = "${COMPLETION-CANDIDATES}.")
        EncryptionAlgorithmSpec encryptionAlgorithm;

        @Override
        protected Object invoke(KmsBackend kms) {
            return kms.decrypt(DecryptRequest.builder()
                    .ciphertextBlob(Blob.bytes(ciphertextBlob))
                    .encryptionContext(EncryptionContext.map(encryptionContext))
                    .grantTokens(strings("--grant-tokens", grantTokens))
                    .keyId(keyId)
                    .encryptionAlgorithm(encryptionAlgorithm)
                    .build());
        }
    }

    @Command(name = "re-encrypt",
            description = "Decrypts a ciphertext and encrypts it again under another key, without showing the plaintext.")
    static final class ReEncrypt extends KmsOperation {
        @Option(names = "--ciphertext-blob", required = true, paramLabel = "BLOB", converter = BlobArgument.class,
                description = "The ciphertext: fileb://FILE or base64.")
        Blob ciphertextBlob;

        @Option(names = "--source-encryption-context", paramLabel = "K=V,…",
                converter = EncryptionContextArgument.class, description = "The ciphertext's encryption context.")
        EncryptionContext sourceEncryptionContext;

        @Option(names = "--source-key-id", paramLabel = "KEY", description = "The key that encrypted it.")
        String sourceKeyId;

        @Option(names = "--destination-key-id", required = true, paramLabel = "KEY",
                description = "The key to encrypt it under.")
        String destinationKeyId;

        @Option(names = "--destination-encryption-context", paramLabel = "K=V,…",
                converter = EncryptionContextArgument.class, description = "The new encryption context.")
        EncryptionContext destinationEncryptionContext;

        @Option(names = "--source-encryption-algorithm", paramLabel = "ALG", description = "${COMPLETION-CANDIDATES}.")
        EncryptionAlgorithmSpec sourceEncryptionAlgorithm;

        @Option(names = "--destination-encryption-algorithm", paramLabel = "ALG",
                description = "${COMPLETION-CANDIDATES}.")
        EncryptionAlgorithmSpec destinationEncryptionAlgorithm;

        @Option(names = "--grant-tokens", arity = "1..*", paramLabel = "TOKEN", description = "Grant tokens.")
        List<String> grantTokens;

        @Override
        protected Object invoke(KmsBackend kms) {
            return kms.reEncrypt(ReEncryptRequest.builder()
                    .ciphertextBlob(Blob.bytes(ciphertextBlob))
                    .sourceEncryptionContext(EncryptionContext.map(sourceEncryptionContext))
                    .sourceKeyId(sourceKeyId)
                    .destinationKeyId(destinationKeyId)
                    .destinationEncryptionContext(EncryptionContext.map(destinationEncryptionContext))
                    .sourceEncryptionAlgorithm(sourceEncryptionAlgorithm)
                    .destinationEncryptionAlgorithm(destinationEncryptionAlgorithm)
                    .grantTokens(strings("--grant-tokens", grantTokens))
                    .build());
        }
    }
}
