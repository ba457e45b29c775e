package io.keywarden.kms.api;

/** How Sign and Verify read the message: the message itself, its digest, or an ML-DSA external mu. */
public enum MessageType {
    RAW,
    DIGEST,
    EXTERNAL_MU
}
