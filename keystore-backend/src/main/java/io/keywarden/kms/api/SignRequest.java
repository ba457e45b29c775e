package io.keywarden.kms.api;

import java.util.List;

/**
 * The request of Sign, with AWS KMS's members and the optional Keywarden extension
 * {@code KeywardenRsaParameters} ({@link RsaParameters}; null: AWS KMS's behaviour).
 */
public record SignRequest(
        String keyId,
        byte[] message,
        MessageType messageType,
        List<String> grantTokens,
        SigningAlgorithmSpec signingAlgorithm,
        RsaParameters keywardenRsaParameters) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the style of the AWS SDK's. */
    public static final class Builder {
        private String keyId;
        private byte[] message;
        private MessageType messageType;
        private List<String> grantTokens;
        private SigningAlgorithmSpec signingAlgorithm;

        private RsaParameters keywardenRsaParameters;

        private Builder() {
        }

        public Builder keyId(String keyId) {
            this.keyId = keyId;
            return this;
        }

        public Builder message(byte[] message) {
            this.message = message;
            return this;
        }

        public Builder messageType(MessageType messageType) {
            this.messageType = messageType;
            return this;
        }

        public Builder grantTokens(List<String> grantTokens) {
            this.grantTokens = grantTokens;
            return this;
        }

        public Builder signingAlgorithm(SigningAlgorithmSpec signingAlgorithm) {
            this.signingAlgorithm = signingAlgorithm;
            return this;
        }

        /** Keywarden extension: RSA padding parameters other than the algorithm's (see {@link RsaParameters}). */
        public Builder keywardenRsaParameters(RsaParameters keywardenRsaParameters) {
            this.keywardenRsaParameters = keywardenRsaParameters;
            return this;
        }

        public SignRequest build() {
            return new SignRequest(keyId, message, messageType, grantTokens, signingAlgorithm, keywardenRsaParameters);
        }
    }

    /** Byte arrays are shown by length only: they may be plaintext or key material. */
    @Override
    public String toString() {
        return "SignRequest[" + "keyId=" + keyId + ", " + "message=" + (message == null ? "null" : "<" + message.length + " bytes>") + ", " + "messageType=" + messageType + ", " + "grantTokens=" + GrantTokens.redacted(grantTokens) + ", " + "signingAlgorithm=" + signingAlgorithm + ", keywardenRsaParameters=" + keywardenRsaParameters + "]";
    }
}
