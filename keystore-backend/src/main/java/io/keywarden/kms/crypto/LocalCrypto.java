package io.keywarden.kms.crypto;

import java.lang.reflect.InvocationTargetException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.Mac;

/**
 * Where Keywarden's local primitives come from: the Amazon Corretto Crypto Provider (ACCP, AWS-LC
 * through JNI) when its native library loads and passes its self-tests, otherwise the JDK's own
 * providers. Both the engine (data-key sealing, HMAC, signing, random numbers) and the JCA
 * provider's envelope (frame AES-GCM, key schedule, message ids) take their objects from here.
 *
 * <p>The choice is made once per JVM. {@code -Dkeywarden.crypto=jdk} (or the environment variable
 * {@code KEYWARDEN_CRYPTO=jdk}) turns ACCP off; {@code auto}, the default, uses it where it loads.
 * ACCP is never installed in {@link java.security.Security}'s provider list: Keywarden passes it
 * explicitly, so the application's own provider order is unchanged. An algorithm ACCP does not
 * offer comes from the JDK. Every output format is the same either way (AES-GCM, HMAC, ECDSA, PSS
 * and DRBG output are standard), so data written under one choice is read under the other.
 */
public final class LocalCrypto {

    /** The system property that chooses: {@code auto} (default) or {@code jdk}. */
    public static final String PROPERTY = "keywarden.crypto";

    private static final String ACCP_CLASS = "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider";

    private static final Provider ACCP;
    private static final String STATUS;

    static {
        String choice = System.getProperty(PROPERTY, System.getenv().getOrDefault("KEYWARDEN_CRYPTO", "auto"))
                .trim().toLowerCase(Locale.ROOT);
        Provider p = null;
        String status;
        if (choice.equals("jdk")) {
            status = "JDK providers (" + PROPERTY + "=jdk)";
        } else if (!choice.equals("auto")) {
            throw new IllegalStateException(PROPERTY + " must be 'auto' or 'jdk', not '" + choice + "'");
        } else {
            try {
                p = loadAccp();
                status = "Amazon Corretto Crypto Provider " + p.getVersionStr();
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                Throwable cause = e instanceof InvocationTargetException i && i.getCause() != null ? i.getCause() : e;
                status = "JDK providers (ACCP unavailable: " + cause.getClass().getSimpleName() + ")";
            }
        }
        ACCP = p;
        STATUS = status;
    }

    private LocalCrypto() {
    }

    private static Provider loadAccp() throws ReflectiveOperationException {
        Class<?> c = Class.forName(ACCP_CLASS, true, LocalCrypto.class.getClassLoader());
        Provider p = (Provider) c.getField("INSTANCE").get(null);
        Object loadingError = c.getMethod("getLoadingError").invoke(p);
        if (loadingError instanceof Throwable t) {
            throw new IllegalStateException("ACCP did not load", t);
        }
        c.getMethod("assertHealthy").invoke(p);
        return p;
    }

    /** ACCP when it is in use, otherwise null. */
    public static Provider accelerated() {
        return ACCP;
    }

    /** What is in use, for logs and benchmark reports (no secrets). */
    public static String describe() {
        return STATUS;
    }

    private static boolean offers(String type, String algorithm) {
        return ACCP != null && ACCP.getService(type, algorithm) != null;
    }

    /** A new Cipher: ACCP's when it has the transformation, else the JDK's. */
    public static Cipher cipher(String transformation) throws GeneralSecurityException {
        return offers("Cipher", transformation) ? Cipher.getInstance(transformation, ACCP)
                : Cipher.getInstance(transformation);
    }

    /** A new Mac: ACCP's when it has the algorithm, else the JDK's. */
    public static Mac mac(String algorithm) throws NoSuchAlgorithmException {
        return offers("Mac", algorithm) ? Mac.getInstance(algorithm, ACCP) : Mac.getInstance(algorithm);
    }

    /**
     * A new Signature: ACCP's when it has the algorithm, else the JDK's. ACCP signs with the JDK's
     * own key objects (it reads their standard encodings).
     */
    public static Signature signature(String algorithm) throws NoSuchAlgorithmException {
        return offers("Signature", algorithm) ? Signature.getInstance(algorithm, ACCP) : Signature.getInstance(algorithm);
    }

    /** A KeyFactory: ACCP's when it has the algorithm, else the JDK's. */
    public static KeyFactory keyFactory(String algorithm) throws NoSuchAlgorithmException {
        return offers("KeyFactory", algorithm) ? KeyFactory.getInstance(algorithm, ACCP)
                : KeyFactory.getInstance(algorithm);
    }

    /**
     * A cryptographically strong random source: ACCP's AWS-LC DRBG (CTR-DRBG, seeded by the
     * operating system) or the JDK's default {@link SecureRandom}. Safe to share between threads.
     */
    public static SecureRandom secureRandom() {
        if (offers("SecureRandom", "LibCryptoRng")) {
            try {
                return SecureRandom.getInstance("LibCryptoRng", ACCP);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("ACCP listed LibCryptoRng but did not provide it", e);
            }
        }
        return new SecureRandom();
    }
}
