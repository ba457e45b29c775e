package io.keywarden.conformance.wycheproof;

import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.conformance.ManagedKeys;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import java.security.Key;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * keywrap_test_schema_v1 (AES-WRAP, RFC 3394, and AES-KWP, RFC 5649): the key-encryption key is
 * imported into a KEYWARDEN_AES_* key (a Keywarden extension) and {@code AES/KW/NoPadding} or
 * {@code AES/KWP/NoPadding} on its handle runs in the backend. Unwrapping ct must give msg (valid) or
 * fail (invalid); wrapping msg in valid and acceptable cases must give ct byte for byte. The JDK's
 * ciphers of the same names with the same material are the local reference.
 */
public final class KeyWrapHandler implements SchemaHandler {

    private final ManagedKeys keys;

    /** A handler importing into {@code keys}. */
    public KeyWrapHandler(ManagedKeys keys) {
        this.keys = keys;
    }

    @Override
    public Set<String> schemas() {
        return Set.of("keywrap_test_schema_v1");
    }

    @Override
    public void run(VectorFile file, CaseRecorder rec) {
        String algorithm = file.algorithm().toUpperCase().contains("KWP") ? "AES/KWP/NoPadding" : "AES/KW/NoPadding";
        for (JsonNode group : file.groups()) {
            for (TestCase tc : VectorFile.tests(group)) {
                byte[] key = tc.hex("key");
                KeySpec spec = AeadHandler.AES_SPECS.get(key.length);
                if (spec == null) {
                    rec.notApplicable(tc, NotApplicable.AES_KEY_SIZE);
                    continue;
                }
                byte[] msg = tc.hex("msg");
                byte[] ct = tc.hex("ct");
                boolean wrapToo = tc.expected() != TestCase.Expected.INVALID;
                rec.record(tc, Judge.paths(
                        "unwrap", Judge.output(tc, msg, () -> run(algorithm, managed(spec, key), true, Cipher.DECRYPT_MODE, ct)),
                        "wrap", wrapToo ? Judge.output(tc, ct, () -> run(algorithm, managed(spec, key), true, Cipher.ENCRYPT_MODE, msg)) : null));
                Key local = new SecretKeySpec(key, "AES");
                rec.localDeviation(tc, Judge.paths(
                        "unwrap", Judge.output(tc, msg, () -> run(algorithm, local, false, Cipher.DECRYPT_MODE, ct)),
                        "wrap", wrapToo ? Judge.output(tc, ct, () -> run(algorithm, local, false, Cipher.ENCRYPT_MODE, msg)) : null));
            }
        }
    }

    private Key managed(KeySpec spec, byte[] key) {
        return keys.importKey(spec, KeyUsage.ENCRYPT_DECRYPT, key);
    }

    private static byte[] run(String algorithm, Key key, boolean managed, int mode, byte[] in) throws Exception {
        Cipher c = Cipher.getInstance(algorithm);
        c.init(mode, key);
        if (managed) {
            Served.byKeywarden(c.getProvider());
        } else {
            Served.notByKeywarden(c.getProvider());
        }
        return c.doFinal(in);
    }
}
