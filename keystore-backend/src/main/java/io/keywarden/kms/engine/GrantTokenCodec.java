package io.keywarden.kms.engine;

import io.keywarden.kms.api.errors.InvalidGrantTokenException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Grant ids and grant tokens. A grant id is 32 random bytes in hex (64 characters, as AWS's). A
 * grant token is base64url of a version byte, the grant id's 32 bytes and 32 random bytes: it names
 * its grant (so RetireGrant can find it), and only its SHA-256 is stored, compared in constant time.
 */
final class GrantTokenCodec {

    static final int MAX_TOKENS = 10;
    static final int MAX_TOKEN_LENGTH = 8192;
    private static final byte VERSION = 1;
    private static final int ID_BYTES = 32;
    private static final int SECRET_BYTES = 32;
    private static final Pattern GRANT_ID = Pattern.compile("[0-9a-f]{64}");
    private static final HexFormat HEX = HexFormat.of();

    private GrantTokenCodec() {
    }

    static String newGrantId(SecureRandom random) {
        byte[] id = new byte[ID_BYTES];
        random.nextBytes(id);
        return HEX.formatHex(id);
    }

    /** Whether {@code grantId} has the form of a grant id this engine issues. */
    static boolean isGrantId(String grantId) {
        return grantId != null && GRANT_ID.matcher(grantId).matches();
    }

    /** A new token for the grant {@code grantId}. */
    static String issue(String grantId, SecureRandom random) {
        byte[] raw = new byte[1 + ID_BYTES + SECRET_BYTES];
        raw[0] = VERSION;
        System.arraycopy(HEX.parseHex(grantId), 0, raw, 1, ID_BYTES);
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        System.arraycopy(secret, 0, raw, 1 + ID_BYTES, SECRET_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** The grant id a token names; a token that is not one of ours is {@link InvalidGrantTokenException}. */
    static String grantIdOf(String token) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (raw.length != 1 + ID_BYTES + SECRET_BYTES || raw[0] != VERSION) {
            throw invalid();
        }
        byte[] id = new byte[ID_BYTES];
        System.arraycopy(raw, 1, id, 0, ID_BYTES);
        return HEX.formatHex(id);
    }

    /** The hex SHA-256 of a token, as the store keeps it. */
    static String hash(String token) {
        return HEX.formatHex(sha256(token));
    }

    /** Whether {@code token} hashes to one of {@code hashes}; every hash is compared in constant time. */
    static boolean matches(String token, List<String> hashes) {
        byte[] digest = sha256(token);
        boolean match = false;
        for (String h : hashes) {
            byte[] stored;
            try {
                stored = HEX.parseHex(h);
            } catch (IllegalArgumentException e) {
                continue;
            }
            match |= MessageDigest.isEqual(digest, stored);
        }
        return match;
    }

    static InvalidGrantTokenException invalid() {
        return new InvalidGrantTokenException("The grant token is not valid.");
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
