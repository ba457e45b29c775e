package io.keywarden.kms.api;

/**
 * The request of DirectEncrypt: AES-GCM with the caller's IV and additional authenticated data; the
 * response is the raw ciphertext followed by the tag. {@code tagLength} is in bits (null: 128).
 *
 * <p><b>Keywarden extension</b>, not an AWS KMS operation: it works only on imported
 * {@code KEYWARDEN_AES_128/192/256} keys (see docs/engine.md, "Keywarden extensions"), which an
 * AWS-compatible client never has unless it imports one.
 */
public record DirectEncryptRequest(
        String keyId,
        byte[] iv,
        byte[] aad,
        byte[] plaintext,
        Integer tagLength) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the style of the AWS SDK's. */
    public static final class Builder {
        private String keyId;
        private byte[] iv;
        private byte[] aad;
        private byte[] plaintext;
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

        public Builder plaintext(byte[] plaintext) {
            this.plaintext = plaintext;
            return this;
        }

        public Builder tagLength(Integer tagLength) {
            this.tagLength = tagLength;
            return this;
        }

        public DirectEncryptRequest build() {
            return new DirectEncryptRequest(keyId, iv, aad, plaintext, tagLength);
        }
    }

    /** Byte arrays are shown by length only: they may be plaintext or key material. */
    @Override
    public String toString() {
        return "DirectEncryptRequest[" + "keyId=" + keyId + ", " + "iv=" + (iv == null ? "null" : "<" + iv.length + " bytes>") + ", " + "aad=" + (aad == null ? "null" : "<" + aad.length + " bytes>") + ", " + "plaintext=" + (plaintext == null ? "null" : "<" + plaintext.length + " bytes>") + ", " + "tagLength=" + tagLength + "]";
    }
}
