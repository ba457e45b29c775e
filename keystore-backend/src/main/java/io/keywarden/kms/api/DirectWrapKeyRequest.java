package io.keywarden.kms.api;

/**
 * The request of DirectWrapKey: AES key wrap of {@code plaintextKey} (RFC 3394 for
 * {@link DirectWrapAlgorithm#AES_KW}, RFC 5649 for {@link DirectWrapAlgorithm#AES_KWP}) with the raw output.
 *
 * <p><b>Keywarden extension</b>, not an AWS KMS operation: it works only on imported
 * {@code KEYWARDEN_AES_128/192/256} keys (see docs/engine.md, "Keywarden extensions"), which an
 * AWS-compatible client never has unless it imports one.
 */
public record DirectWrapKeyRequest(
        String keyId,
        byte[] plaintextKey,
        DirectWrapAlgorithm wrappingAlgorithm) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the style of the AWS SDK's. */
    public static final class Builder {
        private String keyId;
        private byte[] plaintextKey;
        private DirectWrapAlgorithm wrappingAlgorithm;

        private Builder() {
        }

        public Builder keyId(String keyId) {
            this.keyId = keyId;
            return this;
        }

        public Builder plaintextKey(byte[] plaintextKey) {
            this.plaintextKey = plaintextKey;
            return this;
        }

        public Builder wrappingAlgorithm(DirectWrapAlgorithm wrappingAlgorithm) {
            this.wrappingAlgorithm = wrappingAlgorithm;
            return this;
        }

        public DirectWrapKeyRequest build() {
            return new DirectWrapKeyRequest(keyId, plaintextKey, wrappingAlgorithm);
        }
    }

    /** Byte arrays are shown by length only: they may be plaintext or key material. */
    @Override
    public String toString() {
        return "DirectWrapKeyRequest[" + "keyId=" + keyId + ", " + "plaintextKey=" + (plaintextKey == null ? "null" : "<" + plaintextKey.length + " bytes>") + ", " + "wrappingAlgorithm=" + wrappingAlgorithm + "]";
    }
}
