package io.keywarden.kms.api;

import java.util.List;
import java.util.Map;

/**
 * The request of Encrypt, with AWS KMS's members and the optional Keywarden extension
 * {@code KeywardenRsaParameters} ({@link RsaParameters}; null: AWS KMS's behaviour).
 */
public record EncryptRequest(
        String keyId,
        byte[] plaintext,
        Map<String, String> encryptionContext,
        List<String> grantTokens,
        EncryptionAlgorithmSpec encryptionAlgorithm,
        RsaParameters keywardenRsaParameters) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the style of the AWS SDK's. */
    public static final class Builder {
        private String keyId;
        private byte[] plaintext;
        private Map<String, String> encryptionContext;
        private List<String> grantTokens;
        private EncryptionAlgorithmSpec encryptionAlgorithm;

        private RsaParameters keywardenRsaParameters;

        private Builder() {
        }

        public Builder keyId(String keyId) {
            this.keyId = keyId;
            return this;
        }

        public Builder plaintext(byte[] plaintext) {
            this.plaintext = plaintext;
            return this;
        }

        public Builder encryptionContext(Map<String, String> encryptionContext) {
            this.encryptionContext = encryptionContext;
            return this;
        }

        public Builder grantTokens(List<String> grantTokens) {
            this.grantTokens = grantTokens;
            return this;
        }

        public Builder encryptionAlgorithm(EncryptionAlgorithmSpec encryptionAlgorithm) {
            this.encryptionAlgorithm = encryptionAlgorithm;
            return this;
        }

        /** Keywarden extension: RSA padding parameters other than the algorithm's (see {@link RsaParameters}). */
        public Builder keywardenRsaParameters(RsaParameters keywardenRsaParameters) {
            this.keywardenRsaParameters = keywardenRsaParameters;
            return this;
        }

        public EncryptRequest build() {
            return new EncryptRequest(keyId, plaintext, encryptionContext, grantTokens, encryptionAlgorithm, keywardenRsaParameters);
        }
    }

    /** Byte arrays are shown by length only: they may be plaintext or key material. */
    @Override
    public String toString() {
        return "EncryptRequest[" + "keyId=" + keyId + ", " + "plaintext=" + (plaintext == null ? "null" : "<" + plaintext.length + " bytes>") + ", " + "encryptionContext=" + encryptionContext + ", " + "grantTokens=" + GrantTokens.redacted(grantTokens) + ", " + "encryptionAlgorithm=" + encryptionAlgorithm + ", keywardenRsaParameters=" + keywardenRsaParameters + "]";
    }
}
