package io.keywarden.kms.api;

/** The response of ReEncrypt, with AWS KMS's members. */
public record ReEncryptResponse(
        byte[] ciphertextBlob,
        String sourceKeyId,
        String keyId,
        EncryptionAlgorithmSpec sourceEncryptionAlgorithm,
        EncryptionAlgorithmSpec destinationEncryptionAlgorithm,
        String sourceKeyMaterialId,
        String destinationKeyMaterialId) {

    /** Byte arrays are shown by length only: they may be plaintext or key material. */
    @Override
    public String toString() {
        return "ReEncryptResponse[" + "ciphertextBlob=" + (ciphertextBlob == null ? "null" : "<" + ciphertextBlob.length + " bytes>") + ", " + "sourceKeyId=" + sourceKeyId + ", " + "keyId=" + keyId + ", " + "sourceEncryptionAlgorithm=" + sourceEncryptionAlgorithm + ", " + "destinationEncryptionAlgorithm=" + destinationEncryptionAlgorithm + ", " + "sourceKeyMaterialId=" + sourceKeyMaterialId + ", " + "destinationKeyMaterialId=" + destinationKeyMaterialId + "]";
    }
}
