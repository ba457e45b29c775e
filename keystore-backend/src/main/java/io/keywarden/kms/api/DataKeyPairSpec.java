package io.keywarden.kms.api;

/** Data key pair types of GenerateDataKeyPair. */
public enum DataKeyPairSpec {
    RSA_2048,
    RSA_3072,
    RSA_4096,
    ECC_NIST_P256,
    ECC_NIST_P384,
    ECC_NIST_P521,
    ECC_SECG_P256K1,
    ECC_NIST_EDWARDS25519
}
