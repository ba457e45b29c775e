package io.keywarden.kms.api;

import java.util.List;

/** The request of VerifyMac, with AWS KMS's members. */
public record VerifyMacRequest(
        byte[] message,
        String keyId,
        MacAlgorithmSpec macAlgorithm,
        byte[] mac,
        List<String> grantTokens) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the style of the AWS SDK's. */
    public static final class Builder {
        private byte[] message;
        private String keyId;
        private MacAlgorithmSpec macAlgorithm;
        private byte[] mac;
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

        public Builder mac(byte[] mac) {
            this.mac = mac;
            return this;
        }

        public Builder grantTokens(List<String> grantTokens) {
            this.grantTokens = grantTokens;
            return this;
        }

        public VerifyMacRequest build() {
            return new VerifyMacRequest(message, keyId, macAlgorithm, mac, grantTokens);
        }
    }

    /** Byte arrays are shown by length only: they may be plaintext or key material. */
    @Override
    public String toString() {
        return "VerifyMacRequest[" + "message=" + (message == null ? "null" : "<" + message.length + " bytes>") + ", " + "keyId=" + keyId + ", " + "macAlgorithm=" + macAlgorithm + ", " + "mac=" + (mac == null ? "null" : "<" + mac.length + " bytes>") + ", " + "grantTokens=" + GrantTokens.redacted(grantTokens) + "]";
    }
}
