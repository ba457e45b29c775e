package io.keywarden.kms.engine;

import io.keywarden.kms.api.WrappingKeySpec;
import io.keywarden.kms.crypto.ImportWrapping;
import java.security.KeyPair;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where GetParametersForImport takes its RSA wrapping key pairs from. The engine's default,
 * {@link #fresh()}, generates a new pair for every call, as AWS KMS does.
 */
@FunctionalInterface
public interface WrappingKeyPairs {

    /** A wrapping key pair of {@code spec}. */
    KeyPair next(WrappingKeySpec spec);

    /** A new key pair for every GetParametersForImport (the default). */
    static WrappingKeyPairs fresh() {
        return ImportWrapping::newWrappingKeyPair;
    }

    /**
     * One key pair per spec, generated on first use and then reused: <b>for test harnesses only</b>
     * (the conformance runner imports thousands of keys, and generating an RSA key pair for each
     * dominates its run time). Never use it for a store that holds real keys: with a shared wrapping
     * key, material wrapped for one key could be imported into another by anyone who may import.
     */
    static WrappingKeyPairs reusedForTests() {
        Map<WrappingKeySpec, KeyPair> pairs = new EnumMap<>(WrappingKeySpec.class);
        return spec -> {
            synchronized (pairs) {
                return pairs.computeIfAbsent(spec, ImportWrapping::newWrappingKeyPair);
            }
        };
    }
}
