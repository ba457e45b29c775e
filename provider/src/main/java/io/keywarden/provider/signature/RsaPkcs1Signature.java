package io.keywarden.provider.signature;

import io.keywarden.kms.api.RsaParameters;
import io.keywarden.kms.api.SigningAlgorithmSpec;
import io.keywarden.provider.RsaDigests;

/**
 * {@code SHA256withRSA}, {@code SHA384withRSA}, {@code SHA512withRSA}: RSASSA-PKCS1-v1_5
 * (RSASSA_PKCS1_V1_5_SHA_*) with an RSA SIGN_VERIFY handle; the message is hashed locally. With a
 * digest AWS KMS does not sign ({@code SHA1withRSA}, {@code SHA224withRSA}, {@code SHA512/224withRSA},
 * {@code SHA512/256withRSA}, {@code SHA3-*withRSA}) the request is RSASSA_PKCS1_V1_5_SHA_256 with
 * Keywarden's {@code KeywardenRsaParameters} extension naming the digest.
 */
public abstract class RsaPkcs1Signature extends FixedKmsSignature {

    private final RsaParameters parameters;

    /** AWS KMS's algorithm of this digest. */
    RsaPkcs1Signature(String service, SigningAlgorithmSpec algorithm, String digest) {
        super(service, algorithm, digest);
        this.parameters = null;
    }

    /** A digest AWS KMS lacks, through the extension. */
    RsaPkcs1Signature(String service, String digest) {
        super(service, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256, digest);
        if (RsaDigests.kmsSigning(digest)) {
            throw new IllegalArgumentException(digest + " is AWS KMS's own");
        }
        this.parameters = RsaParameters.pkcs1(digest);
    }

    @Override
    protected RsaParameters rsaParameters() {
        return parameters;
    }

    /** SHA256withRSA. */
    public static final class Sha256 extends RsaPkcs1Signature {
        public Sha256() {
            super("SHA256withRSA", SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256, "SHA-256");
        }
    }

    /** SHA384withRSA. */
    public static final class Sha384 extends RsaPkcs1Signature {
        public Sha384() {
            super("SHA384withRSA", SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_384, "SHA-384");
        }
    }

    /** SHA512withRSA. */
    public static final class Sha512 extends RsaPkcs1Signature {
        public Sha512() {
            super("SHA512withRSA", SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_512, "SHA-512");
        }
    }

    /** SHA1withRSA (extension). */
    public static final class Sha1 extends RsaPkcs1Signature {
        public Sha1() {
            super("SHA1withRSA", "SHA-1");
        }
    }

    /** SHA224withRSA (extension). */
    public static final class Sha224 extends RsaPkcs1Signature {
        public Sha224() {
            super("SHA224withRSA", "SHA-224");
        }
    }

    /** SHA512/224withRSA (extension). */
    public static final class Sha512_224 extends RsaPkcs1Signature {
        public Sha512_224() {
            super("SHA512/224withRSA", "SHA-512/224");
        }
    }

    /** SHA512/256withRSA (extension). */
    public static final class Sha512_256 extends RsaPkcs1Signature {
        public Sha512_256() {
            super("SHA512/256withRSA", "SHA-512/256");
        }
    }

    /** SHA3-224withRSA (extension). */
    public static final class Sha3_224 extends RsaPkcs1Signature {
        public Sha3_224() {
            super("SHA3-224withRSA", "SHA3-224");
        }
    }

    /** SHA3-256withRSA (extension). */
    public static final class Sha3_256 extends RsaPkcs1Signature {
        public Sha3_256() {
            super("SHA3-256withRSA", "SHA3-256");
        }
    }

    /** SHA3-384withRSA (extension). */
    public static final class Sha3_384 extends RsaPkcs1Signature {
        public Sha3_384() {
            super("SHA3-384withRSA", "SHA3-384");
        }
    }

    /** SHA3-512withRSA (extension). */
    public static final class Sha3_512 extends RsaPkcs1Signature {
        public Sha3_512() {
            super("SHA3-512withRSA", "SHA3-512");
        }
    }
}
