package io.keywarden.kms.api;

/**
 * The request of DirectDecrypt: AES-GCM with the caller's IV and additional authenticated data;
 * {@code ciphertext} is the raw ciphertext followed by the tag, {@code tagLength} in bits (null: 128).
 * A tag that does not verify is InvalidCiphertextException.
 *
 * <p><b>Keywarden extension</b>, not an AWS KMS operation: it works only on imported
 * {@code KEYWARDEN_AES_128/192/256} keys (see docs/engine.md, "Keywarden extensions"), which an
 * AWS-compatible client never has unless it imports one.
 */
public record DirectDecryptRequest(
        String keyId,
        byte[] iv,
        byte[] aad,
        byte[] ciphertext,
        Integer tagLength) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the style of the AWS SDK's. */
    public static final class Builder {
        private String keyId;
        private byte[] iv;
        private byte[] aad;
        private byte[] ciphertext;
        private Integer tagLength;

        private Builder() {
        }

        public Builder keyId(String keyId) {
            this.keyId = keyId;
            return this;
        }

        public Builder iv(byte[] iv) {
            this.iv = iv;
            return this;
        }

        public Builder aad(byte[] aad) {
            this.aad = aad;
            return this;
        }

        public Builder ciphertext(byte[] ciphertext) {
            this.ciphertext = ciphertext;
            return this;
        }

        public Builder tagLength(Integer tagLength) {
            this.tagLength = tagLength;
            return this;
        }

        public DirectDecryptRequest build() {
            return new DirectDecryptRequest(keyId, iv, aad, ciphertext, tagLength);
        }
    }

    /** Byte arrays are shown by length only: they may be plaintext or key material. */
    @Override
    public String toString() {
        return "DirectDecryptRequest[" + "keyId=" + keyId + ", " + "iv=" + (iv == null ? "null" : "<" + iv.length + " bytes>") + ", " + "aad=" + (aad == null ? "null" : "<" + aad.length + " bytes>") + ", " + "ciphertext=" + (ciphertext == null ? "null" : "<" + ciphertext.length + " bytes>") + ", " + "tagLength=" + tagLength + "]";
    }
}
