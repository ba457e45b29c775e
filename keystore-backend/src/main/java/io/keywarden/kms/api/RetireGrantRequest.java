package io.keywarden.kms.api;

/**
 * The request of RetireGrant, with AWS KMS's members: the grant is named by its token, or by its
 * key (key ARN or id) and grant id.
 */
public record RetireGrantRequest(String grantToken, String keyId, String grantId) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the style of the AWS SDK's. */
    public static final class Builder {
        private String grantToken;
        private String keyId;
        private String grantId;

        private Builder() {
        }

        public Builder grantToken(String grantToken) {
            this.grantToken = grantToken;
            return this;
        }

        public Builder keyId(String keyId) {
            this.keyId = keyId;
            return this;
        }

        public Builder grantId(String grantId) {
            this.grantId = grantId;
            return this;
        }

        public RetireGrantRequest build() {
            return new RetireGrantRequest(grantToken, keyId, grantId);
        }
    }

    /** The grant token is a secret: not shown. */
    @Override
    public String toString() {
        return "RetireGrantRequest[grantToken=" + GrantTokens.redacted(grantToken) + ", keyId=" + keyId
                + ", grantId=" + grantId + "]";
    }
}
