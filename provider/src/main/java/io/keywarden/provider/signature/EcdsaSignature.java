package io.keywarden.provider.signature;

import io.keywarden.kms.api.SigningAlgorithmSpec;
import java.io.IOException;
import java.math.BigInteger;
import java.security.SignatureException;
import java.security.interfaces.ECKey;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;

/**
 * {@code SHA256/384/512withECDSA} (DER signatures, as the backend returns them) and
 * {@code SHA256/384/512withECDSAinP1363Format} (r‖s, each as long as the curve order) with an EC
 * SIGN_VERIFY handle. AWS KMS ties the hash to the curve: SHA-256 for P-256 and secp256k1,
 * SHA-384 for P-384, SHA-512 for P-521; another pairing fails {@code init}.
 */
public abstract class EcdsaSignature extends FixedKmsSignature {

    private final boolean p1363;

    EcdsaSignature(String service, SigningAlgorithmSpec algorithm, String digest, boolean p1363) {
        super(service, algorithm, digest);
        this.p1363 = p1363;
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

    /** SHA256withECDSA. */
    public static final class Sha256 extends EcdsaSignature {
        public Sha256() {
            super("SHA256withECDSA", SigningAlgorithmSpec.ECDSA_SHA_256, "SHA-256", false);
        }
    }

    /** SHA384withECDSA. */
    public static final class Sha384 extends EcdsaSignature {
        public Sha384() {
            super("SHA384withECDSA", SigningAlgorithmSpec.ECDSA_SHA_384, "SHA-384", false);
        }
    }

    /** SHA512withECDSA. */
    public static final class Sha512 extends EcdsaSignature {
        public Sha512() {
            super("SHA512withECDSA", SigningAlgorithmSpec.ECDSA_SHA_512, "SHA-512", false);
        }
    }

    /** SHA256withECDSAinP1363Format. */
    public static final class Sha256P1363 extends EcdsaSignature {
        public Sha256P1363() {
            super("SHA256withECDSAinP1363Format", SigningAlgorithmSpec.ECDSA_SHA_256, "SHA-256", true);
        }
    }

    /** SHA384withECDSAinP1363Format. */
    public static final class Sha384P1363 extends EcdsaSignature {
        public Sha384P1363() {
            super("SHA384withECDSAinP1363Format", SigningAlgorithmSpec.ECDSA_SHA_384, "SHA-384", true);
        }
    }

    /** SHA512withECDSAinP1363Format. */
    public static final class Sha512P1363 extends EcdsaSignature {
        public Sha512P1363() {
            super("SHA512withECDSAinP1363Format", SigningAlgorithmSpec.ECDSA_SHA_512, "SHA-512", true);
        }
    }
}
