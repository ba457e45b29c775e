package io.keywarden.kms.api;

/** The request of DeleteImportedKeyMaterial, with AWS KMS's members. */
public record DeleteImportedKeyMaterialRequest(
        String keyId) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the style of the AWS SDK's. */
    public static final class Builder {
        private String keyId;

        private Builder() {
        }

        public Builder keyId(String keyId) {
            this.keyId = keyId;
            return this;
        }

        public DeleteImportedKeyMaterialRequest build() {
            return new DeleteImportedKeyMaterialRequest(keyId);
        }
    }
}
