package io.keywarden.kms.cli;

import io.keywarden.kms.api.DeriveSharedSecretRequest;
import io.keywarden.kms.api.GetPublicKeyRequest;
import io.keywarden.kms.api.KeyAgreementAlgorithmSpec;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.MessageType;
import io.keywarden.kms.api.SignRequest;
import io.keywarden.kms.api.SigningAlgorithmSpec;
import io.keywarden.kms.api.VerifyRequest;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Asymmetric keys: Sign, Verify, GetPublicKey and DeriveSharedSecret. */
final class SigningCommands {

    private SigningCommands() {
    }

    @Command(name = "sign", description = {
        "Signs a message (or its digest) with an asymmetric SIGN_VERIFY key.",
        "Example: keywarden kms sign --key-id alias/signer --message fileb://doc.pdf "
                + "--signing-algorithm RSASSA_PSS_SHA_256 --query Signature --output text | base64 -d > doc.sig"})
    static final class Sign extends KmsOperation {
        @Option(names = "--key-id", required = true, paramLabel = "KEY", description = "The signing key.")
        String keyId;

        @Option(names = "--message", required = true, paramLabel = "BLOB", converter = BlobArgument.class,
                description = "The message (up to 4096 bytes) or digest: fileb://FILE or base64.")
        Blob message;

        @Option(names = "--message-type", paramLabel = "TYPE",
                description = "${COMPLETION-CANDIDATES} (default RAW).")
        MessageType messageType;

        @Option(names = "--grant-tokens", arity = "1..*", paramLabel = "TOKEN", description = "Grant tokens.")
        List<String> grantTokens;

        @Option(names = "--signing-algorithm", required = true, paramLabel = "ALG",
                description = "${COMPLETION-CANDIDATES}.")
        SigningAlgorithmSpec signingAlgorithm;

        @Override
        protected Object invoke(KmsBackend kms) {
            return kms.sign(SignRequest.builder()
                    .keyId(keyId)
                    .message(Blob.bytes(message))
                    .messageType(messageType)
                    .grantTokens(strings("--grant-tokens", grantTokens))
                    .signingAlgorithm(signingAlgorithm)
                    .build());
        }
    }

    @Command(name = "verify", description = {
        "Verifies a signature made by Sign. An invalid signature is the error KMSInvalidSignatureException.",
        "Example: keywarden kms verify --key-id alias/signer --message fileb://doc.pdf "
                + "--signature fileb://doc.sig --signing-algorithm RSASSA_PSS_SHA_256"})
    static final class Verify extends KmsOperation {
        @Option(names = "--key-id", required = true, paramLabel = "KEY", description = "The signing key.")
        String keyId;

        @Option(names = "--message", required = true, paramLabel = "BLOB", converter = BlobArgument.class,
                description = "The message or digest: fileb://FILE or base64.")
        Blob message;

        @Option(names = "--message-type", paramLabel = "TYPE",
                description = "${COMPLETION-CANDIDATES} (default RAW).")
        MessageType messageType;

        @Option(names = "--signature", required = true, paramLabel = "BLOB", converter = BlobArgument.class,
                description = "The signature: fileb://FILE or base64.")
        Blob signature;

        @Option(names = "--signing-algorithm", required = true, paramLabel = "ALG",
                description = "${COMPLETION-CANDIDATES}.")
        SigningAlgorithmSpec signingAlgorithm;

        @Option(names = "--grant-tokens", arity = "1..*", paramLabel = "TOKEN", description = "Grant tokens.")
        List<String> grantTokens;

        @Override
        protected Object invoke(KmsBackend kms) {
            return kms.verify(VerifyRequest.builder()
                    .keyId(keyId)
                    .message(Blob.bytes(message))
                    .messageType(messageType)
                    .signature(Blob.bytes(signature))
                    .signingAlgorithm(signingAlgorithm)
                    .grantTokens(strings("--grant-tokens", grantTokens))
                    .build());
        }
    }

    @Command(name = "get-public-key",
            description = "Returns the public key of an asymmetric key (DER SubjectPublicKeyInfo, base64).")
    static final class GetPublicKey extends KmsOperation {
        @Option(names = "--key-id", required = true, paramLabel = "KEY", description = "The asymmetric key.")
        String keyId;

        @Option(names = "--grant-tokens", arity = "1..*", paramLabel = "TOKEN", description = "Grant tokens.")
        List<String> grantTokens;

        @Override
        protected Object invoke(KmsBackend kms) {
            return kms.getPublicKey(GetPublicKeyRequest.builder()
                    .keyId(keyId).grantTokens(strings("--grant-tokens", grantTokens)).build());
        }
    }

    @Command(name = "derive-shared-secret",
            description = "Derives a shared secret from a KEY_AGREEMENT key and another party's public key.")
    static final class DeriveSharedSecret extends KmsOperation {
        @Option(names = "--key-id", required = true, paramLabel = "KEY", description = "The key agreement key.")
        String keyId;

        @Option(names = "--key-agreement-algorithm", required = true, paramLabel = "ALG",
                description = "${COMPLETION-CANDIDATES}.")
        KeyAgreementAlgorithmSpec keyAgreementAlgorithm;

        @Option(names = "--public-key", required = true, paramLabel = "BLOB", converter = BlobArgument.class,
                description = "The other party's public key (DER): fileb://FILE or base64.")
        Blob publicKey;

        @Option(names = "--grant-tokens", arity = "1..*", paramLabel = "TOKEN", description = "Grant tokens.")
        List<String> grantTokens;

        @Override
        protected Object invoke(KmsBackend kms) {
            return kms.deriveSharedSecret(DeriveSharedSecretRequest.builder()
                    .keyId(keyId)
                    .keyAgreementAlgorithm(keyAgreementAlgorithm)
                    .publicKey(Blob.bytes(publicKey))
                    .grantTokens(strings("--grant-tokens", grantTokens))
                    .build());
        }
    }
}
