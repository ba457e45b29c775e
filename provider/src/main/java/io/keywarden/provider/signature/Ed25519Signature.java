package io.keywarden.provider.signature;

import io.keywarden.kms.api.SigningAlgorithmSpec;
import java.security.InvalidAlgorithmParameterException;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.EdDSAParameterSpec;

/**
 * {@code Ed25519} (alias {@code EdDSA}): pure Ed25519 (ED25519_SHA_512) with an
 * ECC_NIST_EDWARDS25519 handle. Pure Ed25519 cannot be given a digest, so the message goes RAW and
 * is limited to 1..4096 bytes (longer → SignatureException at sign/verify). The only parameters
 * accepted are the default ones: an {@link EdDSAParameterSpec} without prehash and without context.
 */
public final class Ed25519Signature extends FixedKmsSignature {

    public Ed25519Signature() {
        super("Ed25519", SigningAlgorithmSpec.ED25519_SHA_512, null);
    }

    @Override
    protected void engineSetParameter(AlgorithmParameterSpec params) throws InvalidAlgorithmParameterException {
        if (params == null) {
            return;
        }
        if (!(params instanceof EdDSAParameterSpec p) || p.isPrehash() || p.getContext().isPresent()) {
            throw new InvalidAlgorithmParameterException("Keywarden's Ed25519 is pure Ed25519 without context "
                    + "(AWS KMS ED25519_SHA_512); Ed25519ph and Ed25519ctx are not supported");
        }
    }
}
