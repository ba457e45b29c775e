package io.keywarden.kms.crypto;

import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.MacAlgorithmSpec;
import java.util.Map;

/**
 * <b>Keywarden extension</b>: KEYWARDEN_HMAC_SHA1 and KEYWARDEN_HMAC_SHA3_224/256/384/512, imported
 * HMAC keys (GENERATE_VERIFY_MAC, Origin EXTERNAL only) for hashes AWS KMS does not offer, through
 * GenerateMac/VerifyMac with the matching KEYWARDEN_HMAC_* algorithm. The key may be any length from
 * 1 to {@value #MAX_KEY} bytes (HMAC hashes a key longer than the block size, as RFC 2104 says).
 * The same strategy as {@link HmacStrategy}, over these specs; generated material (the engine never
 * generates these import-only keys) has the hash's length.
 */
public final class ExtensionHmacStrategy extends HmacStrategy {

    /** The longest imported key, in bytes. */
    public static final int MAX_KEY = 1024;

    private static final Map<KeySpec, Params> SPECS = Map.of(
            KeySpec.KEYWARDEN_HMAC_SHA1, params(MacAlgorithmSpec.KEYWARDEN_HMAC_SHA_1, "HmacSHA1", 20),
            KeySpec.KEYWARDEN_HMAC_SHA3_224, params(MacAlgorithmSpec.KEYWARDEN_HMAC_SHA3_224, "HmacSHA3-224", 28),
            KeySpec.KEYWARDEN_HMAC_SHA3_256, params(MacAlgorithmSpec.KEYWARDEN_HMAC_SHA3_256, "HmacSHA3-256", 32),
            KeySpec.KEYWARDEN_HMAC_SHA3_384, params(MacAlgorithmSpec.KEYWARDEN_HMAC_SHA3_384, "HmacSHA3-384", 48),
            KeySpec.KEYWARDEN_HMAC_SHA3_512, params(MacAlgorithmSpec.KEYWARDEN_HMAC_SHA3_512, "HmacSHA3-512", 64));

    public ExtensionHmacStrategy() {
        super(SPECS);
    }

    private static Params params(MacAlgorithmSpec algorithm, String jca, int hashLength) {
        return new Params(algorithm, jca, hashLength, 1, MAX_KEY);
    }
}
