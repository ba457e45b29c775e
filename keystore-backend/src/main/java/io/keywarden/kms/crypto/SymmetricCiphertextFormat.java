package io.keywarden.kms.crypto;

import io.keywarden.kms.api.errors.InvalidCiphertextException;
import io.keywarden.kms.api.errors.KMSInternalException;
import io.keywarden.kms.api.errors.ValidationException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The ciphertext blob of SYMMETRIC_DEFAULT keys, version 1 (docs/ciphertext-blob.md):
 * {@code 0x01 ‖ key id (16 bytes of the UUID) ‖ material version (uint32 BE) ‖ IV (12) ‖
 * AES-256-GCM ciphertext ‖ tag (16)}, with AAD = the 21 header bytes ‖ the canonical encryption
 * context. Every malformed blob, wrong tag or mismatching context is an InvalidCiphertextException
 * with one message that says nothing more.
 */
public final class SymmetricCiphertextFormat {

    /** The format version byte. */
    public static final byte VERSION_1 = 0x01;
    /** Version byte, key id and material version. */
    public static final int HEADER_LENGTH = 1 + 16 + 4;
    public static final int IV_LENGTH = 12;
    public static final int TAG_LENGTH = 16;
    /** The largest plaintext Encrypt takes. */
    public static final int MAX_PLAINTEXT = 4096;
    /** The smallest and largest blob this format produces (plaintext 1..4096 bytes). */
    public static final int MIN_BLOB = HEADER_LENGTH + IV_LENGTH + 1 + TAG_LENGTH;
    public static final int MAX_BLOB = HEADER_LENGTH + IV_LENGTH + MAX_PLAINTEXT + TAG_LENGTH;

    private static final String INVALID = "The ciphertext is invalid.";

    /** What the blob's header names: the key and the material version that encrypted it. */
    public record Header(String keyId, int materialVersion) {
    }

    private SymmetricCiphertextFormat() {
    }

    /**
     * Reads the key id and material version from a blob without decrypting it, so the engine can
     * find the key. InvalidCiphertextException when the blob is not a well-formed v1 blob.
     */
    public static Header peek(byte[] blob) {
        if (blob == null || blob.length < MIN_BLOB || blob.length > MAX_BLOB || blob[0] != VERSION_1) {
            throw invalid();
        }
        ByteBuffer b = ByteBuffer.wrap(blob, 1, HEADER_LENGTH - 1);
        UUID id = new UUID(b.getLong(), b.getLong());
        int version = b.getInt();
        if (version < 0) {
            throw invalid();
        }
        return new Header(id.toString(), version);
    }

    /**
     * The canonical encoding of an encryption context: entry count (uint16), then for each entry,
     * sorted by the key's UTF-8 bytes (unsigned), uint16 length ‖ key, uint16 length ‖ value.
     * A null map is the empty context.
     */
    public static byte[] canonicalContext(Map<String, String> context) {
        if (context == null || context.isEmpty()) {
            return new byte[] {0, 0};
        }
        if (context.size() > 0xFFFF) {
            throw new ValidationException("The encryption context has too many entries.");
        }
        List<byte[][]> entries = new ArrayList<>(context.size());
        for (Map.Entry<String, String> e : context.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new ValidationException("Encryption context keys and values must not be null.");
            }
            entries.add(new byte[][] {utf8(e.getKey()), utf8(e.getValue())});
        }
        entries.sort((x, y) -> Arrays.compareUnsigned(x[0], y[0]));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeUint16(out, entries.size());
        for (byte[][] e : entries) {
            writeUint16(out, e[0].length);
            out.writeBytes(e[0]);
            writeUint16(out, e[1].length);
            out.writeBytes(e[1]);
        }
        return out.toByteArray();
    }

    /** Encrypts with a fresh random IV. */
    static byte[] seal(byte[] key, String keyId, int version, byte[] plaintext, Map<String, String> context) {
        return seal(GCM.get(), key, keyId, version, PublicRandom.next(IV_LENGTH), plaintext, context);
    }

    /**
     * One AES-GCM Cipher per thread for the random-IV path (a provider look-up per call costs more
     * than the encryption of a data key). Each use is a complete init/doFinal within one call.
     */
    private static final ThreadLocal<Cipher> GCM = ThreadLocal.withInitial(() -> {
        try {
            return LocalCrypto.cipher("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw Checks.internal(e);
        }
    });

    /** Encrypts with the given IV; package-private for the documented test vectors. */
    static byte[] seal(byte[] key, String keyId, int version, byte[] iv, byte[] plaintext,
            Map<String, String> context) {
        try {
            return seal(LocalCrypto.cipher("AES/GCM/NoPadding"), key, keyId, version, iv, plaintext, context);
        } catch (GeneralSecurityException e) {
            throw Checks.internal(e);
        }
    }

    private static byte[] seal(Cipher gcm, byte[] key, String keyId, int version, byte[] iv, byte[] plaintext,
            Map<String, String> context) {
        Checks.length("plaintext", plaintext, 1, MAX_PLAINTEXT);
        byte[] aadContext = canonicalContext(context);
        byte[] header = header(keyId, version);
        try {
            gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_LENGTH * 8, iv));
            gcm.updateAAD(header);
            gcm.updateAAD(aadContext);
            byte[] sealed = gcm.doFinal(plaintext);
            return ByteBuffer.allocate(header.length + iv.length + sealed.length)
                    .put(header).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw Checks.internal(e);
        }
    }

    /**
     * Decrypts a blob with the key it names; InvalidCiphertextException when the blob names another
     * key or version, is malformed, or the tag or the context does not match.
     */
    static byte[] open(byte[] key, String keyId, int version, byte[] blob, Map<String, String> context) {
        peek(blob);
        if (!MessageDigest.isEqual(header(keyId, version), Arrays.copyOf(blob, HEADER_LENGTH))) {
            throw invalid();
        }
        byte[] aadContext = canonicalContext(context);
        try {
            Cipher gcm = GCM.get();
            gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_LENGTH * 8, blob, HEADER_LENGTH, IV_LENGTH));
            gcm.updateAAD(blob, 0, HEADER_LENGTH);
            gcm.updateAAD(aadContext);
            int offset = HEADER_LENGTH + IV_LENGTH;
            return gcm.doFinal(blob, offset, blob.length - offset);
        } catch (AEADBadTagException e) {
            throw invalid();
        } catch (GeneralSecurityException e) {
            throw Checks.internal(e);
        }
    }

    static byte[] header(String keyId, int version) {
        if (version < 0) {
            throw new KMSInternalException("Invalid key material version.");
        }
        UUID id;
        try {
            id = UUID.fromString(keyId);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new KMSInternalException("The key id is not a UUID.");
        }
        return ByteBuffer.allocate(HEADER_LENGTH).put(VERSION_1)
                .putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .putInt(version).array();
    }

    private static byte[] utf8(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length > 0xFFFF) {
            throw new ValidationException("An encryption context key or value is longer than 65535 bytes.");
        }
        return b;
    }

    private static void writeUint16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    private static InvalidCiphertextException invalid() {
        return new InvalidCiphertextException(INVALID);
    }
}
