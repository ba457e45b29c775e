package io.keywarden.kms.api;

import java.util.List;

/**
 * The request of Verify, with AWS KMS's members and the optional Keywarden extension
 * {@code KeywardenRsaParameters} ({@link RsaParameters}; null: AWS KMS's behaviour).
 */
public record VerifyRequest(
        String keyId,
        byte[] message,
        MessageType messageType,
        byte[] signature,
        SigningAlgorithmSpec signingAlgorithm,
        List<String> grantTokens,
        RsaParameters keywardenRsaParameters) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the style of the AWS SDK's. */
    public static final class Builder {
        private String keyId;
        private byte[] message;
        private MessageType messageType;
        private byte[] signature;
        private SigningAlgorithmSpec signingAlgorithm;
        private List<String> grantTokens;

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

        public Builder signature(byte[] signature) {
            this.signature = signature;
            return this;
        }

        public Builder signingAlgorithm(SigningAlgorithmSpec signingAlgorithm) {
            this.signingAlgorithm = signingAlgorithm;
            return this;
        }

        public Builder grantTokens(List<String> grantTokens) {
            this.grantTokens = grantTokens;
            return this;
        }

        /** Keywarden extension: RSA padding parameters other than the algorithm's (see {@link RsaParameters}). */
        public Builder keywardenRsaParameters(RsaParameters keywardenRsaParameters) {
            this.keywardenRsaParameters = keywardenRsaParameters;
            return this;
        }

        public VerifyRequest build() {
            return new VerifyRequest(keyId, message, messageType, signature, signingAlgorithm, grantTokens, keywardenRsaParameters);
        }
    }

    /** Byte arrays are shown by length only: they may be plaintext or key material. */
    @Override
    public String toString() {
        return "VerifyRequest[" + "keyId=" + keyId + ", " + "message=" + (message == null ? "null" : "<" + message.length + " bytes>") + ", " + "messageType=" + messageType + ", " + "signature=" + (signature == null ? "null" : "<" + signature.length + " bytes>") + ", " + "signingAlgorithm=" + signingAlgorithm + ", " + "grantTokens=" + GrantTokens.redacted(grantTokens) + ", keywardenRsaParameters=" + keywardenRsaParameters + "]";
    }
}
