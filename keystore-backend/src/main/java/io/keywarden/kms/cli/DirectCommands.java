package io.keywarden.kms.cli;

import io.keywarden.kms.api.DirectDecryptRequest;
import io.keywarden.kms.api.DirectEncryptRequest;
import io.keywarden.kms.api.DirectUnwrapKeyRequest;
import io.keywarden.kms.api.DirectWrapAlgorithm;
import io.keywarden.kms.api.DirectWrapKeyRequest;
import io.keywarden.kms.api.KmsBackend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The Keywarden extension operations DirectEncrypt, DirectDecrypt, DirectWrapKey and
 * DirectUnwrapKey, on imported KEYWARDEN_AES_* keys only (see docs/engine.md, "Keywarden extensions").
 */
final class DirectCommands {

    private static final String KEY = "Key id, key ARN, alias name or alias ARN of a KEYWARDEN_AES_* key.";

    private DirectCommands() {
    }

    @Command(name = "direct-encrypt", description = {
        "Keywarden extension: AES-GCM with your IV and AAD on an imported KEYWARDEN_AES_* key; "
                + "prints the raw ciphertext followed by the tag (member Ciphertext).",
        "Example: keywarden kms direct-encrypt --key-id alias/raw --iv AAECAwQFBgcICQoL --plaintext fileb://data"})
    static final class DirectEncrypt extends KmsOperation {
        @Option(names = "--key-id", required = true, paramLabel = "KEY", description = KEY)
        String keyId;

        @Option(names = "--iv", required = true, paramLabel = "BLOB", converter = BlobArgument.class,
                description = "The IV (1 to 1024 bytes): fileb://FILE or base64.")
        Blob iv;

        @Option(names = "--aad", paramLabel = "BLOB", converter = BlobArgument.class,
                description = "Additional authenticated data: fileb://FILE or base64.")
        Blob aad;

        @Option(names = "--plaintext", required = true, paramLabel = "BLOB", converter = BlobArgument.class,
                description = "The data (up to 64 KiB): fileb://FILE or base64.")
        Blob plaintext;

        @Option(names = "--tag-length", paramLabel = "BITS", description = "Tag length in bits, 96 to 128 (default 128).")
        Integer tagLength;

        @Override
        protected Object invoke(KmsBackend kms) {
            return kms.directEncrypt(DirectEncryptRequest.builder().keyId(keyId).iv(Blob.bytes(iv))
                    .aad(aad == null ? null : Blob.bytes(aad)).plaintext(Blob.bytes(plaintext)).tagLength(tagLength)
                    .build());
        }
    }

    @Command(name = "direct-decrypt", description = {
        "Keywarden extension: AES-GCM decryption of ciphertext||tag with your IV and AAD on an imported "
                + "KEYWARDEN_AES_* key (member Plaintext)."})
    static final class DirectDecrypt extends KmsOperation {
        @Option(names = "--key-id", required = true, paramLabel = "KEY", description = KEY)
        String keyId;

        @Option(names = "--iv", required = true, paramLabel = "BLOB", converter = BlobArgument.class,
                description = "The IV given to direct-encrypt: fileb://FILE or base64.")
        Blob iv;

        @Option(names = "--aad", paramLabel = "BLOB", converter = BlobArgument.class,
                description = "The additional authenticated data given to direct-encrypt.")
        Blob aad;

        @Option(names = "--ciphertext", required = true, paramLabel = "BLOB", converter = BlobArgument.class,
                description = "Ciphertext followed by the tag: fileb://FILE or base64.")
        Blob ciphertext;

        @Option(names = "--tag-length", paramLabel = "BITS", description = "Tag length in bits (default 128).")
        Integer tagLength;

        @Override
        protected Object invoke(KmsBackend kms) {
            return kms.directDecrypt(DirectDecryptRequest.builder().keyId(keyId).iv(Blob.bytes(iv))
                    .aad(aad == null ? null : Blob.bytes(aad)).ciphertext(Blob.bytes(ciphertext))
                    .tagLength(tagLength).build());
        }
    }

    @Command(name = "direct-wrap-key", description = {
        "Keywarden extension: AES key wrap (AES_KW, RFC 3394; AES_KWP, RFC 5649) of a key under an imported "
                + "KEYWARDEN_AES_* key; prints the raw wrapped key (member WrappedKey)."})
    static final class DirectWrapKey extends KmsOperation {
        @Option(names = "--key-id", required = true, paramLabel = "KEY", description = KEY)
        String keyId;

        @Option(names = "--plaintext-key", required = true, paramLabel = "BLOB", converter = BlobArgument.class,
                description = "The key to wrap: fileb://FILE or base64.")
        Blob plaintextKey;

        @Option(names = "--wrapping-algorithm", required = true, paramLabel = "ALG",
                description = "${COMPLETION-CANDIDATES}.")
        DirectWrapAlgorithm wrappingAlgorithm;

        @Override
        protected Object invoke(KmsBackend kms) {
            return kms.directWrapKey(DirectWrapKeyRequest.builder().keyId(keyId).plaintextKey(Blob.bytes(plaintextKey))
                    .wrappingAlgorithm(wrappingAlgorithm).build());
        }
    }

    @Command(name = "direct-unwrap-key", description = {
        "Keywarden extension: AES key unwrap (AES_KW or AES_KWP) under an imported KEYWARDEN_AES_* key "
                + "(member PlaintextKey)."})
    static final class DirectUnwrapKey extends KmsOperation {
        @Option(names = "--key-id", required = true, paramLabel = "KEY", description = KEY)
        String keyId;

        @Option(names = "--wrapped-key", required = true, paramLabel = "BLOB", converter = BlobArgument.class,
                description = "The raw wrapped key: fileb://FILE or base64.")
        Blob wrappedKey;

        @Option(names = "--wrapping-algorithm", required = true, paramLabel = "ALG",
                description = "${COMPLETION-CANDIDATES}.")
        DirectWrapAlgorithm wrappingAlgorithm;

        @Override
        protected Object invoke(KmsBackend kms) {
            return kms.directUnwrapKey(DirectUnwrapKeyRequest.builder().keyId(keyId).wrappedKey(Blob.bytes(wrappedKey))
                    .wrappingAlgorithm(wrappingAlgorithm).build());
        }
    }
}
