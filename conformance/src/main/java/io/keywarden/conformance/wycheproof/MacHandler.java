package io.keywarden.conformance.wycheproof;

import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.conformance.ManagedKeys;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.provider.KmsKey;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * mac_test_schema_v1 for HMAC: the key is imported into an HMAC_* key (SHA-224/256/384/512, within
 * the spec's import range) or, as a Keywarden extension, a KEYWARDEN_HMAC_* key (SHA-1, SHA3-*, any
 * key length from 1 to 1024 bytes); {@code Mac.getInstance} on the handle computes the tag, and the
 * first {@code tagSize/8} bytes are compared; the JDK's Mac with the same material must give the
 * same answer. AES-CMAC has no managed-key operation.
 */
public final class MacHandler implements SchemaHandler {

    private record Hmac(KeySpec spec, String jca, int minKey, int maxKey) {
    }

    private static final Map<String, Hmac> HMACS = Map.of(
            "HMACSHA224", new Hmac(KeySpec.HMAC_224, "HmacSHA224", 28, 64),
            "HMACSHA256", new Hmac(KeySpec.HMAC_256, "HmacSHA256", 32, 64),
            "HMACSHA384", new Hmac(KeySpec.HMAC_384, "HmacSHA384", 48, 128),
            "HMACSHA512", new Hmac(KeySpec.HMAC_512, "HmacSHA512", 64, 128),
            // Keywarden extension key specs: hashes AWS KMS lacks, any key length from 1 to 1024 bytes.
            "HMACSHA1", new Hmac(KeySpec.KEYWARDEN_HMAC_SHA1, "HmacSHA1", 1, 1024),
            "HMACSHA3-224", new Hmac(KeySpec.KEYWARDEN_HMAC_SHA3_224, "HmacSHA3-224", 1, 1024),
            "HMACSHA3-256", new Hmac(KeySpec.KEYWARDEN_HMAC_SHA3_256, "HmacSHA3-256", 1, 1024),
            "HMACSHA3-384", new Hmac(KeySpec.KEYWARDEN_HMAC_SHA3_384, "HmacSHA3-384", 1, 1024),
            "HMACSHA3-512", new Hmac(KeySpec.KEYWARDEN_HMAC_SHA3_512, "HmacSHA3-512", 1, 1024));

    private final ManagedKeys keys;

    /** A handler importing into {@code keys}. */
    public MacHandler(ManagedKeys keys) {
        this.keys = keys;
    }

    @Override
    public Set<String> schemas() {
        return Set.of("mac_test_schema_v1");
    }

    @Override
    public void run(VectorFile file, CaseRecorder rec) {
        Hmac h = HMACS.get(file.algorithm().toUpperCase());
        for (JsonNode group : file.groups()) {
            int tagLen = group.path("tagSize").asInt() / 8;
            for (TestCase tc : VectorFile.tests(group)) {
                byte[] key = tc.hex("key");
                byte[] msg = tc.hex("msg");
                byte[] tag = tc.hex("tag");
                if (h == null) {
                    rec.notApplicable(tc, file.algorithm().startsWith("HMAC") ? NotApplicable.HASH
                            : NotApplicable.NO_MANAGED_OPERATION);
                } else if (key.length < h.minKey() || key.length > h.maxKey()) {
                    rec.notApplicable(tc, NotApplicable.HMAC_KEY_LENGTH);
                } else if (msg.length > 4096) {
                    rec.notApplicable(tc, NotApplicable.MESSAGE_LENGTH);
                } else {
                    String backend = Judge.verify(tc, () -> {
                        KmsKey handle = keys.importKey(h.spec(), KeyUsage.GENERATE_VERIFY_MAC, key);
                        Mac mac = Mac.getInstance(h.jca());
                        mac.init(handle);
                        Served.byKeywarden(mac.getProvider());
                        return prefixEquals(mac.doFinal(msg), tag, tagLen);
                    });
                    String jdk = Judge.verify(tc, () -> {
                        Mac mac = Mac.getInstance(h.jca());
                        mac.init(new SecretKeySpec(key, h.jca()));
                        Served.notByKeywarden(mac.getProvider());
                        return prefixEquals(mac.doFinal(msg), tag, tagLen);
                    });
                    rec.record(tc, backend);
                    rec.localDeviation(tc, jdk);
                }
            }
        }
    }

    private static boolean prefixEquals(byte[] full, byte[] tag, int tagLen) {
        return tag.length == tagLen && full.length >= tagLen
                && MessageDigest.isEqual(Arrays.copyOf(full, tagLen), tag);
    }
}
