package io.keywarden.kms.api;

/**
 * The response of DirectEncrypt: {@code ciphertext} is the raw AES-GCM ciphertext followed by the tag.
 *
 * <p><b>Keywarden extension</b>, not an AWS KMS operation: it works only on imported
 * {@code KEYWARDEN_AES_128/192/256} keys (see docs/engine.md, "Keywarden extensions"), which an
 * AWS-compatible client never has unless it imports one.
 */
public record DirectEncryptResponse(
        String keyId,
        byte[] ciphertext) {

    /** Byte arrays are shown by length only: they may be plaintext or key material. */
    @Override
    public String toString() {
        return "DirectEncryptResponse[" + "keyId=" + keyId + ", " + "ciphertext=" + (ciphertext == null ? "null" : "<" + ciphertext.length + " bytes>") + "]";
    }
}
