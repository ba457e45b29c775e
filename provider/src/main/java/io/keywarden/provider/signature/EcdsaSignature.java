package io.keywarden.provider.signature;

import io.keywarden.kms.api.SigningAlgorithmSpec;
import io.keywarden.provider.UsableKey;
import java.io.IOException;
import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.security.SignatureException;
import java.security.interfaces.ECKey;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;

/**
 * {@code <hash>withECDSA} (DER signatures, as the backend returns them) and
 * {@code <hash>withECDSAinP1363Format} (r‖s, each as long as the curve order) with an EC
 * SIGN_VERIFY handle, for SHA-224/256/384/512 and SHA3-224/256/384/512 on every curve.
 *
 * <p>AWS KMS ties the signing algorithm to the curve (ECDSA_SHA_256 for P-256 and secp256k1,
 * ECDSA_SHA_384 for P-384, ECDSA_SHA_512 for P-521). ECDSA signs only the integer of the leftmost
 * bitlen(n) bits of the hash, so any hash can be signed exactly with the curve's own algorithm and
 * MessageType DIGEST: the message is hashed locally with the service's hash, then fitted to the
 * curve's digest length L (32, 48, 64 bytes) by {@link #fit}: a longer hash keeps its leftmost L
 * bytes, a shorter one is left-padded with zero bytes. This is exact because 8L equals bitlen(n)
 * for P-256, secp256k1 and P-384 (truncating to L bytes is truncating to bitlen(n) bits), and for
 * P-521 (8L = 512 &lt; 521) no offered hash is longer than 64 bytes; left-padding leaves the
 * integer unchanged as 8L &le; bitlen(n) on every curve. No backend extension is needed: the same
 * requests work against AWS KMS.
 */
public abstract class EcdsaSignature extends KmsSignatureSpi {

    /** The digest length of each KMS ECDSA algorithm. */
    private static final Map<SigningAlgorithmSpec, Integer> DIGEST_LENGTH = Map.of(
            SigningAlgorithmSpec.ECDSA_SHA_256, 32,
            SigningAlgorithmSpec.ECDSA_SHA_384, 48,
            SigningAlgorithmSpec.ECDSA_SHA_512, 64);

    private static final List<SigningAlgorithmSpec> CANDIDATES = List.of(SigningAlgorithmSpec.ECDSA_SHA_256,
            SigningAlgorithmSpec.ECDSA_SHA_384, SigningAlgorithmSpec.ECDSA_SHA_512);

    private final String digest;
    private final boolean p1363;
    private SigningAlgorithmSpec algorithm;

    EcdsaSignature(String service, String digest, boolean p1363) {
        super(service);
        this.digest = digest;
        this.p1363 = p1363;
    }

    @Override
    protected final SigningAlgorithmSpec algorithm() throws SignatureException {
        if (algorithm == null) {
            throw new SignatureException(service() + " is not initialized");
        }
        return algorithm;
    }

    @Override
    protected final String digestName() {
        return digest;
    }

    @Override
    protected final List<SigningAlgorithmSpec> candidates() {
        return CANDIDATES;
    }

    /** Picks the curve's one ECDSA algorithm (the key's metadata lists it). */
    @Override
    protected void checkKey(UsableKey key) throws InvalidKeyException {
        SigningAlgorithmSpec curve = CANDIDATES.stream()
                .filter(a -> UsableKey.contains(key.metadata().signingAlgorithms(), a)).findFirst()
                .orElseThrow(() -> key.unsupported(service(), "one of " + CANDIDATES,
                        key.metadata().signingAlgorithms()));
        this.algorithm = curve;
    }

    @Override
    protected byte[] toKmsDigest(byte[] hash) throws SignatureException {
        return fit(hash, DIGEST_LENGTH.get(algorithm()));
    }

    /** The hash fitted to {@code length} bytes: its leftmost bytes, or left-padded with zeros. */
    static byte[] fit(byte[] hash, int length) {
        if (hash.length >= length) {
            return Arrays.copyOf(hash, length);
        }
        byte[] padded = new byte[length];
        System.arraycopy(hash, 0, padded, length - hash.length, hash.length);
        return padded;
    }

    private BigInteger order() {
        return ((ECKey) publicKey()).getParams().getOrder();
    }

    @Override
    protected byte[] fromKms(byte[] der) throws SignatureException {
        if (!p1363) {
            return der;
        }
        try {
            BigInteger n = order();
            BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(n, der);
            return PlainDSAEncoding.INSTANCE.encode(n, rs[0], rs[1]);
        } catch (IOException | IllegalArgumentException e) {
            throw new SignatureException("The backend returned a malformed ECDSA signature", e);
        }
    }

    @Override
    protected byte[] toKms(byte[] signature) {
        if (!p1363) {
            return signature;
        }
        try {
            BigInteger n = order();
            BigInteger[] rs = PlainDSAEncoding.INSTANCE.decode(n, signature);
            return StandardDSAEncoding.INSTANCE.encode(n, rs[0], rs[1]);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** SHA224withECDSA. */
    public static final class Sha224 extends EcdsaSignature {
        public Sha224() {
            super("SHA224withECDSA", "SHA-224", false);
        }
    }

    /** SHA224withECDSAinP1363Format. */
    public static final class Sha224P1363 extends EcdsaSignature {
        public Sha224P1363() {
            super("SHA224withECDSAinP1363Format", "SHA-224", true);
        }
    }

    /** SHA256withECDSA. */
    public static final class Sha256 extends EcdsaSignature {
        public Sha256() {
            super("SHA256withECDSA", "SHA-256", false);
        }
    }

    /** SHA256withECDSAinP1363Format. */
    public static final class Sha256P1363 extends EcdsaSignature {
        public Sha256P1363() {
            super("SHA256withECDSAinP1363Format", "SHA-256", true);
        }
    }

    /** SHA384withECDSA. */
    public static final class Sha384 extends EcdsaSignature {
        public Sha384() {
            super("SHA384withECDSA", "SHA-384", false);
        }
    }

    /** SHA384withECDSAinP1363Format. */
    public static final class Sha384P1363 extends EcdsaSignature {
        public Sha384P1363() {
            super("SHA384withECDSAinP1363Format", "SHA-384", true);
        }
    }

    /** SHA512withECDSA. */
    public static final class Sha512 extends EcdsaSignature {
        public Sha512() {
            super("SHA512withECDSA", "SHA-512", false);
        }
    }

    /** SHA512withECDSAinP1363Format. */
    public static final class Sha512P1363 extends EcdsaSignature {
        public Sha512P1363() {
            super("SHA512withECDSAinP1363Format", "SHA-512", true);
        }
    }

    /** SHA3-224withECDSA. */
    public static final class Sha3_224 extends EcdsaSignature {
        public Sha3_224() {
            super("SHA3-224withECDSA", "SHA3-224", false);
        }
    }

    /** SHA3-224withECDSAinP1363Format. */
    public static final class Sha3_224P1363 extends EcdsaSignature {
        public Sha3_224P1363() {
            super("SHA3-224withECDSAinP1363Format", "SHA3-224", true);
        }
    }

    /** SHA3-256withECDSA. */
    public static final class Sha3_256 extends EcdsaSignature {
        public Sha3_256() {
            super("SHA3-256withECDSA", "SHA3-256", false);
        }
    }

    /** SHA3-256withECDSAinP1363Format. */
    public static final class Sha3_256P1363 extends EcdsaSignature {
        public Sha3_256P1363() {
            super("SHA3-256withECDSAinP1363Format", "SHA3-256", true);
        }
    }

    /** SHA3-384withECDSA. */
    public static final class Sha3_384 extends EcdsaSignature {
        public Sha3_384() {
            super("SHA3-384withECDSA", "SHA3-384", false);
        }
    }

    /** SHA3-384withECDSAinP1363Format. */
    public static final class Sha3_384P1363 extends EcdsaSignature {
        public Sha3_384P1363() {
            super("SHA3-384withECDSAinP1363Format", "SHA3-384", true);
        }
    }

    /** SHA3-512withECDSA. */
    public static final class Sha3_512 extends EcdsaSignature {
        public Sha3_512() {
            super("SHA3-512withECDSA", "SHA3-512", false);
        }
    }

    /** SHA3-512withECDSAinP1363Format. */
    public static final class Sha3_512P1363 extends EcdsaSignature {
        public Sha3_512P1363() {
            super("SHA3-512withECDSAinP1363Format", "SHA3-512", true);
        }
    }
}
