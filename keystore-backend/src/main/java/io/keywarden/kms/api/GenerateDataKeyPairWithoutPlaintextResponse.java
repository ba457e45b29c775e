package io.keywarden.kms.api;

/** The response of GenerateDataKeyPairWithoutPlaintext, with AWS KMS's members. */
public record GenerateDataKeyPairWithoutPlaintextResponse(
        byte[] privateKeyCiphertextBlob,
        byte[] publicKey,
        String keyId,
        DataKeyPairSpec keyPairSpec,
        String keyMaterialId) {

    /** Byte arrays are shown by length only: they may be plaintext or key material. */
    @Override
    public String toString() {
        return "GenerateDataKeyPairWithoutPlaintextResponse[" + "privateKeyCiphertextBlob=" + (privateKeyCiphertextBlob == null ? "null" : "<" + privateKeyCiphertextBlob.length + " bytes>") + ", " + "publicKey=" + (publicKey == null ? "null" : "<" + publicKey.length + " bytes>") + ", " + "keyId=" + keyId + ", " + "keyPairSpec=" + keyPairSpec + ", " + "keyMaterialId=" + keyMaterialId + "]";
    }
}
