package io.keywarden.kms.api;

/** The response of GenerateDataKey, with AWS KMS's members. */
public record GenerateDataKeyResponse(
        byte[] ciphertextBlob,
        byte[] plaintext,
        String keyId,
        String keyMaterialId) {

    /** Byte arrays are shown by length only: they may be plaintext or key material. */
    @Override
    public String toString() {
        return "GenerateDataKeyResponse[" + "ciphertextBlob=" + (ciphertextBlob == null ? "null" : "<" + ciphertextBlob.length + " bytes>") + ", " + "plaintext=" + (plaintext == null ? "null" : "<" + plaintext.length + " bytes>") + ", " + "keyId=" + keyId + ", " + "keyMaterialId=" + keyMaterialId + "]";
    }
}
