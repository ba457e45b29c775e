package io.keywarden.conformance.testers;

import io.keywarden.conformance.ManagedKeys;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.provider.KeywardenProvider;
import io.keywarden.provider.KmsKey;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Security;
import java.security.spec.ECGenParameterSpec;

/** One engine in a temp directory for the tester tests, with the provider installed last. */
final class TesterFixture {

    static ManagedKeys keys;

    private TesterFixture() {
    }

    static synchronized ManagedKeys keys() {
        if (keys == null) {
            keys = ManagedKeys.open();
            Security.removeProvider(KeywardenProvider.NAME);
            Security.addProvider(new KeywardenProvider(keys.runtime()));
            Runtime.getRuntime().addShutdownHook(new Thread(keys::close));
        }
        return keys;
    }

    static KmsKey imported(KeySpec spec, KeyUsage usage, byte[] material) {
        return keys().importKey(spec, usage, material);
    }

    static KeyPair pair(String algorithm, Object param) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm, algorithm.equals("EC") ? "SunEC"
                : algorithm.equals("RSA") ? "SunRsaSign" : "SunEC");
        if (param instanceof Integer bits) {
            g.initialize(bits);
        } else if (param instanceof String curve) {
            g.initialize(new ECGenParameterSpec(curve));
        }
        return g.generateKeyPair();
    }
}
