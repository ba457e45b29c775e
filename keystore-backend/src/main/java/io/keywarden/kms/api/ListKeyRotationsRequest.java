package io.keywarden.kms.api;

/** The request of ListKeyRotations, with AWS KMS's members. */
public record ListKeyRotationsRequest(
        String keyId,
        Integer limit,
        String marker) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the style of the AWS SDK's. */
    public static final class Builder {
        private String keyId;
        private Integer limit;
        private String marker;

        private Builder() {
        }

        public Builder keyId(String keyId) {
            this.keyId = keyId;
            return this;
        }

        public Builder limit(Integer limit) {
            this.limit = limit;
            return this;
        }

        public Builder marker(String marker) {
            this.marker = marker;
            return this;
        }

        public ListKeyRotationsRequest build() {
            return new ListKeyRotationsRequest(keyId, limit, marker);
        }
    }
}
