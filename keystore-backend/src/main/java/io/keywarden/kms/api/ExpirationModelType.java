package io.keywarden.kms.api;

/** Whether imported key material expires. */
public enum ExpirationModelType {
    KEY_MATERIAL_EXPIRES,
    KEY_MATERIAL_DOES_NOT_EXPIRE
}
