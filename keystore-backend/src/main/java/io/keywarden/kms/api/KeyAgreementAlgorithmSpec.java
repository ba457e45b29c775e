package io.keywarden.kms.api;

/** Key agreement algorithms. */
public enum KeyAgreementAlgorithmSpec {
    ECDH
}
