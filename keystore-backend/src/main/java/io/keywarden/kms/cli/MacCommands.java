package io.keywarden.kms.cli;

import io.keywarden.kms.api.GenerateMacRequest;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.MacAlgorithmSpec;
import io.keywarden.kms.api.VerifyMacRequest;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** HMAC keys: GenerateMac and VerifyMac. */
final class MacCommands {

    private MacCommands() {
    }

    @Command(name = "generate-mac", description = "Computes an HMAC of a message with a GENERATE_VERIFY_MAC key.")
    static final class GenerateMac extends KmsOperation {
        @Option(names = "--message", required = true, paramLabel = "BLOB", converter = BlobArgument.class,
                description = "The message (up to 4096 bytes): fileb://FILE or base64.")
        Blob message;

        @Option(names = "--key-id", required = true, paramLabel = "KEY", description = "The HMAC key.")
        String keyId;

        @Option(names = "--mac-algorithm", required = true, paramLabel = "ALG",
                description = "${COMPLETION-CANDIDATES}.")
        MacAlgorithmSpec macAlgorithm;

        @Option(names = "--grant-tokens", arity = "1..*", paramLabel = "TOKEN", description = "Grant tokens.")
        List<String> grantTokens;

        @Override
        protected Object invoke(KmsBackend kms) {
            return kms.generateMac(GenerateMacRequest.builder()
                    .message(Blob.bytes(message))
                    .keyId(keyId)
                    .macAlgorithm(macAlgorithm)
                    .grantTokens(strings("--grant-tokens", grantTokens))
                    .build());
        }
    }

    @Command(name = "verify-mac",
            description = "Verifies an HMAC. A wrong MAC is the error KMSInvalidMacException.")
    static final class VerifyMac extends KmsOperation {
        @Option(names = "--message", required = true, paramLabel = "BLOB", converter = BlobArgument.class,
                description = "The message: fileb://FILE or base64.")
        Blob message;

        @Option(names = "--key-id", required = true, paramLabel = "KEY", description = "The HMAC key.")
        String keyId;

        @Option(names = "--mac-algorithm", required = true, paramLabel = "ALG",
                description = "${COMPLETION-CANDIDATES}.")
        MacAlgorithmSpec macAlgorithm;

        @Option(names = "--mac", required = true, paramLabel = "BLOB", converter = BlobArgument.class,
                description = "The MAC to verify: fileb://FILE or base64.")
        Blob mac;

        @Option(names = "--grant-tokens", arity = "1..*", paramLabel = "TOKEN", description = "Grant tokens.")
        List<String> grantTokens;

        @Override
        protected Object invoke(KmsBackend kms) {
            return kms.verifyMac(VerifyMacRequest.builder()
                    .message(Blob.bytes(message))
                    .keyId(keyId)
                    .macAlgorithm(macAlgorithm)
                    .mac(Blob.bytes(mac))
                    .grantTokens(strings("--grant-tokens", grantTokens))
                    .build());
        }
    }
}
