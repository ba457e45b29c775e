package io.keywarden.kms.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** What DescribeKey says of a key, shaped like AWS KMS's KeyMetadata. */
public record KeyMetadata(
        @JsonProperty("AWSAccountId") String awsAccountId,
        String keyId,
        String arn,
        Instant creationDate,
        boolean enabled,
        String description,
        KeyUsage keyUsage,
        KeyState keyState,
        Instant deletionDate,
        Instant validTo,
        OriginType origin,
        ExpirationModelType expirationModel,
        String keyManager,
        KeySpec customerMasterKeySpec,
        KeySpec keySpec,
        List<EncryptionAlgorithmSpec> encryptionAlgorithms,
        List<SigningAlgorithmSpec> signingAlgorithms,
        List<KeyAgreementAlgorithmSpec> keyAgreementAlgorithms,
        List<MacAlgorithmSpec> macAlgorithms,
        boolean multiRegion,
        Integer pendingDeletionWindowInDays,
        String currentKeyMaterialId) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the style of the AWS SDK's. */
    public static final class Builder {
        private String awsAccountId;
        private String keyId;
        private String arn;
        private Instant creationDate;
        private boolean enabled;
        private String description;
        private KeyUsage keyUsage;
        private KeyState keyState;
        private Instant deletionDate;
        private Instant validTo;
        private OriginType origin;
        private ExpirationModelType expirationModel;
        private String keyManager;
        private KeySpec customerMasterKeySpec;
        private KeySpec keySpec;
        private List<EncryptionAlgorithmSpec> encryptionAlgorithms;
        private List<SigningAlgorithmSpec> signingAlgorithms;
        private List<KeyAgreementAlgorithmSpec> keyAgreementAlgorithms;
        private List<MacAlgorithmSpec> macAlgorithms;
        private boolean multiRegion;
        private Integer pendingDeletionWindowInDays;
        private String currentKeyMaterialId;

        private Builder() {
        }

        public Builder awsAccountId(String awsAccountId) {
            this.awsAccountId = awsAccountId;
            return this;
        }

        public Builder keyId(String keyId) {
            this.keyId = keyId;
            return this;
        }

        public Builder arn(String arn) {
            this.arn = arn;
            return this;
        }

        public Builder creationDate(Instant creationDate) {
            this.creationDate = creationDate;
            return this;
        }

        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder keyUsage(KeyUsage keyUsage) {
            this.keyUsage = keyUsage;
            return this;
        }

        public Builder keyState(KeyState keyState) {
            this.keyState = keyState;
            return this;
        }

        public Builder deletionDate(Instant deletionDate) {
            this.deletionDate = deletionDate;
            return this;
        }

        public Builder validTo(Instant validTo) {
            this.validTo = validTo;
            return this;
        }

        public Builder origin(OriginType origin) {
            this.origin = origin;
            return this;
        }

        public Builder expirationModel(ExpirationModelType expirationModel) {
            this.expirationModel = expirationModel;
            return this;
        }

        public Builder keyManager(String keyManager) {
            this.keyManager = keyManager;
            return this;
        }

        public Builder customerMasterKeySpec(KeySpec customerMasterKeySpec) {
            this.customerMasterKeySpec = customerMasterKeySpec;
            return this;
        }

        public Builder keySpec(KeySpec keySpec) {
            this.keySpec = keySpec;
            return this;
        }

        public Builder encryptionAlgorithms(List<EncryptionAlgorithmSpec> encryptionAlgorithms) {
            this.encryptionAlgorithms = encryptionAlgorithms;
            return this;
        }

        public Builder signingAlgorithms(List<SigningAlgorithmSpec> signingAlgorithms) {
            this.signingAlgorithms = signingAlgorithms;
            return this;
        }

        public Builder keyAgreementAlgorithms(List<KeyAgreementAlgorithmSpec> keyAgreementAlgorithms) {
            this.keyAgreementAlgorithms = keyAgreementAlgorithms;
            return this;
        }

        public Builder macAlgorithms(List<MacAlgorithmSpec> macAlgorithms) {
            this.macAlgorithms = macAlgorithms;
            return this;
        }

        public Builder multiRegion(boolean multiRegion) {
            this.multiRegion = multiRegion;
            return this;
        }

        public Builder pendingDeletionWindowInDays(Integer pendingDeletionWindowInDays) {
            this.pendingDeletionWindowInDays = pendingDeletionWindowInDays;
            return this;
        }

        public Builder currentKeyMaterialId(String currentKeyMaterialId) {
            this.currentKeyMaterialId = currentKeyMaterialId;
            return this;
        }

        public KeyMetadata build() {
            return new KeyMetadata(awsAccountId, keyId, arn, creationDate, enabled, description, keyUsage, keyState, deletionDate, validTo, origin, expirationModel, keyManager, customerMasterKeySpec, keySpec, encryptionAlgorithms, signingAlgorithms, keyAgreementAlgorithms, macAlgorithms, multiRegion, pendingDeletionWindowInDays, currentKeyMaterialId);
        }
    }
}
