package io.keywarden.kms.crypto;

import io.keywarden.kms.api.MessageType;
import io.keywarden.kms.api.SigningAlgorithmSpec;
import io.keywarden.kms.api.errors.ValidationException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * AWS KMS's Sign/Verify message rules for hash-then-sign algorithms: a RAW message of 1..4096
 * bytes is hashed here; a DIGEST must be exactly the algorithm's hash length and is used as is.
 */
final class SignInput {

    private SignInput() {
    }

    /** The digest to sign: the hash of a RAW message, or the given DIGEST after its length check. */
    static byte[] digest(SigningAlgorithmSpec algorithm, String jcaHash, int hashLength, MessageType type,
            byte[] message) {
        Checks.notNull("messageType", type);
        switch (type) {
            case RAW:
                Checks.length("message", message, 1, Checks.MAX_MESSAGE);
                return hash(jcaHash, message);
            case DIGEST:
                Checks.length("message", message, 1, Checks.MAX_MESSAGE);
                if (message.length != hashLength) {
                    throw new ValidationException("Digest is invalid length for algorithm " + algorithm + ".");
                }
                return message.clone();
            default:
                throw unsupported(algorithm, type);
        }
    }

    static ValidationException unsupported(SigningAlgorithmSpec algorithm, MessageType type) {
        return new ValidationException("Message type " + type + " is not supported for signing algorithm "
                + algorithm + ".");
    }

    static byte[] hash(String jcaHash, byte[] data) {
        try {
            return MessageDigest.getInstance(jcaHash).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw Checks.internal(e);
        }
    }
}
