package io.keywarden.kms.store;

import io.keywarden.kms.config.KeywardenConfig;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a store's 32-byte root key comes from. Every key the store uses (the sealing key of secrets
 * and the row MAC key) is derived from it. The root key is never written into the store, so it is
 * not part of a backup either: keep the key file (or the passphrase) separately.
 *
 * <p>A source may need parameters kept in the store (the Argon2id salt of a passphrase); it makes
 * them with {@link #newParameters()} when a store is created and receives them back in
 * {@link #deriveRootKey}. Parameters are not secret.
 */
public interface RootKeySource {

    /** A short, stable name of the kind of source, recorded in the store ({@code key-file}, {@code argon2id}). */
    String kind();

    /** Describes the source for error messages, never revealing the key or passphrase. */
    String describe();

    /** Parameters to record in a new store (may be empty). */
    Map<String, String> newParameters();

    /**
     * Returns a fresh copy of the 32-byte root key; the caller zeroes it when done.
     *
     * @param parameters the parameters recorded in the store
     * @param creatingStore true when the store is being created, so a source may create its key
     * @throws RootKeyException when the key cannot be obtained
     */
    byte[] deriveRootKey(Map<String, String> parameters, boolean creatingStore);

    /** A root key kept in a file of 32 random bytes, created with permissions 0600 on first use. */
    static RootKeySource keyFile(Path file) {
        return new KeyFileRootKey(file);
    }

    /** A root key stretched from a passphrase with Argon2id (the array is copied). */
    static RootKeySource passphrase(char[] passphrase) {
        return new PassphraseRootKey(passphrase);
    }

    /**
     * The source named by the configuration: the passphrase in the environment variable named by
     * {@code rootKey.passphraseEnv} when that is set, else the key file {@code rootKey.file}.
     *
     * @throws RootKeyException when the named environment variable is unset or empty
     */
    static RootKeySource fromConfig(KeywardenConfig config) {
        String env = config.passphraseEnv();
        if (env != null) {
            String value = System.getenv(env);
            if (value == null || value.isEmpty()) {
                throw new RootKeyException("rootKey.passphraseEnv names the environment variable " + env
                        + ", which is not set or empty");
            }
            return new PassphraseRootKey(value.toCharArray());
        }
        return new KeyFileRootKey(config.rootKeyFile());
    }
}
