package io.keywarden.kms.api;

import java.util.List;

/** The request of CreateGrant, with AWS KMS's members. */
public record CreateGrantRequest(
        String keyId,
        String granteePrincipal,
        String retiringPrincipal,
        List<GrantOperation> operations,
        GrantConstraints constraints,
        List<String> grantTokens,
        String name) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the style of the AWS SDK's. */
    public static final class Builder {
        private String keyId;
        private String granteePrincipal;
        private String retiringPrincipal;
        private List<GrantOperation> operations;
        private GrantConstraints constraints;
        private List<String> grantTokens;
        private String name;

        private Builder() {
        }

        public Builder keyId(String keyId) {
            this.keyId = keyId;
            return this;
        }

        public Builder granteePrincipal(String granteePrincipal) {
            this.granteePrincipal = granteePrincipal;
            return this;
        }

        public Builder retiringPrincipal(String retiringPrincipal) {
            this.retiringPrincipal = retiringPrincipal;
            return this;
        }

        public Builder operations(List<GrantOperation> operations) {
            this.operations = operations;
            return this;
        }

        public Builder operations(GrantOperation... operations) {
            this.operations = List.of(operations);
            return this;
        }

        public Builder constraints(GrantConstraints constraints) {
            this.constraints = constraints;
            return this;
        }

        public Builder grantTokens(List<String> grantTokens) {
            this.grantTokens = grantTokens;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public CreateGrantRequest build() {
            return new CreateGrantRequest(keyId, granteePrincipal, retiringPrincipal, operations, constraints,
                    grantTokens, name);
        }
    }

    /** Grant tokens are secrets: shown by count only. */
    @Override
    public String toString() {
        return "CreateGrantRequest[keyId=" + keyId + ", granteePrincipal=" + granteePrincipal + ", retiringPrincipal="
                + retiringPrincipal + ", operations=" + operations + ", constraints=" + constraints + ", grantTokens="
                + GrantTokens.redacted(grantTokens) + ", name=" + name + "]";
    }
}
