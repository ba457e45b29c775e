package io.keywarden.kms.api;

/** The request of GetCertificateEntry (a Keywarden extension beyond AWS KMS). */
public record GetCertificateEntryRequest(
        String entryName) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the style of the AWS SDK's. */
    public static final class Builder {
        private String entryName;

        private Builder() {
        }

        public Builder entryName(String entryName) {
            this.entryName = entryName;
            return this;
        }

        public GetCertificateEntryRequest build() {
            return new GetCertificateEntryRequest(entryName);
        }
    }
}
