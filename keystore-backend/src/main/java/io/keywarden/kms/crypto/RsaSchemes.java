package io.keywarden.kms.crypto;

import io.keywarden.kms.api.EncryptionAlgorithmSpec;
import io.keywarden.kms.api.RsaParameters;
import io.keywarden.kms.api.SigningAlgorithmSpec;
import io.keywarden.kms.api.errors.ValidationException;
import java.util.Map;

/**
 * The RSA padding of one request: the one an AWS KMS algorithm fixes, or Keywarden's
 * {@link RsaParameters} extension over the algorithm's family. Validation that needs no key
 * ({@link #check}) runs before the key is read; the modulus-dependent limits when the scheme is
 * resolved for a key.
 */
public final class RsaSchemes {

    /** RSASSA-PSS (salt length, MGF1 hash) or RSASSA-PKCS1-v1_5 (hash only). */
    record Signing(boolean pss, RsaHash hash, RsaHash mgf, int saltLength) {
    }

    /** RSAES-OAEP: label hash, MGF1 hash, label. */
    record Oaep(RsaHash hash, RsaHash mgf, byte[] label) {
    }

    /** The longest OAEP label taken (labels are hashed; Keywarden bounds them like other inputs). */
    static final int MAX_LABEL = 4096;

    private static final Map<SigningAlgorithmSpec, Signing> KMS_SIGNING = Map.of(
            SigningAlgorithmSpec.RSASSA_PSS_SHA_256, pss("SHA-256"),
            SigningAlgorithmSpec.RSASSA_PSS_SHA_384, pss("SHA-384"),
            SigningAlgorithmSpec.RSASSA_PSS_SHA_512, pss("SHA-512"),
            SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256, pkcs1("SHA-256"),
            SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_384, pkcs1("SHA-384"),
            SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_512, pkcs1("SHA-512"));

    private static final Map<EncryptionAlgorithmSpec, Oaep> KMS_OAEP = Map.of(
            EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1, oaep("SHA-1"),
            EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256, oaep("SHA-256"));

    private RsaSchemes() {
    }

    private static Signing pss(String hash) {
        RsaHash h = RsaHash.named("Hash", hash);
        return new Signing(true, h, h, h.length());
    }

    private static Signing pkcs1(String hash) {
        RsaHash h = RsaHash.named("Hash", hash);
        return new Signing(false, h, null, 0);
    }

    private static Oaep oaep(String hash) {
        RsaHash h = RsaHash.named("Hash", hash);
        return new Oaep(h, h, new byte[0]);
    }

    /** Whether AWS KMS's algorithm is an RSA signing algorithm. */
    static boolean isRsa(SigningAlgorithmSpec algorithm) {
        return KMS_SIGNING.containsKey(algorithm);
    }

    /** Whether AWS KMS's algorithm is an RSA encryption algorithm. */
    static boolean isRsa(EncryptionAlgorithmSpec algorithm) {
        return KMS_OAEP.containsKey(algorithm);
    }

    /** Checks, without the key, that the parameters fit the signing algorithm's family; ValidationException if not. */
    public static void check(SigningAlgorithmSpec algorithm, RsaParameters parameters) {
        if (parameters != null) {
            signing(algorithm, parameters);
        }
    }

    /** Checks, without the key, that the parameters fit the encryption algorithm's family; ValidationException if not. */
    public static void check(EncryptionAlgorithmSpec algorithm, RsaParameters parameters) {
        if (parameters != null) {
            oaep(algorithm, parameters);
        }
    }

    /** The signing scheme of an RSA algorithm with optional parameters, for a modulus of {@code bits}. */
    static Signing signing(int bits, SigningAlgorithmSpec algorithm, RsaParameters parameters) {
        Signing s = signing(algorithm, parameters);
        int emLen = (bits - 1 + 7) / 8;
        if (s.pss() && emLen < s.hash().length() + s.saltLength() + 2) {
            throw new ValidationException("KeywardenRsaParameters.SaltLength " + s.saltLength() + " is too long for a "
                    + bits + "-bit key with " + s.hash().name() + ": at most " + (emLen - s.hash().length() - 2)
                    + " bytes.");
        }
        return s;
    }

    /** The OAEP scheme of an RSA algorithm with optional parameters, for a modulus of {@code bits}. */
    static Oaep oaep(int bits, EncryptionAlgorithmSpec algorithm, RsaParameters parameters) {
        Oaep o = oaep(algorithm, parameters);
        if (maxPlaintext(bits, o) < 1) {
            throw new ValidationException("KeywardenRsaParameters.Hash " + o.hash().name() + " is too long for OAEP "
                    + "with a " + bits + "-bit key.");
        }
        return o;
    }

    /** The longest OAEP plaintext for a modulus of {@code bits}. */
    static int maxPlaintext(int bits, Oaep o) {
        return bits / 8 - 2 * o.hash().length() - 2;
    }

    private static Signing signing(SigningAlgorithmSpec algorithm, RsaParameters p) {
        Checks.notNull("signingAlgorithm", algorithm);
        Signing base = KMS_SIGNING.get(algorithm);
        if (p == null) {
            return base;
        }
        if (base == null) {
            throw new ValidationException("KeywardenRsaParameters apply to the RSASSA_PSS_* and RSASSA_PKCS1_V1_5_* "
                    + "signing algorithms only, not " + algorithm + ".");
        }
        notFor(p.label() != null, "Label", algorithm);
        RsaHash hash = p.hash() == null ? base.hash() : RsaHash.named("Hash", p.hash());
        if (!base.pss()) {
            notFor(p.mgfHash() != null, "MgfHash", algorithm);
            notFor(p.saltLength() != null, "SaltLength", algorithm);
            return new Signing(false, hash, null, 0);
        }
        RsaHash mgf = p.mgfHash() == null ? hash : RsaHash.named("MgfHash", p.mgfHash());
        int salt = p.saltLength() == null ? hash.length() : p.saltLength();
        if (salt < 0) {
            throw new ValidationException("KeywardenRsaParameters.SaltLength must not be negative.");
        }
        return new Signing(true, hash, mgf, salt);
    }

    private static Oaep oaep(EncryptionAlgorithmSpec algorithm, RsaParameters p) {
        Oaep base = algorithm == null ? null : KMS_OAEP.get(algorithm);
        if (p == null) {
            return base;
        }
        if (base == null) {
            throw new ValidationException("KeywardenRsaParameters apply to the RSAES_OAEP_* encryption algorithms "
                    + "only, not " + (algorithm == null ? "the default SYMMETRIC_DEFAULT" : algorithm) + ".");
        }
        notFor(p.saltLength() != null, "SaltLength", algorithm);
        RsaHash hash = p.hash() == null ? base.hash() : RsaHash.named("Hash", p.hash());
        RsaHash mgf = p.mgfHash() == null ? hash : RsaHash.named("MgfHash", p.mgfHash());
        byte[] label = p.label() == null ? new byte[0] : p.label();
        if (label.length > MAX_LABEL) {
            throw new ValidationException("KeywardenRsaParameters.Label must be at most " + MAX_LABEL + " bytes.");
        }
        return new Oaep(hash, mgf, label.clone());
    }

    private static void notFor(boolean present, String member, Object algorithm) {
        if (present) {
            throw new ValidationException("KeywardenRsaParameters." + member + " does not apply to " + algorithm + ".");
        }
    }
}
