package io.keywarden.kms.api;

/** The request of EnableKeyRotation, with AWS KMS's members. */
public record EnableKeyRotationRequest(
        String keyId,
        Integer rotationPeriodInDays) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the style of the AWS SDK's. */
    public static final class Builder {
        private String keyId;
        private Integer rotationPeriodInDays;

        private Builder() {
        }

        public Builder keyId(String keyId) {
            this.keyId = keyId;
            return this;
        }

        public Builder rotationPeriodInDays(Integer rotationPeriodInDays) {
            this.rotationPeriodInDays = rotationPeriodInDays;
            return this;
        }

        public EnableKeyRotationRequest build() {
            return new EnableKeyRotationRequest(keyId, rotationPeriodInDays);
        }
    }
}
