package io.keywarden.provider;

import java.util.Locale;
import java.util.Map;

/**
 * The hashes RSA padding takes in Keywarden (AWS KMS's and the {@code KeywardenRsaParameters}
 * extension's): the usual JCA spellings of each ({@code SHA256}, {@code sha-256}, {@code SHA512/224},
 * {@code SHA3-256}) mapped to the one name the backend takes.
 */
public final class RsaDigests {

    private static final Map<String, String> CANONICAL = Map.ofEntries(
            Map.entry("SHA", "SHA-1"), Map.entry("SHA1", "SHA-1"), Map.entry("SHA224", "SHA-224"),
            Map.entry("SHA256", "SHA-256"), Map.entry("SHA384", "SHA-384"), Map.entry("SHA512", "SHA-512"),
            Map.entry("SHA512/224", "SHA-512/224"), Map.entry("SHA512/256", "SHA-512/256"),
            Map.entry("SHA3224", "SHA3-224"), Map.entry("SHA3256", "SHA3-256"), Map.entry("SHA3384", "SHA3-384"),
            Map.entry("SHA3512", "SHA3-512"));

    private static final Map<String, Integer> LENGTH = Map.ofEntries(
            Map.entry("SHA-1", 20), Map.entry("SHA-224", 28), Map.entry("SHA-256", 32), Map.entry("SHA-384", 48),
            Map.entry("SHA-512", 64), Map.entry("SHA-512/224", 28), Map.entry("SHA-512/256", 32),
            Map.entry("SHA3-224", 28), Map.entry("SHA3-256", 32), Map.entry("SHA3-384", 48), Map.entry("SHA3-512", 64));

    private RsaDigests() {
    }

    /** The backend's name of a digest (SHA-1, SHA-224, ..., SHA-512/256, SHA3-512), or null if not supported. */
    public static String canonical(String digest) {
        return digest == null ? null : CANONICAL.get(digest.toUpperCase(Locale.ROOT).replace("-", "").replace("_", ""));
    }

    /** The length in bytes of a canonical digest. */
    public static int length(String canonical) {
        return LENGTH.get(canonical);
    }

    /** Whether AWS KMS itself signs with this canonical digest (SHA-256, SHA-384, SHA-512). */
    public static boolean kmsSigning(String canonical) {
        return canonical.equals("SHA-256") || canonical.equals("SHA-384") || canonical.equals("SHA-512");
    }
}
