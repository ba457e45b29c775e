package io.keywarden.kms.api;

/**
 * The key-wrapping algorithms of DirectWrapKey/DirectUnwrapKey (a Keywarden extension on imported
 * {@code KEYWARDEN_AES_*} keys).
 */
public enum DirectWrapAlgorithm {
    /** AES key wrap, RFC 3394 (the JDK's {@code AES/KW/NoPadding}): 16 or more bytes, a multiple of 8. */
    AES_KW,
    /** AES key wrap with padding, RFC 5649 (the JDK's {@code AES/KWP/NoPadding}): 1 or more bytes. */
    AES_KWP
}
