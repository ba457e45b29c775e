package io.keywarden.conformance.wycheproof;

import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.conformance.ManagedKeys;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import java.security.Key;
import java.util.Map;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * aead_test_schema_v1 for AES-GCM: the key is imported into a KEYWARDEN_AES_128/192/256 key (a
 * Keywarden extension) and {@code AES/GCM/NoPadding} on its handle runs in direct mode with the
 * vector's IV, AAD and tag length. Decryption of ct‖tag must give the message (valid) or fail
 * (invalid); encryption of valid and acceptable cases must give ct‖tag byte for byte. The JDK's
 * AES-GCM with the same material is the local reference. Other AEADs (AES-GCM-SIV,
 * ChaCha20-Poly1305, XChaCha20-Poly1305) have no managed-key operation, not even as an extension.
 */
public final class AeadHandler implements SchemaHandler {

    static final Map<Integer, KeySpec> AES_SPECS = Map.of(16, KeySpec.KEYWARDEN_AES_128,
            24, KeySpec.KEYWARDEN_AES_192, 32, KeySpec.KEYWARDEN_AES_256);
    private static final Set<Integer> TAG_SIZES = Set.of(96, 104, 112, 120, 128);

    private final ManagedKeys keys;

    /** A handler importing into {@code keys}. */
    public AeadHandler(ManagedKeys keys) {
        this.keys = keys;
    }

    @Override
    public Set<String> schemas() {
        return Set.of("aead_test_schema_v1");
    }

    @Override
    public void run(VectorFile file, CaseRecorder rec) {
        boolean gcm = "AES-GCM".equalsIgnoreCase(file.algorithm());
        for (JsonNode group : file.groups()) {
            int tagBits = group.path("tagSize").asInt();
            for (TestCase tc : VectorFile.tests(group)) {
                byte[] key = tc.hex("key");
                KeySpec spec = AES_SPECS.get(key.length);
                NotApplicable na = !gcm ? NotApplicable.NO_MANAGED_OPERATION
                        : spec == null ? NotApplicable.AES_KEY_SIZE
                        : !TAG_SIZES.contains(tagBits) ? NotApplicable.GCM_TAG_SIZE : null;
                if (na != null) {
                    rec.notApplicable(tc, na);
                    continue;
                }
                byte[] iv = tc.hex("iv");
                byte[] aad = tc.hex("aad");
                byte[] msg = tc.hex("msg");
                byte[] sealed = concat(tc.hex("ct"), tc.hex("tag"));
                Key local = new SecretKeySpec(key, "AES");
                rec.record(tc, Judge.paths(
                        "decrypt", Judge.output(tc, msg, () -> run(managed(spec, key), true, Cipher.DECRYPT_MODE, iv, tagBits, aad, sealed)),
                        "encrypt", tc.expected() == TestCase.Expected.INVALID ? null
                                : Judge.output(tc, sealed, () -> run(managed(spec, key), true, Cipher.ENCRYPT_MODE, iv, tagBits, aad, msg))));
                rec.localDeviation(tc, Judge.paths(
                        "decrypt", Judge.output(tc, msg, () -> run(local, false, Cipher.DECRYPT_MODE, iv, tagBits, aad, sealed)),
                        "encrypt", tc.expected() == TestCase.Expected.INVALID ? null
                                : Judge.output(tc, sealed, () -> run(local, false, Cipher.ENCRYPT_MODE, iv, tagBits, aad, msg))));
            }
        }
    }

    /** The handle of the imported key (imported on first use). */
    private Key managed(KeySpec spec, byte[] key) {
        return keys.importKey(spec, KeyUsage.ENCRYPT_DECRYPT, key);
    }

    private static byte[] run(Key key, boolean managed, int mode, byte[] iv, int tagBits, byte[] aad, byte[] in)
            throws Exception {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, key, new GCMParameterSpec(tagBits, iv));
        if (managed) {
            Served.byKeywarden(c.getProvider());
        } else {
            Served.notByKeywarden(c.getProvider());
        }
        c.updateAAD(aad);
        return c.doFinal(in);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
