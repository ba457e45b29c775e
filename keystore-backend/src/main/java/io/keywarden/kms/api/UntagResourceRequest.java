package io.keywarden.kms.api;

import java.util.List;

/** The request of UntagResource, with AWS KMS's members. */
public record UntagResourceRequest(
        String keyId,
        List<String> tagKeys) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the style of the AWS SDK's. */
    public static final class Builder {
        private String keyId;
        private List<String> tagKeys;

        private Builder() {
        }

        public Builder keyId(String keyId) {
            this.keyId = keyId;
            return this;
        }

        public Builder tagKeys(List<String> tagKeys) {
            this.tagKeys = tagKeys;
            return this;
        }

        public UntagResourceRequest build() {
            return new UntagResourceRequest(keyId, tagKeys);
        }
    }
}
