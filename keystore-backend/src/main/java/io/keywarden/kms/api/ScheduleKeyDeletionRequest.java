package io.keywarden.kms.api;

/** The request of ScheduleKeyDeletion, with AWS KMS's members. */
public record ScheduleKeyDeletionRequest(
        String keyId,
        Integer pendingWindowInDays) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the style of the AWS SDK's. */
    public static final class Builder {
        private String keyId;
        private Integer pendingWindowInDays;

        private Builder() {
        }

        public Builder keyId(String keyId) {
            this.keyId = keyId;
            return this;
        }

        public Builder pendingWindowInDays(Integer pendingWindowInDays) {
            this.pendingWindowInDays = pendingWindowInDays;
            return this;
        }

        public ScheduleKeyDeletionRequest build() {
            return new ScheduleKeyDeletionRequest(keyId, pendingWindowInDays);
        }
    }
}
