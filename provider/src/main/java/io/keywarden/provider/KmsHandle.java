package io.keywarden.provider;

import java.io.ObjectStreamException;
import java.security.Provider;
import java.security.Security;
import java.util.Objects;

/**
 * What every handle holds: the key id (or alias), the JCA algorithm name, and the runtime whose
 * backend manages the key. Serialization keeps the key id and algorithm only; a deserialized handle
 * binds to the runtime of the installed {@code Keywarden} provider.
 */
abstract class KmsHandle implements KmsKey {

    private static final long serialVersionUID = 1L;

    private final String keyId;
    private final String algorithm;
    private transient KeywardenRuntime runtime;

    KmsHandle(KeywardenRuntime runtime, String keyId, String algorithm) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    }

    @Override
    public final String keyId() {
        return keyId;
    }

    @Override
    public final String getAlgorithm() {
        return algorithm;
    }

    /** The runtime that manages this key; null for a deserialized handle with no provider installed. */
    final KeywardenRuntime runtime() {
        return runtime;
    }

    /** Rebinds a deserialized handle to the installed provider's runtime. */
    protected Object readResolve() throws ObjectStreamException {
        Provider p = Security.getProvider(KeywardenProvider.NAME);
        if (p instanceof KeywardenProvider kp) {
            runtime = kp.runtime();
        }
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass()
                && ((KmsHandle) o).keyId.equals(keyId) && ((KmsHandle) o).algorithm.equals(algorithm);
    }

    @Override
    public int hashCode() {
        return keyId.hashCode() * 31 + algorithm.hashCode();
    }

    /** Names the key only. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + keyId + "]";
    }
}
