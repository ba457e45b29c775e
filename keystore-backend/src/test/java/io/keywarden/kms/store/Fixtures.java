package io.keywarden.kms.store;

import io.keywarden.kms.api.AlgorithmSpec;
import io.keywarden.kms.api.ExpirationModelType;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyState;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.OriginType;
import io.keywarden.kms.api.RotationType;
import io.keywarden.kms.api.Tag;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;

/** Records and helpers shared by the store tests. */
final class Fixtures {

    static final String ACCOUNT = "111122223333";
    static final Instant T0 = Instant.parse("2025-01-02T03:04:05.123456789Z");

    private Fixtures() {
    }

    static KeyRecord key(String keyId) {
        return new KeyRecord(keyId, ACCOUNT, "arn:aws:kms:us-east-1:" + ACCOUNT + ":key/" + keyId, T0,
                "description of " + keyId, KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, OriginType.AWS_KMS,
                KeyState.Enabled, null, null, false, null, null, 0, 1, null, null,
                List.of(new Tag("team", "crypto"), new Tag("env", "")), "{\"Version\":\"2012-10-17\"}", "ab12");
    }

    /** A 32-byte secret that depends only on the key id and version, so other processes can check it. */
    static byte[] secretOf(String keyId, int version) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest((keyId + "/" + version).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static MaterialRecord material(String keyId, int version) {
        return new MaterialRecord(keyId, version, "%064x".formatted(version), T0.plusSeconds(version),
                version == 1 ? null : RotationType.ON_DEMAND, secretOf(keyId, version), null);
    }

    static AliasRecord alias(String name, String keyId) {
        return new AliasRecord(name, keyId, T0, T0.plusMillis(5));
    }

    static ImportTokenRecord token(String tokenId, String keyId, byte[] privateKey) {
        return new ImportTokenRecord(tokenId, keyId, AlgorithmSpec.RSAES_OAEP_SHA_256, privateKey,
                T0.plusSeconds(86_400));
    }

    static KeyRecord expiring(String keyId, Instant validTo) {
        return key(keyId).withExpiry(validTo, ExpirationModelType.KEY_MATERIAL_EXPIRES);
    }

    static RootKeySource keyFile(Path dir) {
        return RootKeySource.keyFile(dir.resolve("root.key"));
    }

    /** Writes one key with its first material in one transaction (used by the child processes too). */
    static void writeKeyWithMaterial(KmsStore store, String keyId) {
        store.write(tx -> {
            tx.putKey(key(keyId));
            tx.putMaterial(material(keyId, 1));
            return null;
        });
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
