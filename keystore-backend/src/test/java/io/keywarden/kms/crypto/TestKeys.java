package io.keywarden.kms.crypto;

import io.keywarden.kms.api.KeySpec;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;

/** Generated key material cached per spec, so the slow RSA-4096 key is made once per test run. */
final class TestKeys {

    private static final Map<KeySpec, GeneratedMaterial> CACHE = new EnumMap<>(KeySpec.class);

    private TestKeys() {
    }

    static synchronized GeneratedMaterial material(KeySpec spec) {
        return CACHE.computeIfAbsent(spec, s -> KeySpecStrategies.forSpec(s).generate(s));
    }

    static KeyMaterial key(KeySpec spec) {
        GeneratedMaterial m = material(spec);
        return new KeyMaterial("6f1c5a9e-3b2d-4c8a-9e7f-0a1b2c3d4e5f", 1, m.secret(), m.publicKey());
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }
}
