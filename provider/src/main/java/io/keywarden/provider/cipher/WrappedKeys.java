package io.keywarden.provider.cipher;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** What wrap and unwrap share: a key's encoding and type, and rebuilding a key from them. */
final class WrappedKeys {

    static final String CONTEXT_ALGORITHM = "keywarden:wrapped-key-algorithm";
    static final String CONTEXT_TYPE = "keywarden:wrapped-key-type";

    private WrappedKeys() {
    }

    /** The key's encoding; InvalidKeyException for keys without one (such as handles). */
    static byte[] encoded(Key key) throws InvalidKeyException {
        byte[] enc = key == null ? null : key.getEncoded();
        if (enc == null || enc.length == 0) {
            throw new InvalidKeyException("Only keys with an encoding can be wrapped (a Keywarden handle cannot)");
        }
        return enc;
    }

    static int type(Key key) throws InvalidKeyException {
        if (key instanceof SecretKey) {
            return Cipher.SECRET_KEY;
        }
        if (key instanceof PrivateKey) {
            return Cipher.PRIVATE_KEY;
        }
        if (key instanceof PublicKey) {
            return Cipher.PUBLIC_KEY;
        }
        throw new InvalidKeyException("Unknown key type: " + key.getClass().getName());
    }

    static String typeName(int type) throws InvalidKeyException {
        return switch (type) {
            case Cipher.SECRET_KEY -> "secret";
            case Cipher.PRIVATE_KEY -> "private";
            case Cipher.PUBLIC_KEY -> "public";
            default -> throw new InvalidKeyException("Unknown key type " + type);
        };
    }

    /** The KMS encryption context that names a wrapped key's algorithm and type. */
    static Map<String, String> context(String algorithm, int type) throws InvalidKeyException {
        return Map.of(CONTEXT_ALGORITHM, algorithm, CONTEXT_TYPE, typeName(type));
    }

    /** The envelope AAD for a wrapped key: "keywarden-wrapped-key" 0x00 algorithm 0x00 uint8(type). */
    static byte[] aad(String algorithm, int type) {
        byte[] label = "keywarden-wrapped-key".getBytes(StandardCharsets.US_ASCII);
        byte[] alg = algorithm.getBytes(StandardCharsets.UTF_8);
        byte[] aad = Arrays.copyOf(label, label.length + 1 + alg.length + 2);
        System.arraycopy(alg, 0, aad, label.length + 1, alg.length);
        aad[aad.length - 1] = (byte) type;
        return aad;
    }

    /** Rebuilds a key of the requested algorithm and type from its encoding; zeroes the encoding. */
    static Key construct(byte[] encoded, String algorithm, int type)
            throws InvalidKeyException, NoSuchAlgorithmException {
        try {
            return switch (type) {
                case Cipher.SECRET_KEY -> new SecretKeySpec(encoded, algorithm);
                case Cipher.PRIVATE_KEY -> KeyFactory.getInstance(algorithm)
                        .generatePrivate(new PKCS8EncodedKeySpec(encoded));
                case Cipher.PUBLIC_KEY -> KeyFactory.getInstance(algorithm)
                        .generatePublic(new X509EncodedKeySpec(encoded));
                default -> throw new InvalidKeyException("Unknown key type " + type);
            };
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw e;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidKeyException("The unwrapped bytes are not a " + algorithm + " key", e);
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }
}
