package io.keywarden.kms.api;

import java.util.List;
import java.util.Map;

/** The request of GenerateDataKey, with AWS KMS's members. */
public record GenerateDataKeyRequest(
        String keyId,
        Map<String, String> encryptionContext,
        Integer numberOfBytes,
        DataKeySpec keySpec,
        List<String> grantTokens) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the style of the AWS SDK's. */
    public static final class Builder {
        private String keyId;
        private Map<String, String> encryptionContext;
        private Integer numberOfBytes;
        private DataKeySpec keySpec;
        private List<String> grantTokens;

        private Builder() {
        }

        public Builder keyId(String keyId) {
            this.keyId = keyId;
            return this;
        }

        public Builder encryptionContext(Map<String, String> encryptionContext) {
            this.encryptionContext = encryptionContext;
            return this;
        }

        public Builder numberOfBytes(Integer numberOfBytes) {
            this.numberOfBytes = numberOfBytes;
            return this;
        }

        public Builder keySpec(DataKeySpec keySpec) {
            this.keySpec = keySpec;
            return this;
        }

        public Builder grantTokens(List<String> grantTokens) {
            this.grantTokens = grantTokens;
            return this;
        }

        public GenerateDataKeyRequest build() {
            return new GenerateDataKeyRequest(keyId, encryptionContext, numberOfBytes, keySpec, grantTokens);
        }
    }

    /** Grant tokens are secrets: shown redacted. */
    @Override
    public String toString() {
        return "GenerateDataKeyRequest[" + "keyId=" + keyId + ", " + "encryptionContext=" + encryptionContext + ", " + "numberOfBytes=" + numberOfBytes + ", " + "keySpec=" + keySpec + ", " + "grantTokens=" + GrantTokens.redacted(grantTokens) + "]";
    }
}
