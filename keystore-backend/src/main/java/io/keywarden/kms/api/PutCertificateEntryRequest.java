package io.keywarden.kms.api;

import java.util.List;

/**
 * The request of PutCertificateEntry, a Keywarden extension beyond AWS KMS: stores a certificate
 * chain under an entry name, beside a key ({@code keyId} names an asymmetric key by id, ARN or
 * alias) or, with a null {@code keyId}, as a trusted-certificate entry. {@code certificateChain}
 * holds DER-encoded X.509 certificates, the key's own certificate first.
 */
public record PutCertificateEntryRequest(
        String entryName,
        String keyId,
        List<byte[]> certificateChain) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder in the style of the AWS SDK's. */
    public static final class Builder {
        private String entryName;
        private String keyId;
        private List<byte[]> certificateChain;

        private Builder() {
        }

        public Builder entryName(String entryName) {
            this.entryName = entryName;
            return this;
        }

        public Builder keyId(String keyId) {
            this.keyId = keyId;
            return this;
        }

        public Builder certificateChain(List<byte[]> certificateChain) {
            this.certificateChain = certificateChain;
            return this;
        }

        public PutCertificateEntryRequest build() {
            return new PutCertificateEntryRequest(entryName, keyId, certificateChain);
        }
    }
}
