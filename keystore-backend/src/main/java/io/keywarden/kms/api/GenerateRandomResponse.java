package io.keywarden.kms.api;

/** The response of GenerateRandom, with AWS KMS's members. */
public record GenerateRandomResponse(
        byte[] plaintext) {

    /** Byte arrays are shown by length only: they may be plaintext or key material. */
    @Override
    public String toString() {
        return "GenerateRandomResponse[" + "plaintext=" + (plaintext == null ? "null" : "<" + plaintext.length + " bytes>") + "]";
    }
}
