package io.keywarden.kms.api;

/** The request of GetParametersForImport, with AWS KMS's members. */
public record GetParametersForImportRequest(
        String keyId,
        AlgorithmSpec wrappingAlgorithm,
        WrappingKeySpec wrappingKeySpec) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the style of the AWS SDK's. */
    public static final class Builder {
        private String keyId;
        private AlgorithmSpec wrappingAlgorithm;
        private WrappingKeySpec wrappingKeySpec;

        private Builder() {
        }

        public Builder keyId(String keyId) {
            this.keyId = keyId;
            return this;
        }

        public Builder wrappingAlgorithm(AlgorithmSpec wrappingAlgorithm) {
            this.wrappingAlgorithm = wrappingAlgorithm;
            return this;
        }

        public Builder wrappingKeySpec(WrappingKeySpec wrappingKeySpec) {
            this.wrappingKeySpec = wrappingKeySpec;
            return this;
        }

        public GetParametersForImportRequest build() {
            return new GetParametersForImportRequest(keyId, wrappingAlgorithm, wrappingKeySpec);
        }
    }
}
