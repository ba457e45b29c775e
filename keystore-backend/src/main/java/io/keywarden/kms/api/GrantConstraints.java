package io.keywarden.kms.api;

import java.util.Map;

/**
 * A grant's encryption context constraints, as AWS KMS's {@code GrantConstraints}: with
 * {@code encryptionContextEquals} a request must bring exactly these pairs; with
 * {@code encryptionContextSubset} it must bring at least these pairs. Keys and values are
 * case-sensitive. Either may be null (no such constraint).
 */
public record GrantConstraints(Map<String, String> encryptionContextEquals,
        Map<String, String> encryptionContextSubset) {

    public GrantConstraints {
        encryptionContextEquals = encryptionContextEquals == null ? null : Map.copyOf(encryptionContextEquals);
        encryptionContextSubset = encryptionContextSubset == null ? null : Map.copyOf(encryptionContextSubset);
    }

    /** Whether neither constraint is set. */
    public boolean isEmpty() {
        return encryptionContextEquals == null && encryptionContextSubset == null;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the style of the AWS SDK's. */
    public static final class Builder {
        private Map<String, String> encryptionContextEquals;
        private Map<String, String> encryptionContextSubset;

        private Builder() {
        }

        public Builder encryptionContextEquals(Map<String, String> encryptionContextEquals) {
            this.encryptionContextEquals = encryptionContextEquals;
            return this;
        }

        public Builder encryptionContextSubset(Map<String, String> encryptionContextSubset) {
            this.encryptionContextSubset = encryptionContextSubset;
            return this;
        }

        public GrantConstraints build() {
            return new GrantConstraints(encryptionContextEquals, encryptionContextSubset);
        }
    }
}
