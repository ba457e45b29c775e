package io.keywarden.provider.generator;

import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.provider.KeywardenProvider;
import io.keywarden.provider.KmsKeyGenParameterSpec;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidParameterException;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.KeyGeneratorSpi;
import javax.crypto.SecretKey;

/**
 * {@code KeyGenerator} AES and HmacSHA224…512: each key is a new managed key (CreateKey) and the
 * result is its handle. AES makes SYMMETRIC_DEFAULT keys (256 bits only: {@code init(256)} or no
 * size; other sizes are InvalidParameterException); HmacSHA<i>n</i> makes HMAC_<i>n</i> keys
 * ({@code init(n)} or no size). {@code init(KmsKeyGenParameterSpec)} sets usage, alias, tags,
 * description and policy. The SecureRandom is not used: the backend makes the key.
 */
public abstract class KmsKeyGenerator extends KeyGeneratorSpi {

    private final KeywardenProvider provider;
    private final KeySpec keySpec;
    private final KeyUsage usage;
    private final int bits;
    private KmsKeyGenParameterSpec spec;
    private boolean initialized;

    KmsKeyGenerator(KeywardenProvider provider, KeySpec keySpec, KeyUsage usage, int bits) {
        this.provider = provider;
        this.keySpec = keySpec;
        this.usage = usage;
        this.bits = bits;
    }

    @Override
    protected void engineInit(SecureRandom random) {
        if (!PlainSpecs.allowed()) {
            throw new IllegalStateException(PlainSpecs.REFUSAL);
        }
        spec = null;
        initialized = true;
    }

    @Override
    protected void engineInit(AlgorithmParameterSpec params, SecureRandom random)
            throws InvalidAlgorithmParameterException {
        if (!(params instanceof KmsKeyGenParameterSpec s)) {
            throw new InvalidAlgorithmParameterException("Keywarden key generators take a KmsKeyGenParameterSpec");
        }
        if (s.keySpec() != null && s.keySpec() != keySpec) {
            throw new InvalidAlgorithmParameterException("This generator makes " + keySpec + " keys, not " + s.keySpec());
        }
        if (s.keyUsage() != null && s.keyUsage() != usage) {
            throw new InvalidAlgorithmParameterException(keySpec + " keys have usage " + usage + ", not " + s.keyUsage());
        }
        spec = s;
        initialized = true;
    }

    @Override
    protected void engineInit(int keysize, SecureRandom random) {
        if (!PlainSpecs.allowed()) {
            throw new InvalidParameterException(PlainSpecs.REFUSAL);
        }
        if (keysize != bits) {
            throw new InvalidParameterException("Keywarden makes " + bits + "-bit " + keySpec + " keys only, not "
                    + keysize + "-bit keys");
        }
        spec = null;
        initialized = true;
    }

    @Override
    protected SecretKey engineGenerateKey() {
        if (!initialized && !PlainSpecs.allowed()) {
            throw new IllegalStateException(PlainSpecs.REFUSAL);
        }
        return (SecretKey) KeyCreation.create(provider.runtime(), keySpec, usage, spec);
    }

    /** AES: SYMMETRIC_DEFAULT keys. */
    public static final class Aes extends KmsKeyGenerator {
        public Aes(KeywardenProvider provider) {
            super(provider, KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, 256);
        }
    }

    /** HmacSHA224: HMAC_224 keys. */
    public static final class HmacSha224 extends KmsKeyGenerator {
        public HmacSha224(KeywardenProvider provider) {
            super(provider, KeySpec.HMAC_224, KeyUsage.GENERATE_VERIFY_MAC, 224);
        }
    }

    /** HmacSHA256: HMAC_256 keys. */
    public static final class HmacSha256 extends KmsKeyGenerator {
        public HmacSha256(KeywardenProvider provider) {
            super(provider, KeySpec.HMAC_256, KeyUsage.GENERATE_VERIFY_MAC, 256);
        }
    }

    /** HmacSHA384: HMAC_384 keys. */
    public static final class HmacSha384 extends KmsKeyGenerator {
        public HmacSha384(KeywardenProvider provider) {
            super(provider, KeySpec.HMAC_384, KeyUsage.GENERATE_VERIFY_MAC, 384);
        }
    }

    /** HmacSHA512: HMAC_512 keys. */
    public static final class HmacSha512 extends KmsKeyGenerator {
        public HmacSha512(KeywardenProvider provider) {
            super(provider, KeySpec.HMAC_512, KeyUsage.GENERATE_VERIFY_MAC, 512);
        }
    }
}
