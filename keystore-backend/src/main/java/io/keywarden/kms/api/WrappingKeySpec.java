package io.keywarden.kms.api;

/** RSA wrapping key sizes of GetParametersForImport. */
public enum WrappingKeySpec {
    RSA_2048,
    RSA_3072,
    RSA_4096
}
