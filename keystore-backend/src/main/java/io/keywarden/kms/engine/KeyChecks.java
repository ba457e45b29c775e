package io.keywarden.kms.engine;

import io.keywarden.kms.api.EncryptionAlgorithmSpec;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.errors.InvalidKeyUsageException;
import io.keywarden.kms.api.errors.ValidationException;
import io.keywarden.kms.crypto.KeySpecStrategies;
import io.keywarden.kms.store.KeyRecord;
import java.util.List;
import java.util.Map;

/** Checks of a key against what an operation needs of it: usage, spec, algorithm, encryption context. */
final class KeyChecks {

    static final int MAX_CONTEXT_ENTRIES = 64;
    static final int MAX_CONTEXT_CHARS = 8192;

    private KeyChecks() {
    }

    static void usage(KeyRecord key, KeyUsage required, Operation op) {
        if (key.keyUsage() != required) {
            throw new InvalidKeyUsageException(key.arn() + " key usage is " + key.keyUsage() + " which is not valid for "
                    + op.apiName() + ".");
        }
    }

    static void symmetric(KeyRecord key, Operation op) {
        if (key.keySpec() != KeySpec.SYMMETRIC_DEFAULT) {
            throw new InvalidKeyUsageException(key.arn() + " key spec is " + key.keySpec() + " which is not valid for "
                    + op.apiName() + ": it needs a symmetric encryption key.");
        }
    }

    static EncryptionAlgorithmSpec encryptionAlgorithm(KeyRecord key, EncryptionAlgorithmSpec requested) {
        EncryptionAlgorithmSpec algorithm = requested == null ? EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT : requested;
        List<EncryptionAlgorithmSpec> allowed = KeySpecStrategies.forSpec(key.keySpec())
                .encryptionAlgorithms(key.keySpec(), key.keyUsage());
        if (!allowed.contains(algorithm)) {
            throw new InvalidKeyUsageException("The encryption algorithm " + algorithm + " is not compatible with "
                    + key.arn() + " (key spec " + key.keySpec() + ").");
        }
        return algorithm;
    }

    /**
     * The encryption context: null is empty; it is bound only to symmetric ciphertexts, so a
     * non-empty context with another key is refused. Bounded in entries and size.
     */
    static Map<String, String> context(KeyRecord key, Map<String, String> context) {
        Map<String, String> ec = context(context);
        if (!ec.isEmpty() && key.keySpec() != KeySpec.SYMMETRIC_DEFAULT) {
            throw new ValidationException("EncryptionContext is supported only with symmetric encryption KMS keys.");
        }
        return ec;
    }

    static Map<String, String> context(Map<String, String> context) {
        if (context == null) {
            return Map.of();
        }
        if (context.size() > MAX_CONTEXT_ENTRIES) {
            throw new ValidationException("EncryptionContext has more than " + MAX_CONTEXT_ENTRIES + " entries.");
        }
        int chars = 0;
        for (Map.Entry<String, String> e : context.entrySet()) {
            if (e.getKey() == null || e.getValue() == null || e.getKey().isEmpty()) {
                throw new ValidationException("EncryptionContext keys must be non-empty and values non-null.");
            }
            chars += e.getKey().length() + e.getValue().length();
        }
        if (chars > MAX_CONTEXT_CHARS) {
            throw new ValidationException("EncryptionContext is longer than " + MAX_CONTEXT_CHARS + " characters.");
        }
        return context;
    }
}
