package io.keywarden.kms.api;

/** The response of GenerateDataKeyPair, with AWS KMS's members. */
public record GenerateDataKeyPairResponse(
        byte[] privateKeyCiphertextBlob,
        byte[] privateKeyPlaintext,
        byte[] publicKey,
        String keyId,
        DataKeyPairSpec keyPairSpec,
        String keyMaterialId) {

    /** Byte arrays are shown by length only: they may be plaintext or key material. */
    @Override
    public String toString() {
        return "GenerateDataKeyPairResponse[" + "privateKeyCiphertextBlob=" + (privateKeyCiphertextBlob == null ? "null" : "<" + privateKeyCiphertextBlob.length + " bytes>") + ", " + "privateKeyPlaintext=" + (privateKeyPlaintext == null ? "null" : "<" + privateKeyPlaintext.length + " bytes>") + ", " + "publicKey=" + (publicKey == null ? "null" : "<" + publicKey.length + " bytes>") + ", " + "keyId=" + keyId + ", " + "keyPairSpec=" + keyPairSpec + ", " + "keyMaterialId=" + keyMaterialId + "]";
    }
}
