package io.keywarden.kms.api;

/**
 * The response of DirectWrapKey: the raw RFC 3394/5649 output.
 *
 * <p><b>Keywarden extension</b>, not an AWS KMS operation: it works only on imported
 * {@code KEYWARDEN_AES_128/192/256} keys (see docs/engine.md, "Keywarden extensions"), which an
 * AWS-compatible client never has unless it imports one.
 */
public record DirectWrapKeyResponse(
        String keyId,
        byte[] wrappedKey,
        DirectWrapAlgorithm wrappingAlgorithm) {

    /** Byte arrays are shown by length only: they may be plaintext or key material. */
    @Override
    public String toString() {
        return "DirectWrapKeyResponse[" + "keyId=" + keyId + ", " + "wrappedKey=" + (wrappedKey == null ? "null" : "<" + wrappedKey.length + " bytes>") + ", " + "wrappingAlgorithm=" + wrappingAlgorithm + "]";
    }
}
