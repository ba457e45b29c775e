package io.keywarden.kms.api;

import java.util.List;

/** The request of DeriveSharedSecret, with AWS KMS's members. */
public record DeriveSharedSecretRequest(
        String keyId,
        KeyAgreementAlgorithmSpec keyAgreementAlgorithm,
        byte[] publicKey,
        List<String> grantTokens) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the style of the AWS SDK's. */
    public static final class Builder {
        private String keyId;
        private KeyAgreementAlgorithmSpec keyAgreementAlgorithm;
        private byte[] publicKey;
        private List<String> grantTokens;

        private Builder() {
        }

        public Builder keyId(String keyId) {
            this.keyId = keyId;
            return this;
        }

        public Builder keyAgreementAlgorithm(KeyAgreementAlgorithmSpec keyAgreementAlgorithm) {
            this.keyAgreementAlgorithm = keyAgreementAlgorithm;
            return this;
        }

        public Builder publicKey(byte[] publicKey) {
            this.publicKey = publicKey;
            return this;
        }

        public Builder grantTokens(List<String> grantTokens) {
            this.grantTokens = grantTokens;
            return this;
        }

        public DeriveSharedSecretRequest build() {
            return new DeriveSharedSecretRequest(keyId, keyAgreementAlgorithm, publicKey, grantTokens);
        }
    }

    /** Byte arrays are shown by length only: they may be plaintext or key material. */
    @Override
    public String toString() {
        return "DeriveSharedSecretRequest[" + "keyId=" + keyId + ", " + "keyAgreementAlgorithm=" + keyAgreementAlgorithm + ", " + "publicKey=" + (publicKey == null ? "null" : "<" + publicKey.length + " bytes>") + ", " + "grantTokens=" + GrantTokens.redacted(grantTokens) + "]";
    }
}
