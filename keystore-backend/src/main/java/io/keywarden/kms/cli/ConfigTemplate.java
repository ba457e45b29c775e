package io.keywarden.kms.cli;

import io.keywarden.kms.config.KeywardenConfig;

/** The {@code keywarden.conf} that {@code keywarden init} writes: every setting, with comments. */
final class ConfigTemplate {

    private ConfigTemplate() {
    }

    static String render(String store, String principal, String region, String passphraseEnv) {
        String rootKeyFile = store + "/root.key";
        return """
                # Keywarden configuration (a Java properties file), written by `keywarden init`.
                # Relative paths are resolved against the directory of this file.
                # Used by the keywarden CLI and the JCA provider; see docs/configuration.md.

                # The store directory: the SQLite database of keys, aliases and sealed key material.
                store=%s

                # The caller: the IAM ARN that owns the keys. Its account id appears in every key ARN.
                principal=%s

                # The region written into ARNs.
                region=%s

                # The root key that seals all key material in the store: a file of random bytes, created
                # with the store. Keep it apart from backups of the store; without it they cannot be read.
                # Used when rootKey.passphraseEnv is empty.
                rootKey.file=%s

                # Instead of the root key file: the name of an environment variable holding a passphrase,
                # stretched with Argon2id. Leave empty to use rootKey.file.
                rootKey.passphraseEnv=%s

                # Quotas, as in AWS KMS: keys per account, aliases per key, and grants per key.
                quota.keysPerAccount=100000
                quota.aliasesPerKey=50
                quota.grantsPerKey=50000
                """.formatted(escape(store), escape(principal), escape(region), escape(rootKeyFile),
                        passphraseEnv == null ? "" : escape(passphraseEnv));
    }

    /** Backslashes are escapes in properties files. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\");
    }

    static String defaultPrincipal() {
        return KeywardenConfig.DEFAULT_PRINCIPAL;
    }
}
