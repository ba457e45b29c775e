package io.keywarden.kms.api;

import java.util.List;

/** The request of DescribeKey, with AWS KMS's members. */
public record DescribeKeyRequest(
        String keyId,
        List<String> grantTokens) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the style of the AWS SDK's. */
    public static final class Builder {
        private String keyId;
        private List<String> grantTokens;

        private Builder() {
        }

        public Builder keyId(String keyId) {
            this.keyId = keyId;
            return this;
        }

        public Builder grantTokens(List<String> grantTokens) {
            this.grantTokens = grantTokens;
            return this;
        }

        public DescribeKeyRequest build() {
            return new DescribeKeyRequest(keyId, grantTokens);
        }
    }

    /** Grant tokens are secrets: shown redacted. */
    @Override
    public String toString() {
        return "DescribeKeyRequest[" + "keyId=" + keyId + ", " + "grantTokens=" + GrantTokens.redacted(grantTokens) + "]";
    }
}
