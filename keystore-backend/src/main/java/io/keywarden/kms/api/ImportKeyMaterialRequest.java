package io.keywarden.kms.api;

import java.time.Instant;

/** The request of ImportKeyMaterial, with AWS KMS's members. */
public record ImportKeyMaterialRequest(
        String keyId,
        byte[] importToken,
        byte[] encryptedKeyMaterial,
        Instant validTo,
        ExpirationModelType expirationModel) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the style of the AWS SDK's. */
    public static final class Builder {
        private String keyId;
        private byte[] importToken;
        private byte[] encryptedKeyMaterial;
        private Instant validTo;
        private ExpirationModelType expirationModel;

        private Builder() {
        }

        public Builder keyId(String keyId) {
            this.keyId = keyId;
            return this;
        }

        public Builder importToken(byte[] importToken) {
            this.importToken = importToken;
            return this;
        }

        public Builder encryptedKeyMaterial(byte[] encryptedKeyMaterial) {
            this.encryptedKeyMaterial = encryptedKeyMaterial;
            return this;
        }

        public Builder validTo(Instant validTo) {
            this.validTo = validTo;
            return this;
        }

        public Builder expirationModel(ExpirationModelType expirationModel) {
            this.expirationModel = expirationModel;
            return this;
        }

        public ImportKeyMaterialRequest build() {
            return new ImportKeyMaterialRequest(keyId, importToken, encryptedKeyMaterial, validTo, expirationModel);
        }
    }

    /** Byte arrays are shown by length only: they may be plaintext or key material. */
    @Override
    public String toString() {
        return "ImportKeyMaterialRequest[" + "keyId=" + keyId + ", " + "importToken=" + (importToken == null ? "null" : "<" + importToken.length + " bytes>") + ", " + "encryptedKeyMaterial=" + (encryptedKeyMaterial == null ? "null" : "<" + encryptedKeyMaterial.length + " bytes>") + ", " + "validTo=" + validTo + ", " + "expirationModel=" + expirationModel + "]";
    }
}
