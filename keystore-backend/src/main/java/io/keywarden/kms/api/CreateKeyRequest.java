package io.keywarden.kms.api;

import java.util.List;

/** The request of CreateKey, with AWS KMS's members. */
public record CreateKeyRequest(
        String policy,
        String description,
        KeyUsage keyUsage,
        KeySpec keySpec,
        OriginType origin,
        List<Tag> tags,
        Boolean bypassPolicyLockoutSafetyCheck,
        Boolean multiRegion) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the style of the AWS SDK's. */
    public static final class Builder {
        private String policy;
        private String description;
        private KeyUsage keyUsage;
        private KeySpec keySpec;
        private OriginType origin;
        private List<Tag> tags;
        private Boolean bypassPolicyLockoutSafetyCheck;
        private Boolean multiRegion;

        private Builder() {
        }

        public Builder policy(String policy) {
            this.policy = policy;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder keyUsage(KeyUsage keyUsage) {
            this.keyUsage = keyUsage;
            return this;
        }

        public Builder keySpec(KeySpec keySpec) {
            this.keySpec = keySpec;
            return this;
        }

        public Builder origin(OriginType origin) {
            this.origin = origin;
            return this;
        }

        public Builder tags(List<Tag> tags) {
            this.tags = tags;
            return this;
        }

        public Builder bypassPolicyLockoutSafetyCheck(Boolean bypassPolicyLockoutSafetyCheck) {
            this.bypassPolicyLockoutSafetyCheck = bypassPolicyLockoutSafetyCheck;
            return this;
        }

        public Builder multiRegion(Boolean multiRegion) {
            this.multiRegion = multiRegion;
            return this;
        }

        public CreateKeyRequest build() {
            return new CreateKeyRequest(policy, description, keyUsage, keySpec, origin, tags, bypassPolicyLockoutSafetyCheck, multiRegion);
        }
    }
}
