package io.keywarden.kms.crypto;

import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.errors.InvalidKeyUsageException;
import io.keywarden.kms.api.errors.KMSInternalException;
import io.keywarden.kms.api.errors.ValidationException;
import java.security.SecureRandom;
import java.util.Set;

/**
 * Input checks shared by the strategies, with AWS KMS's error shapes. Messages name the request
 * member and the constraint, never the value.
 */
final class Checks {

    static final int MAX_MESSAGE = 4096;

    private static final SecureRandom RANDOM = LocalCrypto.secureRandom();

    private Checks() {
    }

    /** The process-wide secure random source ({@link LocalCrypto#secureRandom()}). */
    static SecureRandom random() {
        return RANDOM;
    }

    static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** A request member of {@code min..max} bytes; ValidationException otherwise. */
    static byte[] length(String member, byte[] value, int min, int max) {
        if (value == null) {
            throw new ValidationException("1 validation error detected: Value null at '" + member
                    + "' failed to satisfy constraint: Member must not be null");
        }
        if (value.length < min) {
            throw new ValidationException("1 validation error detected: Value at '" + member
                    + "' failed to satisfy constraint: Member must have length greater than or equal to " + min);
        }
        if (value.length > max) {
            throw new ValidationException("1 validation error detected: Value at '" + member
                    + "' failed to satisfy constraint: Member must have length less than or equal to " + max);
        }
        return value;
    }

    /** A required member that is not a byte array (an algorithm, a message type). */
    static <T> T notNull(String member, T value) {
        if (value == null) {
            throw new ValidationException("1 validation error detected: Value null at '" + member
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    /** The spec belongs to the strategy's family. */
    static KeySpec spec(KeySpec spec, Set<KeySpec> family) {
        notNull("keySpec", spec);
        if (!family.contains(spec)) {
            throw new InvalidKeyUsageException("This operation is not supported for key spec " + spec + ".");
        }
        return spec;
    }

    /** The stored key's secret, present; a missing secret is a fault of the store, not the caller. */
    static byte[] secret(KeyMaterial key) {
        if (key == null || key.secret() == null) {
            throw new KMSInternalException("The key material is not available.");
        }
        return key.secret();
    }

    /**
     * Refuses to sign with verify-only material (an imported public key, a Keywarden extension)
     * with InvalidKeyUsageException.
     */
    static void requirePrivate(KeyMaterial key, KeySpec spec) {
        if (key != null && key.isPublicOnly()) {
            throw publicOnly(key.keyId(), spec);
        }
    }

    /** The error of an operation that needs the private key on a key that holds a public key only. */
    static InvalidKeyUsageException publicOnly(String keyId, KeySpec spec) {
        return new InvalidKeyUsageException("The " + spec + " key " + keyId
                + " holds a public key only (imported as a Keywarden extension): it can verify but not sign.");
    }

    /** The stored key's public key, present. */
    static byte[] publicKey(KeyMaterial key) {
        if (key == null || key.publicKey() == null) {
            throw new KMSInternalException("The public key is not available.");
        }
        return key.publicKey();
    }

    static InvalidKeyUsageException algorithm(Object algorithm, KeySpec spec) {
        return new InvalidKeyUsageException("Algorithm " + algorithm + " is not supported for key spec " + spec + ".");
    }

    static KMSInternalException internal(Throwable cause) {
        return new KMSInternalException("The cryptographic operation failed.", cause);
    }
}
