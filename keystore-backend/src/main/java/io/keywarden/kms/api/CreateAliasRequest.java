package io.keywarden.kms.api;

/** The request of CreateAlias, with AWS KMS's members. */
public record CreateAliasRequest(
        String aliasName,
        String targetKeyId) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the style of the AWS SDK's. */
    public static final class Builder {
        private String aliasName;
        private String targetKeyId;

        private Builder() {
        }

        public Builder aliasName(String aliasName) {
            this.aliasName = aliasName;
            return this;
        }

        public Builder targetKeyId(String targetKeyId) {
            this.targetKeyId = targetKeyId;
            return this;
        }

        public CreateAliasRequest build() {
            return new CreateAliasRequest(aliasName, targetKeyId);
        }
    }
}
