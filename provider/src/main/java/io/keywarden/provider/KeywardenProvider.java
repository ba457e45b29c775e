package io.keywarden.provider;

import java.lang.reflect.Constructor;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.List;
import java.util.Map;

/**
 * The Keywarden JCA provider: a declarative table of services whose keys are handles
 * ({@link KmsKey}) to keys managed by the Keywarden backend. Every Cipher, Mac, Signature and
 * KeyAgreement service declares {@code SupportedKeyClasses=io.keywarden.provider.KmsKey}, so the
 * JCA's delayed provider selection routes handles here and ordinary keys to the other providers,
 * in whatever position this provider is listed.
 *
 * <p>The constructor does no I/O: the backend is opened on first use from the configuration file
 * (see {@link KeywardenRuntime}). In {@code java.security}:
 * {@code security.provider.N=io.keywarden.provider.KeywardenProvider /path/to/keywarden.conf}.
 */
public final class KeywardenProvider extends Provider {

    private static final long serialVersionUID = 1L;

    public static final String NAME = "Keywarden";

    private static final String HANDLE = KmsKey.class.getName();
    private static final String P = "io.keywarden.provider.";

    /** One row of the table: type, algorithm, SPI class, aliases, and whether it takes handles only. */
    private record Entry(String type, String algorithm, String className, List<String> aliases, boolean handlesOnly) {
    }

    private static Entry handle(String type, String algorithm, String className, String... aliases) {
        return new Entry(type, algorithm, P + className, List.of(aliases), true);
    }

    private static Entry plain(String type, String algorithm, String className, String... aliases) {
        return new Entry(type, algorithm, P + className, List.of(aliases), false);
    }

    private static final List<Entry> SERVICES = List.of(
            handle("Cipher", "AES/GCM/NoPadding", "cipher.AesGcmCipher"),
            handle("Cipher", "AESWrap", "cipher.KmsAesWrapCipher$Wrap", "AESWrap_256"),
            handle("Cipher", "AESWrapPad", "cipher.KmsAesWrapCipher$WrapPad", "AESWrapPad_256"),
            handle("Cipher", "RSA/ECB/OAEPWithSHA-1AndMGF1Padding", "cipher.RsaOaepCipher$Sha1"),
            handle("Cipher", "RSA/ECB/OAEPWithSHA-256AndMGF1Padding", "cipher.RsaOaepCipher$Sha256"),
            handle("Cipher", "RSA/ECB/OAEPPadding", "cipher.RsaOaepCipher$Parameterized"),
            handle("Cipher", "AES/KW/NoPadding", "cipher.DirectKeyWrapCipher$Kw"),
            handle("Cipher", "AES/KWP/NoPadding", "cipher.DirectKeyWrapCipher$Kwp"),

            handle("Mac", "HmacSHA224", "mac.KmsHmac$Sha224"),
            handle("Mac", "HmacSHA256", "mac.KmsHmac$Sha256"),
            handle("Mac", "HmacSHA384", "mac.KmsHmac$Sha384"),
            handle("Mac", "HmacSHA512", "mac.KmsHmac$Sha512"),
            handle("Mac", "HmacSHA1", "mac.ExtensionHmac$Sha1"),
            handle("Mac", "HmacSHA3-224", "mac.ExtensionHmac$Sha3_224"),
            handle("Mac", "HmacSHA3-256", "mac.ExtensionHmac$Sha3_256"),
            handle("Mac", "HmacSHA3-384", "mac.ExtensionHmac$Sha3_384"),
            handle("Mac", "HmacSHA3-512", "mac.ExtensionHmac$Sha3_512"),

            handle("Signature", "SHA256withRSA", "signature.RsaPkcs1Signature$Sha256"),
            handle("Signature", "SHA384withRSA", "signature.RsaPkcs1Signature$Sha384"),
            handle("Signature", "SHA512withRSA", "signature.RsaPkcs1Signature$Sha512"),
            handle("Signature", "SHA1withRSA", "signature.RsaPkcs1Signature$Sha1"),
            handle("Signature", "SHA224withRSA", "signature.RsaPkcs1Signature$Sha224"),
            handle("Signature", "SHA512/224withRSA", "signature.RsaPkcs1Signature$Sha512_224"),
            handle("Signature", "SHA512/256withRSA", "signature.RsaPkcs1Signature$Sha512_256"),
            handle("Signature", "SHA3-224withRSA", "signature.RsaPkcs1Signature$Sha3_224"),
            handle("Signature", "SHA3-256withRSA", "signature.RsaPkcs1Signature$Sha3_256"),
            handle("Signature", "SHA3-384withRSA", "signature.RsaPkcs1Signature$Sha3_384"),
            handle("Signature", "SHA3-512withRSA", "signature.RsaPkcs1Signature$Sha3_512"),
            handle("Signature", "RSASSA-PSS", "signature.RsaPssSignature$Parameterized", "PSS"),
            handle("Signature", "SHA256withRSA/PSS", "signature.RsaPssSignature$Sha256", "SHA256withRSAandMGF1"),
            handle("Signature", "SHA384withRSA/PSS", "signature.RsaPssSignature$Sha384", "SHA384withRSAandMGF1"),
            handle("Signature", "SHA512withRSA/PSS", "signature.RsaPssSignature$Sha512", "SHA512withRSAandMGF1"),
            handle("Signature", "SHA224withECDSA", "signature.EcdsaSignature$Sha224"),
            handle("Signature", "SHA224withECDSAinP1363Format", "signature.EcdsaSignature$Sha224P1363"),
            handle("Signature", "SHA256withECDSA", "signature.EcdsaSignature$Sha256"),
            handle("Signature", "SHA256withECDSAinP1363Format", "signature.EcdsaSignature$Sha256P1363"),
            handle("Signature", "SHA384withECDSA", "signature.EcdsaSignature$Sha384"),
            handle("Signature", "SHA384withECDSAinP1363Format", "signature.EcdsaSignature$Sha384P1363"),
            handle("Signature", "SHA512withECDSA", "signature.EcdsaSignature$Sha512"),
            handle("Signature", "SHA512withECDSAinP1363Format", "signature.EcdsaSignature$Sha512P1363"),
            handle("Signature", "SHA3-224withECDSA", "signature.EcdsaSignature$Sha3_224"),
            handle("Signature", "SHA3-224withECDSAinP1363Format", "signature.EcdsaSignature$Sha3_224P1363"),
            handle("Signature", "SHA3-256withECDSA", "signature.EcdsaSignature$Sha3_256"),
            handle("Signature", "SHA3-256withECDSAinP1363Format", "signature.EcdsaSignature$Sha3_256P1363"),
            handle("Signature", "SHA3-384withECDSA", "signature.EcdsaSignature$Sha3_384"),
            handle("Signature", "SHA3-384withECDSAinP1363Format", "signature.EcdsaSignature$Sha3_384P1363"),
            handle("Signature", "SHA3-512withECDSA", "signature.EcdsaSignature$Sha3_512"),
            handle("Signature", "SHA3-512withECDSAinP1363Format", "signature.EcdsaSignature$Sha3_512P1363"),
            handle("Signature", "Ed25519", "signature.Ed25519Signature", "EdDSA"),
            handle("Signature", "ML-DSA-44", "signature.MlDsaSignature$MlDsa44"),
            handle("Signature", "ML-DSA-65", "signature.MlDsaSignature$MlDsa65"),
            handle("Signature", "ML-DSA-87", "signature.MlDsaSignature$MlDsa87"),
            handle("Signature", "ML-DSA", "signature.MlDsaSignature$Any"),

            handle("KeyAgreement", "ECDH", "agreement.KmsEcdh"),

            plain("KeyStore", "KMS", "keystore.KmsKeyStore"),
            plain("KeyGenerator", "AES", "generator.KmsKeyGenerator$Aes"),
            plain("KeyGenerator", "HmacSHA224", "generator.KmsKeyGenerator$HmacSha224"),
            plain("KeyGenerator", "HmacSHA256", "generator.KmsKeyGenerator$HmacSha256"),
            plain("KeyGenerator", "HmacSHA384", "generator.KmsKeyGenerator$HmacSha384"),
            plain("KeyGenerator", "HmacSHA512", "generator.KmsKeyGenerator$HmacSha512"),
            plain("KeyPairGenerator", "RSA", "generator.KmsKeyPairGenerator$Rsa"),
            plain("KeyPairGenerator", "EC", "generator.KmsKeyPairGenerator$Ec"),
            plain("KeyPairGenerator", "Ed25519", "generator.KmsKeyPairGenerator$Ed25519"),
            plain("KeyPairGenerator", "ML-DSA", "generator.KmsKeyPairGenerator$MlDsa"));

    private final transient KeywardenRuntime runtime;

    /** Cheap, no I/O: the backend is opened on first use. */
    public KeywardenProvider() {
        this((String) null);
    }

    private KeywardenProvider(String configPath) {
        super(NAME, "0.1", "Keywarden: JCA services on keys managed by a Keywarden/AWS KMS backend");
        this.runtime = new KeywardenRuntime(configPath);
        register();
    }

    /** A provider on an already open backend (tests, and applications that build their own). */
    public KeywardenProvider(KeywardenRuntime runtime) {
        super(NAME, "0.1", "Keywarden: JCA services on keys managed by a Keywarden/AWS KMS backend");
        this.runtime = runtime;
        register();
    }

    private void register() {
        for (Entry e : SERVICES) {
            Map<String, String> attributes = e.handlesOnly() ? Map.of("SupportedKeyClasses", HANDLE) : null;
            putService(new KeywardenService(this, e.type(), e.algorithm(), e.className(), e.aliases(), attributes));
        }
    }

    /**
     * A service whose SPI may take the provider instance that created it: the JDK's
     * {@code Service.newInstance} calls a no-argument constructor, so an SPI that needs the
     * provider's runtime (the key store, the generators) declares a public constructor taking a
     * {@code KeywardenProvider}, and this service calls it. Other SPIs are made as the JDK does.
     */
    private static final class KeywardenService extends Service {

        private final KeywardenProvider owner;

        KeywardenService(KeywardenProvider owner, String type, String algorithm, String className,
                List<String> aliases, Map<String, String> attributes) {
            super(owner, type, algorithm, className, aliases, attributes);
            this.owner = owner;
        }

        @Override
        public Object newInstance(Object constructorParameter) throws NoSuchAlgorithmException {
            if (constructorParameter == null) {
                Constructor<?> withProvider = providerConstructor();
                if (withProvider != null) {
                    try {
                        return withProvider.newInstance(owner);
                    } catch (ReflectiveOperationException e) {
                        Throwable cause = e.getCause() != null ? e.getCause() : e;
                        throw new NoSuchAlgorithmException("Error constructing implementation of "
                                + getType() + "." + getAlgorithm() + " in provider " + NAME, cause);
                    }
                }
            }
            return super.newInstance(constructorParameter);
        }

        private Constructor<?> providerConstructor() throws NoSuchAlgorithmException {
            try {
                Class<?> c = Class.forName(getClassName(), false, KeywardenProvider.class.getClassLoader());
                return c.getConstructor(KeywardenProvider.class);
            } catch (ClassNotFoundException e) {
                throw new NoSuchAlgorithmException("Class " + getClassName() + " not found", e);
            } catch (NoSuchMethodException e) {
                return null;
            }
        }
    }

    /**
     * Returns a provider that reads the given {@code keywarden.conf}; the JDK calls this with the
     * argument of a {@code security.provider.N=} line.
     */
    @Override
    public Provider configure(String configArg) {
        return new KeywardenProvider(configArg);
    }

    @Override
    public boolean isConfigured() {
        return true;
    }

    /** The runtime whose backend this provider's services use. */
    public KeywardenRuntime runtime() {
        return runtime;
    }
}
