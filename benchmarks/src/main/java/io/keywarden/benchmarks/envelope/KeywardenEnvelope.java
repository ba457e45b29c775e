package io.keywarden.benchmarks.envelope;

import io.keywarden.benchmarks.KeywardenEnvironment;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.provider.KeywardenProvider;
import io.keywarden.provider.KeywardenRuntime;
import io.keywarden.provider.KmsKey;
import io.keywarden.provider.KmsKeys;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import javax.crypto.Cipher;
import javax.crypto.NoSuchPaddingException;

/**
 * Keywarden's {@code AES/GCM/NoPadding} envelope (docs/envelope-format.md) on a SYMMETRIC_DEFAULT
 * managed key of the embedded engine. Each message is a new {@code init}: uncached, that is one
 * GenerateDataKey (encrypt) or Decrypt (decrypt) call with its policy check and audit event;
 * cached, the data key comes from the runtime's cache within the default limits.
 */
final class KeywardenEnvelope implements EnvelopeSubject {

    private final Key key;
    private final ThreadLocal<Cipher> cipher;

    KeywardenEnvelope(KeywardenEnvironment env, boolean cached) {
        String keyId = env.createKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        KmsKey handle = env.handle(keyId, cached);
        this.key = handle;
        Provider provider = cached ? env.cachedProvider : env.provider;
        this.cipher = ThreadLocal.withInitial(() -> newCipher(provider));
    }

    private KeywardenEnvelope(Key key, Provider provider) {
        this.key = key;
        this.cipher = ThreadLocal.withInitial(() -> newCipher(provider));
    }

    /**
     * The uncached envelope over {@link FloorBackend}: its data-key calls are only the floor of an
     * audited call (an experiment: the upper bound of any uncached design on this machine).
     */
    static KeywardenEnvelope overTheFloor(KeywardenEnvironment env) {
        return overTheFloor(env, null);
    }

    /** The same, each call's event text also appended to a file of the environment's by a thread of its own. */
    static KeywardenEnvelope overTheFloorWithWriter(KeywardenEnvironment env) {
        try {
            FloorBackend.Appender appender = new FloorBackend.Appender(env.dir().resolve("floor-events.log"));
            env.closeWith(appender);
            return overTheFloor(env, appender);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The same, each call's event text also appended to a file by {@code appender}'s thread (null: none). */
    static KeywardenEnvelope overTheFloor(KeywardenEnvironment env, FloorBackend.Appender appender) {
        String keyId = env.createKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        KeywardenRuntime runtime = KeywardenRuntime.of(FloorBackend.over(env.engine, keyId, appender));
        try {
            return new KeywardenEnvelope(KmsKeys.handle(runtime, keyId), new KeywardenProvider(runtime));
        } catch (java.security.InvalidKeyException e) {
            throw new IllegalStateException("no handle for a key just created", e);
        }
    }

    private static Cipher newCipher(Provider provider) {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding", provider);
        } catch (NoSuchAlgorithmException | NoSuchPaddingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public byte[] encrypt(byte[] plaintext) throws GeneralSecurityException {
        Cipher c = cipher.get();
        c.init(Cipher.ENCRYPT_MODE, key);
        return c.doFinal(plaintext);
    }

    @Override
    public byte[] decrypt(byte[] ciphertext) throws GeneralSecurityException {
        Cipher c = cipher.get();
        c.init(Cipher.DECRYPT_MODE, key);
        return c.doFinal(ciphertext);
    }

    @Override
    public int encryptInto(byte[] plaintext, byte[] out) throws GeneralSecurityException {
        Cipher c = cipher.get();
        c.init(Cipher.ENCRYPT_MODE, key);
        return c.doFinal(plaintext, 0, plaintext.length, out, 0);
    }

    @Override
    public int decryptInto(byte[] ciphertext, byte[] out) throws GeneralSecurityException {
        Cipher c = cipher.get();
        c.init(Cipher.DECRYPT_MODE, key);
        return c.doFinal(ciphertext, 0, ciphertext.length, out, 0);
    }
}
