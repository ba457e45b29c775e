package io.keywarden.kms.crypto;

import io.keywarden.kms.api.KeySpec;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Set;

/**
 * ECDSA signing of a digest on the NIST curves through {@link LocalCrypto}'s ACCP ({@code NONEwithECDSA}
 * over the PKCS#8 key), used by {@link EccStrategy} when ACCP is in use. DER signatures, fresh
 * randomness per signature (AWS-LC's own). Not used for secp256k1, which stays on Bouncy Castle.
 */
final class NativeEcdsa {

    /** The key specs signed here. */
    static final Set<KeySpec> CURVES = Set.of(KeySpec.ECC_NIST_P256, KeySpec.ECC_NIST_P384, KeySpec.ECC_NIST_P521);

    /** A Signature per thread; each use is a complete initSign/update/sign. */
    private static final ThreadLocal<Signature> LOCAL = ThreadLocal.withInitial(() -> {
        try {
            return Signature.getInstance("NONEwithECDSA", LocalCrypto.accelerated());
        } catch (GeneralSecurityException e) {
            throw Checks.internal(e);
        }
    });

    private NativeEcdsa() {
    }

    static boolean available() {
        return LocalCrypto.accelerated() != null;
    }

    /** The DER ECDSA signature of {@code digest} under the PKCS#8 private key. */
    static byte[] sign(byte[] pkcs8, byte[] digest) {
        Signature ecdsa = LOCAL.get();
        try {
            ecdsa.initSign(PrivateKeys.parse("EC", pkcs8), Checks.random());
            ecdsa.update(digest);
            return ecdsa.sign();
        } catch (GeneralSecurityException | RuntimeException e) {
            throw Checks.internal(e);
        }
    }
}
