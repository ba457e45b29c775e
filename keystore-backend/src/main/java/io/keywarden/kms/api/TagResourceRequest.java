package io.keywarden.kms.api;

import java.util.List;

/** The request of TagResource, with AWS KMS's members. */
public record TagResourceRequest(
        String keyId,
        List<Tag> tags) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the style of the AWS SDK's. */
    public static final class Builder {
        private String keyId;
        private List<Tag> tags;

        private Builder() {
        }

        public Builder keyId(String keyId) {
            this.keyId = keyId;
            return this;
        }

        public Builder tags(List<Tag> tags) {
            this.tags = tags;
            return this;
        }

        public TagResourceRequest build() {
            return new TagResourceRequest(keyId, tags);
        }
    }
}
