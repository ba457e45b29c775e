package io.keywarden.kms.api;

/** The request of DeleteCertificateEntry (a Keywarden extension beyond AWS KMS); the key is not touched. */
public record DeleteCertificateEntryRequest(
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

        public DeleteCertificateEntryRequest build() {
            return new DeleteCertificateEntryRequest(entryName);
        }
    }
}
