package io.keywarden.kms.api;

/** The request of RevokeGrant, with AWS KMS's members. */
public record RevokeGrantRequest(String keyId, String grantId) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the style of the AWS SDK's. */
    public static final class Builder {
        private String keyId;
        private String grantId;

        private Builder() {
        }

        public Builder keyId(String keyId) {
            this.keyId = keyId;
            return this;
        }

        public Builder grantId(String grantId) {
            this.grantId = grantId;
            return this;
        }

        public RevokeGrantRequest build() {
            return new RevokeGrantRequest(keyId, grantId);
        }
    }
}
