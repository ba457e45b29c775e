package io.keywarden.kms.api;

/** The response of Encrypt, with AWS KMS's members. */
public record EncryptResponse(
        byte[] ciphertextBlob,
        String keyId,
        EncryptionAlgorithmSpec encryptionAlgorithm) {

    /** Byte arrays are shown by length only: they may be plaintext or key material. */
    @Override
    public String toString() {
        return "EncryptResponse[" + "ciphertextBlob=" + (ciphertextBlob == null ? "null" : "<" + ciphertextBlob.length + " bytes>") + ", " + "keyId=" + keyId + ", " + "encryptionAlgorithm=" + encryptionAlgorithm + "]";
    }
}
