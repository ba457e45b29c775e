package io.keywarden.kms.api;

/** Data key lengths of GenerateDataKey. */
public enum DataKeySpec {
    AES_128,
    AES_256
}
