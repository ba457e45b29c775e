package io.keywarden.kms.api;

/** The response of Decrypt, with AWS KMS's members. */
public record DecryptResponse(
        String keyId,
        byte[] plaintext,
        EncryptionAlgorithmSpec encryptionAlgorithm,
        String keyMaterialId) {

    /** Byte arrays are shown by length only: they may be plaintext or key material. */
    @Override
    public String toString() {
        return "DecryptResponse[" + "keyId=" + keyId + ", " + "plaintext=" + (plaintext == null ? "null" : "<" + plaintext.length + " bytes>") + ", " + "encryptionAlgorithm=" + encryptionAlgorithm + ", " + "keyMaterialId=" + keyMaterialId + "]";
    }
}
