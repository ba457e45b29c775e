package io.keywarden.kms.api;

import java.util.List;
import java.util.Map;

/** The request of GenerateDataKeyWithoutPlaintext, with AWS KMS's members. */
public record GenerateDataKeyWithoutPlaintextRequest(
        String keyId,
        Map<String, String> encryptionContext,
        DataKeySpec keySpec,
        Integer numberOfBytes,
        List<String> grantTokens) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the style of the AWS SDK's. */
    public static final class Builder {
        private String keyId;
        private Map<String, String> encryptionContext;
        private DataKeySpec keySpec;
        private Integer numberOfBytes;
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

        public Builder keySpec(DataKeySpec keySpec) {
            this.keySpec = keySpec;
            return this;
        }

        public Builder numberOfBytes(Integer numberOfBytes) {
            this.numberOfBytes = numberOfBytes;
            return this;
        }

        public Builder grantTokens(List<String> grantTokens) {
            this.grantTokens = grantTokens;
            return this;
        }

        public GenerateDataKeyWithoutPlaintextRequest build() {
            return new GenerateDataKeyWithoutPlaintextRequest(keyId, encryptionContext, keySpec, numberOfBytes, grantTokens);
        }
    }

    /** Grant tokens are secrets: shown redacted. */
    @Override
    public String toString() {
        return "GenerateDataKeyWithoutPlaintextRequest[" + "keyId=" + keyId + ", " + "encryptionContext=" + encryptionContext + ", " + "keySpec=" + keySpec + ", " + "numberOfBytes=" + numberOfBytes + ", " + "grantTokens=" + GrantTokens.redacted(grantTokens) + "]";
    }
}
