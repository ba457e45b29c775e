package io.keywarden.kms.api;

/** How a key material came to be. */
public enum RotationType {
    AUTOMATIC,
    ON_DEMAND
}
