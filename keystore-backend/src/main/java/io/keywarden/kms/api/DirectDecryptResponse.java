package io.keywarden.kms.api;

/**
 * The response of DirectDecrypt.
 *
 * <p><b>Keywarden extension</b>, not an AWS KMS operation: it works only on imported
 * {@code KEYWARDEN_AES_128/192/256} keys (see docs/engine.md, "Keywarden extensions"), which an
 * AWS-compatible client never has unless it imports one.
 */
public record DirectDecryptResponse(
        String keyId,
        byte[] plaintext) {

    /** Byte arrays are shown by length only: they may be plaintext or key material. */
    @Override
    public String toString() {
        return "DirectDecryptResponse[" + "keyId=" + keyId + ", " + "plaintext=" + (plaintext == null ? "null" : "<" + plaintext.length + " bytes>") + "]";
    }
}
