package io.keywarden.kms.api;

/** The response of ImportKeyMaterial, with AWS KMS's members. */
public record ImportKeyMaterialResponse(
        String keyId,
        String keyMaterialId) {
}
