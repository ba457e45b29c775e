package io.keywarden.kms.api;

/** The request of ListRetirableGrants, with AWS KMS's members. */
public record ListRetirableGrantsRequest(String retiringPrincipal, Integer limit, String marker) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the style of the AWS SDK's. */
    public static final class Builder {
        private String retiringPrincipal;
        private Integer limit;
        private String marker;

        private Builder() {
        }

        public Builder retiringPrincipal(String retiringPrincipal) {
            this.retiringPrincipal = retiringPrincipal;
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

        public ListRetirableGrantsRequest build() {
            return new ListRetirableGrantsRequest(retiringPrincipal, limit, marker);
        }
    }
}
