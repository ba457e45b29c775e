package io.keywarden.kms.engine;

import io.keywarden.kms.api.errors.NotFoundException;
import io.keywarden.kms.api.errors.ValidationException;
import io.keywarden.kms.store.AliasRecord;
import io.keywarden.kms.store.KeyRecord;
import io.keywarden.kms.store.StoreTransaction;

/**
 * Turns the KeyId member of a request into a key: a key id, a key ARN, an alias name
 * ({@code alias/…}) or an alias ARN, as AWS KMS accepts them.
 */
final class KeyResolver {

    private final EngineSettings settings;
    /** {@code arn:aws:kms:<region>:<account>:}, the prefix of this engine's key and alias ARNs. */
    private final String arnPrefix;

    KeyResolver(EngineSettings settings) {
        this.settings = settings;
        this.arnPrefix = "arn:aws:kms:" + settings.region() + ":" + settings.account() + ":";
    }

    /** The key id named by {@code identifier}, or NotFoundException. */
    String keyIdOf(StoreTransaction tx, String identifier) {
        return resolve(tx, identifier).keyId();
    }

    /** The key named by {@code identifier} (looked up once), or NotFoundException. */
    KeyRecord resolve(StoreTransaction tx, String identifier) {
        if (identifier == null || identifier.isEmpty()) {
            throw new ValidationException("1 validation error detected: Value null at 'keyId' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        if (identifier.length() > 2048) {
            throw new ValidationException("1 validation error detected: Value at 'keyId' failed to satisfy "
                    + "constraint: Member must have length less than or equal to 2048");
        }
        String name = identifier;
        if (identifier.startsWith("arn:")) {
            if (!identifier.startsWith(arnPrefix)) {
                throw new NotFoundException("Invalid arn " + settings.region());
            }
            name = identifier.substring(arnPrefix.length());
            if (name.startsWith("key/")) {
                return existingKey(tx, name.substring(4), identifier);
            }
            if (!name.startsWith("alias/")) {
                throw new NotFoundException("Invalid arn " + settings.region());
            }
        }
        if (name.startsWith("alias/")) {
            String aliasName = name;
            AliasRecord alias = tx.findAlias(aliasName).orElseThrow(() ->
                    new NotFoundException("Alias " + settings.aliasArn(aliasName) + " is not found."));
            return existingKey(tx, alias.targetKeyId(), identifier);
        }
        return existingKey(tx, name, identifier);
    }

    private KeyRecord existingKey(StoreTransaction tx, String keyId, String identifier) {
        if (!isKeyId(keyId)) {
            throw new NotFoundException("Invalid keyId '" + printable(identifier) + "'");
        }
        return tx.findKey(keyId).orElseThrow(() -> notFound(keyId));
    }

    /**
     * Whether {@code s} has the form of a key id, {@code [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}}
     * (checked by hand: a regex match per call showed in profiles).
     */
    static boolean isKeyId(String s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-' : c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    NotFoundException notFound(String keyId) {
        return new NotFoundException("Key '" + settings.keyArn(keyId) + "' does not exist");
    }

    private static String printable(String s) {
        String cut = s.length() > 256 ? s.substring(0, 256) + "…" : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
