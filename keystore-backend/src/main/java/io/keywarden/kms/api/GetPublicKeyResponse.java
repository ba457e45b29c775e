package io.keywarden.kms.api;

import java.util.List;

/** The response of GetPublicKey, with AWS KMS's members. */
public record GetPublicKeyResponse(
        String keyId,
        byte[] publicKey,
        KeySpec customerMasterKeySpec,
        KeySpec keySpec,
        KeyUsage keyUsage,
        List<EncryptionAlgorithmSpec> encryptionAlgorithms,
        List<SigningAlgorithmSpec> signingAlgorithms,
        List<KeyAgreementAlgorithmSpec> keyAgreementAlgorithms) {

    /** Byte arrays are shown by length only: they may be plaintext or key material. */
    @Override
    public String toString() {
        return "GetPublicKeyResponse[" + "keyId=" + keyId + ", " + "publicKey=" + (publicKey == null ? "null" : "<" + publicKey.length + " bytes>") + ", " + "customerMasterKeySpec=" + customerMasterKeySpec + ", " + "keySpec=" + keySpec + ", " + "keyUsage=" + keyUsage + ", " + "encryptionAlgorithms=" + encryptionAlgorithms + ", " + "signingAlgorithms=" + signingAlgorithms + ", " + "keyAgreementAlgorithms=" + keyAgreementAlgorithms + "]";
    }
}
