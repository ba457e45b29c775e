package io.keywarden.kms.api;

import java.util.List;

/** The request of GenerateMac, with AWS KMS's members. */
public record GenerateMacRequest(
        byte[] message,
        String keyId,
        MacAlgorithmSpec macAlgorithm,
        List<String> grantTokens) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the style of the AWS SDK's. */
    public static final class Builder {
        private byte[] message;
        private String keyId;
        private MacAlgorithmSpec macAlgorithm;
        private List<String> grantTokens;

        private Builder() {
        }

        public Builder message(byte[] message) {
            this.message = message;
            return this;
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

        public GenerateMacRequest build() {
            return new GenerateMacRequest(message, keyId, macAlgorithm, grantTokens);
        }
    }

    /** Byte arrays are shown by length only: they may be plaintext or key material. */
    @Override
    public String toString() {
        return "GenerateMacRequest[" + "message=" + (message == null ? "null" : "<" + message.length + " bytes>") + ", " + "keyId=" + keyId + ", " + "macAlgorithm=" + macAlgorithm + ", " + "grantTokens=" + GrantTokens.redacted(grantTokens) + "]";
    }
}
