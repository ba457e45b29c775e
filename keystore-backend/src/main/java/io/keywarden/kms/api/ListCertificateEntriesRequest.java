package io.keywarden.kms.api;

/** The request of ListCertificateEntries (a Keywarden extension beyond AWS KMS), paged like ListAliases. */
public record ListCertificateEntriesRequest(
        Integer limit,
        String marker) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the style of the AWS SDK's. */
    public static final class Builder {
        private Integer limit;
        private String marker;

        private Builder() {
        }

        public Builder limit(Integer limit) {
            this.limit = limit;
            return this;
        }

        public Builder marker(String marker) {
            this.marker = marker;
            return this;
        }

        public ListCertificateEntriesRequest build() {
            return new ListCertificateEntriesRequest(limit, marker);
        }
    }
}
