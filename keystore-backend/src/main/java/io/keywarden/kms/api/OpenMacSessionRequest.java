package io.keywarden.kms.api;

import java.util.List;

/**
 * <b>Keywarden extension</b> (not an AWS KMS operation, not served over the wire): the request of
 * {@link KmsBackend#openMacSession}, a GenerateMac authorization that covers up to
 * {@code maxMessages} MACs for up to {@code maxAgeSeconds} (docs/engine.md, "MAC sessions").
 *
 * @param keyId the HMAC key (key id, ARN, alias name or alias ARN)
 * @param macAlgorithm the MAC algorithm, as GenerateMac's
 * @param grantTokens grant tokens, as GenerateMac's
 * @param maxMessages MACs released per authorization, 1 to {@value #MAX_MESSAGES}
 * @param maxAgeSeconds seconds an authorization lasts, 1 to {@value #MAX_AGE_SECONDS}
 */
public record OpenMacSessionRequest(
        String keyId,
        MacAlgorithmSpec macAlgorithm,
        List<String> grantTokens,
        Long maxMessages,
        Integer maxAgeSeconds) {

    /** The largest {@code maxMessages}: 2^32. */
    public static final long MAX_MESSAGES = 1L << 32;
    /** The largest {@code maxAgeSeconds}: one day. */
    public static final int MAX_AGE_SECONDS = 86_400;

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the style of the AWS SDK's. */
    public static final class Builder {
        private String keyId;
        private MacAlgorithmSpec macAlgorithm;
        private List<String> grantTokens;
        private Long maxMessages;
        private Integer maxAgeSeconds;

        private Builder() {
        }

        public Builder keyId(String keyId) {
            this.keyId = keyId;
            return this;
        }

        public Builder macAlgorithm(MacAlgorithmSpec macAlgorithm) {
            this.macAlgorithm = macAlgorithm;
            return this;
        }

        public Builder grantTokens(List<String> grantTokens) {
            this.grantTokens = grantTokens;
            return this;
        }

        public Builder maxMessages(Long maxMessages) {
            this.maxMessages = maxMessages;
            return this;
        }

        public Builder maxAgeSeconds(Integer maxAgeSeconds) {
            this.maxAgeSeconds = maxAgeSeconds;
            return this;
        }

        public OpenMacSessionRequest build() {
            return new OpenMacSessionRequest(keyId, macAlgorithm, grantTokens, maxMessages, maxAgeSeconds);
        }
    }

    @Override
    public String toString() {
        return "OpenMacSessionRequest[keyId=" + keyId + ", macAlgorithm=" + macAlgorithm + ", grantTokens="
                + GrantTokens.redacted(grantTokens) + ", maxMessages=" + maxMessages + ", maxAgeSeconds="
                + maxAgeSeconds + "]";
    }
}
