package io.keywarden.kms.api;

/**
 * The response of DirectUnwrapKey.
 *
 * <p><b>Keywarden extension</b>, not an AWS KMS operation: it works only on imported
 * {@code KEYWARDEN_AES_128/192/256} keys (see docs/engine.md, "Keywarden extensions"), which an
 * AWS-compatible client never has unless it imports one.
 */
public record DirectUnwrapKeyResponse(
        String keyId,
        byte[] plaintextKey,
        DirectWrapAlgorithm wrappingAlgorithm) {

    /** Byte arrays are shown by length only: they may be plaintext or key material. */
    @Override
    public String toString() {
        return "DirectUnwrapKeyResponse[" + "keyId=" + keyId + ", " + "plaintextKey=" + (plaintextKey == null ? "null" : "<" + plaintextKey.length + " bytes>") + ", " + "wrappingAlgorithm=" + wrappingAlgorithm + "]";
    }
}
