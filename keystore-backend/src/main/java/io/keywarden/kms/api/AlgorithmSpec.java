package io.keywarden.kms.api;

/** Wrapping algorithms of GetParametersForImport. */
public enum AlgorithmSpec {
    RSAES_PKCS1_V1_5,
    RSAES_OAEP_SHA_1,
    RSAES_OAEP_SHA_256,
    RSA_AES_KEY_WRAP_SHA_1,
    RSA_AES_KEY_WRAP_SHA_256
}
