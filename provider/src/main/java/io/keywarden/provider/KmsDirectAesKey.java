package io.keywarden.provider;

import javax.crypto.SecretKey;

/**
 * A handle to an imported {@code KEYWARDEN_AES_128/192/256} key (a <b>Keywarden extension</b>, see
 * docs/provider-services.md): algorithm {@code AES}, used with {@code AES/GCM/NoPadding} in direct
 * mode (the caller's IV, raw ciphertext‖tag) and with {@code AES/KW/NoPadding} and
 * {@code AES/KWP/NoPadding} (raw RFC 3394/5649). {@link KmsKeys#handle} returns one for such a key;
 * handles of SYMMETRIC_DEFAULT keys stay {@link KmsSecretKey} (envelope encryption).
 */
public final class KmsDirectAesKey extends KmsHandle implements SecretKey {

    private static final long serialVersionUID = 1L;

    public KmsDirectAesKey(KeywardenRuntime runtime, String keyId) {
        super(runtime, keyId, "AES");
    }
}
