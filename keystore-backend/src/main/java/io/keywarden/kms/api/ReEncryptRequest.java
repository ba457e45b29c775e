package io.keywarden.kms.api;

import java.util.List;
import java.util.Map;

/** The request of ReEncrypt, with AWS KMS's members. */
public record ReEncryptRequest(
        byte[] ciphertextBlob,
        Map<String, String> sourceEncryptionContext,
        String sourceKeyId,
        String destinationKeyId,
        Map<String, String> destinationEncryptionContext,
        EncryptionAlgorithmSpec sourceEncryptionAlgorithm,
        EncryptionAlgorithmSpec destinationEncryptionAlgorithm,
        List<String> grantTokens) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the style of the AWS SDK's. */
    public static final class Builder {
        private byte[] ciphertextBlob;
        private Map<String, String> sourceEncryptionContext;
        private String sourceKeyId;
        private String destinationKeyId;
        private Map<String, String> destinationEncryptionContext;
        private EncryptionAlgorithmSpec sourceEncryptionAlgorithm;
        private EncryptionAlgorithmSpec destinationEncryptionAlgorithm;
        private List<String> grantTokens;

        private Builder() {
        }

        public Builder ciphertextBlob(byte[] ciphertextBlob) {
            this.ciphertextBlob = ciphertextBlob;
            return this;
        }

        public Builder sourceEncryptionContext(Map<String, String> sourceEncryptionContext) {
            this.sourceEncryptionContext = sourceEncryptionContext;
            return this;
        }

        public Builder sourceKeyId(String sourceKeyId) {
            this.sourceKeyId = sourceKeyId;
            return this;
        }

        public Builder destinationKeyId(String destinationKeyId) {
            this.destinationKeyId = destinationKeyId;
            return this;
        }

        public Builder destinationEncryptionContext(Map<String, String> destinationEncryptionContext) {
            this.destinationEncryptionContext = destinationEncryptionContext;
            return this;
        }

        public Builder sourceEncryptionAlgorithm(EncryptionAlgorithmSpec sourceEncryptionAlgorithm) {
            this.sourceEncryptionAlgorithm = sourceEncryptionAlgorithm;
            return this;
        }

        public Builder destinationEncryptionAlgorithm(EncryptionAlgorithmSpec destinationEncryptionAlgorithm) {
            this.destinationEncryptionAlgorithm = destinationEncryptionAlgorithm;
            return this;
        }

        public Builder grantTokens(List<String> grantTokens) {
            this.grantTokens = grantTokens;
            return this;
        }

        public ReEncryptRequest build() {
            return new ReEncryptRequest(ciphertextBlob, sourceEncryptionContext, sourceKeyId, destinationKeyId, destinationEncryptionContext, sourceEncryptionAlgorithm, destinationEncryptionAlgorithm, grantTokens);
        }
    }

    /** Byte arrays are shown by length only: they may be plaintext or key material. */
    @Override
    public String toString() {
        return "ReEncryptRequest[" + "ciphertextBlob=" + (ciphertextBlob == null ? "null" : "<" + ciphertextBlob.length + " bytes>") + ", " + "sourceEncryptionContext=" + sourceEncryptionContext + ", " + "sourceKeyId=" + sourceKeyId + ", " + "destinationKeyId=" + destinationKeyId + ", " + "destinationEncryptionContext=" + destinationEncryptionContext + ", " + "sourceEncryptionAlgorithm=" + sourceEncryptionAlgorithm + ", " + "destinationEncryptionAlgorithm=" + destinationEncryptionAlgorithm + ", " + "grantTokens=" + GrantTokens.redacted(grantTokens) + "]";
    }
}
