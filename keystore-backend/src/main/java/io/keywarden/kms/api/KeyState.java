package io.keywarden.kms.api;

/** Key states of AWS KMS that the embedded engine uses. */
public enum KeyState {
    Enabled,
    Disabled,
    PendingDeletion,
    PendingImport
}
