package io.keywarden.provider.mac;

import io.keywarden.kms.api.MacAlgorithmSpec;

/**
 * <b>Keywarden extension</b>: {@code HmacSHA1} and {@code HmacSHA3-224/256/384/512} on handles of
 * imported KEYWARDEN_HMAC_* keys, one GenerateMac per {@code doFinal}, as {@link KmsHmac} does for
 * AWS KMS's HMAC key specs.
 */
public final class ExtensionHmac {

    private ExtensionHmac() {
    }

    /** HmacSHA1. */
    public static final class Sha1 extends KmsHmac {
        public Sha1() {
            super("HmacSHA1", MacAlgorithmSpec.KEYWARDEN_HMAC_SHA_1, 20);
        }
    }

    /** HmacSHA3-224. */
    public static final class Sha3_224 extends KmsHmac {
        public Sha3_224() {
            super("HmacSHA3-224", MacAlgorithmSpec.KEYWARDEN_HMAC_SHA3_224, 28);
        }
    }

    /** HmacSHA3-256. */
    public static final class Sha3_256 extends KmsHmac {
        public Sha3_256() {
            super("HmacSHA3-256", MacAlgorithmSpec.KEYWARDEN_HMAC_SHA3_256, 32);
        }
    }

    /** HmacSHA3-384. */
    public static final class Sha3_384 extends KmsHmac {
        public Sha3_384() {
            super("HmacSHA3-384", MacAlgorithmSpec.KEYWARDEN_HMAC_SHA3_384, 48);
        }
    }

    /** HmacSHA3-512. */
    public static final class Sha3_512 extends KmsHmac {
        public Sha3_512() {
            super("HmacSHA3-512", MacAlgorithmSpec.KEYWARDEN_HMAC_SHA3_512, 64);
        }
    }
}
