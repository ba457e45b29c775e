package io.keywarden.kms.api;

/** The response of GenerateMac, with AWS KMS's members. */
public record GenerateMacResponse(
        byte[] mac,
        MacAlgorithmSpec macAlgorithm,
        String keyId) {

    /** Byte arrays are shown by length only: they may be plaintext or key material. */
    @Override
    public String toString() {
        return "GenerateMacResponse[" + "mac=" + (mac == null ? "null" : "<" + mac.length + " bytes>") + ", " + "macAlgorithm=" + macAlgorithm + ", " + "keyId=" + keyId + "]";
    }
}
