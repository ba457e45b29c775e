package io.keywarden.kms.api;

/** The request of DeleteAlias, with AWS KMS's members. */
public record DeleteAliasRequest(
        String aliasName) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the style of the AWS SDK's. */
    public static final class Builder {
        private String aliasName;

        private Builder() {
        }

        public Builder aliasName(String aliasName) {
            this.aliasName = aliasName;
            return this;
        }

        public DeleteAliasRequest build() {
            return new DeleteAliasRequest(aliasName);
        }
    }
}
