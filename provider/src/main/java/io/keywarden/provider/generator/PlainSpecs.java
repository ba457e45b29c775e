package io.keywarden.provider.generator;

/**
 * Whether the generators may turn a plain key size, a JDK parameter spec or no parameters at all
 * into a new managed key. Off by default: a provider-less {@code KeyPairGenerator.getInstance("EC")}
 * (JSSE's ephemeral keys, an application's own keys) must never create keys in the KMS just
 * because Keywarden is listed before the JDK's providers; the generators then refuse, and the JCA
 * moves on to the next provider. A {@link io.keywarden.provider.KmsKeyGenParameterSpec} always
 * makes a managed key. {@code keytool -genkeypair -providerName Keywarden} passes plain sizes and
 * curves: run it with {@code -J-Dkeywarden.keygen.acceptPlainSpecs=true} (docs/keystore.md).
 */
final class PlainSpecs {

    static final String PROPERTY = "keywarden.keygen.acceptPlainSpecs";

    static final String REFUSAL = "Keywarden makes managed keys from a KmsKeyGenParameterSpec only (set -D"
            + PROPERTY + "=true to let plain sizes and curves make managed keys, as keytool needs)";

    private PlainSpecs() {
    }

    static boolean allowed() {
        return Boolean.getBoolean(PROPERTY);
    }
}
