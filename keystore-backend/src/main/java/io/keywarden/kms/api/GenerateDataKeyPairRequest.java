package io.keywarden.kms.api;

import java.util.List;
import java.util.Map;

/** The request of GenerateDataKeyPair, with AWS KMS's members. */
public record GenerateDataKeyPairRequest(
        Map<String, String> encryptionContext,
        String keyId,
        DataKeyPairSpec keyPairSpec,
        List<String> grantTokens) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the style of the AWS SDK's. */
    public static final class Builder {
        private Map<String, String> encryptionContext;
        private String keyId;
        private DataKeyPairSpec keyPairSpec;
        private List<String> grantTokens;

        private Builder() {
        }

        public Builder encryptionContext(Map<String, String> encryptionContext) {
            this.encryptionContext = encryptionContext;
            return this;
        }

        public Builder keyId(String keyId) {
            this.keyId = keyId;
            return this;
        }

        public Builder keyPairSpec(DataKeyPairSpec keyPairSpec) {
            this.keyPairSpec = keyPairSpec;
            return this;
        }

        public Builder grantTokens(List<String> grantTokens) {
            this.grantTokens = grantTokens;
            return this;
        }

        public GenerateDataKeyPairRequest build() {
            return new GenerateDataKeyPairRequest(encryptionContext, keyId, keyPairSpec, grantTokens);
        }
    }

    /** Grant tokens are secrets: shown redacted. */
    @Override
    public String toString() {
        return "GenerateDataKeyPairRequest[" + "encryptionContext=" + encryptionContext + ", " + "keyId=" + keyId + ", " + "keyPairSpec=" + keyPairSpec + ", " + "grantTokens=" + GrantTokens.redacted(grantTokens) + "]";
    }
}
