package io.keywarden.provider;

import java.security.interfaces.ECKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECParameterSpec;

/** An EC private key handle: the curve parameters come from the public key. */
public final class KmsEcPrivateKey extends KmsPrivateKey implements ECKey {

    private static final long serialVersionUID = 1L;

    public KmsEcPrivateKey(KeywardenRuntime runtime, String keyId, ECPublicKey publicKey) {
        super(runtime, keyId, "EC", publicKey);
    }

    @Override
    public ECParameterSpec getParams() {
        return ((ECPublicKey) publicKey()).getParams();
    }
}
