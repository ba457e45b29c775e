package io.keywarden.kms.api;

/** The request of ListGrants, with AWS KMS's members; {@code grantId} and {@code granteePrincipal} filter. */
public record ListGrantsRequest(String keyId, String grantId, String granteePrincipal, Integer limit, String marker) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the style of the AWS SDK's. */
    public static final class Builder {
        private String keyId;
        private String grantId;
        private String granteePrincipal;
        private Integer limit;
        private String marker;

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

        public Builder granteePrincipal(String granteePrincipal) {
            this.granteePrincipal = granteePrincipal;
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

        public ListGrantsRequest build() {
            return new ListGrantsRequest(keyId, grantId, granteePrincipal, limit, marker);
        }
    }
}
