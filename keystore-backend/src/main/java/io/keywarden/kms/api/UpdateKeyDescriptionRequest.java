package io.keywarden.kms.api;

/** The request of UpdateKeyDescription, with AWS KMS's members. */
public record UpdateKeyDescriptionRequest(
        String keyId,
        String description) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the style of the AWS SDK's. */
    public static final class Builder {
        private String keyId;
        private String description;

        private Builder() {
        }

        public Builder keyId(String keyId) {
            this.keyId = keyId;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public UpdateKeyDescriptionRequest build() {
            return new UpdateKeyDescriptionRequest(keyId, description);
        }
    }
}
