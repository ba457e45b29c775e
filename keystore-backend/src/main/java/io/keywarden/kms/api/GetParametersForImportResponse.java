package io.keywarden.kms.api;

import java.time.Instant;

/** The response of GetParametersForImport, with AWS KMS's members. */
public record GetParametersForImportResponse(
        String keyId,
        byte[] importToken,
        byte[] publicKey,
        Instant parametersValidTo) {

    /** Byte arrays are shown by length only: they may be plaintext or key material. */
    @Override
    public String toString() {
        return "GetParametersForImportResponse[" + "keyId=" + keyId + ", " + "importToken=" + (importToken == null ? "null" : "<" + importToken.length + " bytes>") + ", " + "publicKey=" + (publicKey == null ? "null" : "<" + publicKey.length + " bytes>") + ", " + "parametersValidTo=" + parametersValidTo + "]";
    }
}
