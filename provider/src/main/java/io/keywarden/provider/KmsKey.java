package io.keywarden.provider;

import java.security.Key;

/**
 * A handle to a key managed by Keywarden: the key's material never leaves the backend. Handles
 * refer to a key id or alias, never to a material version, so the backend always uses the newest
 * material. Like SunPKCS11's sensitive keys, {@link #getFormat()} and {@link #getEncoded()} return
 * null; this is what makes the JCA's delayed provider selection route handles to Keywarden and
 * every other key to the other providers.
 */
public interface KmsKey extends Key {

    /** The key id (or alias) the handle refers to. */
    String keyId();

    /** Always null: a handle has no encoding. */
    @Override
    default String getFormat() {
        return null;
    }

    /** Always null: the key material stays in the backend. */
    @Override
    default byte[] getEncoded() {
        return null;
    }
}
