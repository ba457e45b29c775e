package io.keywarden.kms.engine;

import io.keywarden.kms.api.errors.NotFoundException;
import io.keywarden.kms.api.errors.ValidationException;
import io.keywarden.kms.store.AliasRecord;
import io.keywarden.kms.store.KeyRecord;
import io.keywarden.kms.store.StoreTransaction;
import java.util.regex.Pattern;

/**
 * Turns the KeyId member of a request into a key: a key id, a key ARN, an alias name
 * ({@code alias/…}) or an alias ARN, as AWS KMS accepts them.
 */
final class KeyResolver {

    static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final EngineSettings settings;

    KeyResolver(EngineSettings settings) {
        this.settings = settings;
    }

    /** The key id named by {@code identifier}, or NotFoundException. */
    String keyIdOf(StoreTransaction tx, String identifier) {
        if (identifier == null || identifier.isEmpty()) {
            throw new ValidationException("1 validation error detected: Value null at 'keyId' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        if (identifier.length() > 2048) {
            throw new ValidationException("1 validation error detected: Value at 'keyId' failed to satisfy "
                    + "constraint: Member must have length less than or equal to 2048");
        }
        String name = identifier;
        String arnPrefix = "arn:aws:kms:" + settings.region() + ":" + settings.account() + ":";
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

    KeyRecord resolve(StoreTransaction tx, String identifier) {
        String keyId = keyIdOf(tx, identifier);
        return tx.findKey(keyId).orElseThrow(() -> notFound(keyId));
    }

    private String existingKey(StoreTransaction tx, String keyId, String identifier) {
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new NotFoundException("Invalid keyId '" + printable(identifier) + "'");
        }
        if (tx.findKey(keyId).isEmpty()) {
            throw notFound(keyId);
        }
        return keyId;
    }

    NotFoundException notFound(String keyId) {
        return new NotFoundException("Key '" + settings.keyArn(keyId) + "' does not exist");
    }

    private static String printable(String s) {
        String cut = s.length() > 256 ? s.substring(0, 256) + "…" : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
