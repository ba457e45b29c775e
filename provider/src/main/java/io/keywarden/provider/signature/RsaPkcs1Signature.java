package io.keywarden.provider.signature;

import io.keywarden.kms.api.SigningAlgorithmSpec;

/**
 * {@code SHA256withRSA}, {@code SHA384withRSA}, {@code SHA512withRSA}: RSASSA-PKCS1-v1_5
 * (RSASSA_PKCS1_V1_5_SHA_*) with an RSA SIGN_VERIFY handle; the message is hashed locally.
 */
public abstract class RsaPkcs1Signature extends FixedKmsSignature {

    RsaPkcs1Signature(String service, SigningAlgorithmSpec algorithm, String digest) {
        super(service, algorithm, digest);
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
}
