package io.keywarden.kms.crypto;

import io.keywarden.kms.api.DataKeyPairSpec;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.errors.KmsUnsupportedOperationException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of key-spec families: each strategy names its key specs, and the table maps every
 * {@link KeySpec} to the one strategy that handles it.
 */
public final class KeySpecStrategies {

    private static final List<KeySpecStrategy> ALL = List.of(new SymmetricStrategy(), new HmacStrategy(),
            new RsaStrategy(), new EccStrategy(), new Ed25519Strategy(), new MlDsaStrategy(),
            new DirectAesStrategy(), new ExtensionHmacStrategy());

    private static final Map<KeySpec, KeySpecStrategy> BY_SPEC = table(ALL);

    private KeySpecStrategies() {
    }

    /** The strategy of a key spec; ValidationException for null. */
    public static KeySpecStrategy forSpec(KeySpec spec) {
        Checks.notNull("keySpec", spec);
        KeySpecStrategy s = BY_SPEC.get(spec);
        if (s == null) {
            throw new KmsUnsupportedOperationException("Key spec " + spec + " is not supported.");
        }
        return s;
    }

    /** The strategies, one per family. */
    public static List<KeySpecStrategy> all() {
        return ALL;
    }

    /** The key spec a GenerateDataKeyPair pair spec is generated as (the names are the same). */
    public static KeySpec keySpecOf(DataKeyPairSpec spec) {
        Checks.notNull("keyPairSpec", spec);
        return KeySpec.valueOf(spec.name());
    }

    static Map<KeySpec, KeySpecStrategy> table(List<KeySpecStrategy> strategies) {
        Map<KeySpec, KeySpecStrategy> map = new EnumMap<>(KeySpec.class);
        for (KeySpecStrategy s : strategies) {
            for (KeySpec spec : s.keySpecs()) {
                if (map.putIfAbsent(spec, s) != null) {
                    throw new IllegalStateException("Two strategies claim key spec " + spec);
                }
            }
        }
        return Collections.unmodifiableMap(map);
    }
}
