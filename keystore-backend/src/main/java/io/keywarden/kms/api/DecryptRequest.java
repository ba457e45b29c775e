package io.keywarden.kms.api;

import java.util.List;
import java.util.Map;

/**
 * The request of Decrypt, with AWS KMS's members and the optional Keywarden extension
 * {@code KeywardenRsaParameters} ({@link RsaParameters}; null: AWS KMS's behaviour).
 */
public record DecryptRequest(
        byte[] ciphertextBlob,
        Map<String, String> encryptionContext,
        List<String> grantTokens,
        String keyId,
        EncryptionAlgorithmSpec encryptionAlgorithm,
        RsaParameters keywardenRsaParameters) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the style of the AWS SDK's. */
    public static final class Builder {
        private byte[] ciphertextBlob;
        private Map<String, String> encryptionContext;
        private List<String> grantTokens;
        private String keyId;
        private EncryptionAlgorithmSpec encryptionAlgorithm;

        private RsaParameters keywardenRsaParameters;

        private Builder() {
        }

        public Builder ciphertextBlob(byte[] ciphertextBlob) {
            this.ciphertextBlob = ciphertextBlob;
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

        public Builder keyId(String keyId) {
            this.keyId = keyId;
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

        public DecryptRequest build() {
            return new DecryptRequest(ciphertextBlob, encryptionContext, grantTokens, keyId, encryptionAlgorithm, keywardenRsaParameters);
        }
    }

    /** Byte arrays are shown by length only: they may be plaintext or key material. */
    @Override
    public String toString() {
        return "DecryptRequest[" + "ciphertextBlob=" + (ciphertextBlob == null ? "null" : "<" + ciphertextBlob.length + " bytes>") + ", " + "encryptionContext=" + encryptionContext + ", " + "grantTokens=" + GrantTokens.redacted(grantTokens) + ", " + "keyId=" + keyId + ", " + "encryptionAlgorithm=" + encryptionAlgorithm + ", keywardenRsaParameters=" + keywardenRsaParameters + "]";
    }
}
