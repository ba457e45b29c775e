package io.keywarden.kms.api;

/** The response of DeriveSharedSecret, with AWS KMS's members. */
public record DeriveSharedSecretResponse(
        String keyId,
        byte[] sharedSecret,
        KeyAgreementAlgorithmSpec keyAgreementAlgorithm,
        OriginType keyOrigin) {

    /** Byte arrays are shown by length only: they may be plaintext or key material. */
    @Override
    public String toString() {
        return "DeriveSharedSecretResponse[" + "keyId=" + keyId + ", " + "sharedSecret=" + (sharedSecret == null ? "null" : "<" + sharedSecret.length + " bytes>") + ", " + "keyAgreementAlgorithm=" + keyAgreementAlgorithm + ", " + "keyOrigin=" + keyOrigin + "]";
    }
}
