package io.keywarden.kms.api;

/** The request of GenerateRandom, with AWS KMS's members. */
public record GenerateRandomRequest(
        Integer numberOfBytes) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the style of the AWS SDK's. */
    public static final class Builder {
        private Integer numberOfBytes;

        private Builder() {
        }

        public Builder numberOfBytes(Integer numberOfBytes) {
            this.numberOfBytes = numberOfBytes;
            return this;
        }

        public GenerateRandomRequest build() {
            return new GenerateRandomRequest(numberOfBytes);
        }
    }
}
