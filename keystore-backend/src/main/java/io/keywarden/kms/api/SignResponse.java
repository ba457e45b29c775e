package io.keywarden.kms.api;

/** The response of Sign, with AWS KMS's members. */
public record SignResponse(
        String keyId,
        byte[] signature,
        SigningAlgorithmSpec signingAlgorithm) {

    /** Byte arrays are shown by length only: they may be plaintext or key material. */
    @Override
    public String toString() {
        return "SignResponse[" + "keyId=" + keyId + ", " + "signature=" + (signature == null ? "null" : "<" + signature.length + " bytes>") + ", " + "signingAlgorithm=" + signingAlgorithm + "]";
    }
}
