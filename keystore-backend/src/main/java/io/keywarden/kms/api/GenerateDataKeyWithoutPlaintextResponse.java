package io.keywarden.kms.api;

/** The response of GenerateDataKeyWithoutPlaintext, with AWS KMS's members. */
public record GenerateDataKeyWithoutPlaintextResponse(
        byte[] ciphertextBlob,
        String keyId,
        String keyMaterialId) {

    /** Byte arrays are shown by length only: they may be plaintext or key material. */
    @Override
    public String toString() {
        return "GenerateDataKeyWithoutPlaintextResponse[" + "ciphertextBlob=" + (ciphertextBlob == null ? "null" : "<" + ciphertextBlob.length + " bytes>") + ", " + "keyId=" + keyId + ", " + "keyMaterialId=" + keyMaterialId + "]";
    }
}
