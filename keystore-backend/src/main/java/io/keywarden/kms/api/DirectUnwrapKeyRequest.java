package io.keywarden.kms.api;

/**
 * The request of DirectUnwrapKey: AES key unwrap (RFC 3394 or RFC 5649) of a raw wrapped key; a
 * failed integrity check is InvalidCiphertextException.
 *
 * <p><b>Keywarden extension</b>, not an AWS KMS operation: it works only on imported
 * {@code KEYWARDEN_AES_128/192/256} keys (see docs/engine.md, "Keywarden extensions"), which an
 * AWS-compatible client never has unless it imports one.
 */
public record DirectUnwrapKeyRequest(
        String keyId,
        byte[] wrappedKey,
        DirectWrapAlgorithm wrappingAlgorithm) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the style of the AWS SDK's. */
    public static final class Builder {
        private String keyId;
        private byte[] wrappedKey;
        private DirectWrapAlgorithm wrappingAlgorithm;

        private Builder() {
        }

        public Builder keyId(String keyId) {
            this.keyId = keyId;
            return this;
        }

        public Builder wrappedKey(byte[] wrappedKey) {
            this.wrappedKey = wrappedKey;
            return this;
        }

        public Builder wrappingAlgorithm(DirectWrapAlgorithm wrappingAlgorithm) {
            this.wrappingAlgorithm = wrappingAlgorithm;
            return this;
        }

        public DirectUnwrapKeyRequest build() {
            return new DirectUnwrapKeyRequest(keyId, wrappedKey, wrappingAlgorithm);
        }
    }

    /** Byte arrays are shown by length only: they may be plaintext or key material. */
    @Override
    public String toString() {
        return "DirectUnwrapKeyRequest[" + "keyId=" + keyId + ", " + "wrappedKey=" + (wrappedKey == null ? "null" : "<" + wrappedKey.length + " bytes>") + ", " + "wrappingAlgorithm=" + wrappingAlgorithm + "]";
    }
}
