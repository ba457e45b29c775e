package io.keywarden.provider;

import java.math.BigInteger;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPublicKey;

/** An RSA private key handle: the modulus (from the public key) tells the key size. */
public final class KmsRsaPrivateKey extends KmsPrivateKey implements RSAKey {

    private static final long serialVersionUID = 1L;

    public KmsRsaPrivateKey(KeywardenRuntime runtime, String keyId, RSAPublicKey publicKey) {
        super(runtime, keyId, "RSA", publicKey);
    }

    @Override
    public BigInteger getModulus() {
        return ((RSAPublicKey) publicKey()).getModulus();
    }
}
