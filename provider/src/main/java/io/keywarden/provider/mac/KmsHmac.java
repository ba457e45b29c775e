package io.keywarden.provider.mac;

import io.keywarden.kms.api.GenerateMacRequest;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.MacAlgorithmSpec;
import io.keywarden.kms.api.errors.KmsException;
import io.keywarden.provider.BoundedBuffer;
import io.keywarden.provider.JcaErrors;
import io.keywarden.provider.KmsSecretKey;
import io.keywarden.provider.UsableKey;
import java.nio.ByteBuffer;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.ProviderException;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.MacSpi;

/**
 * {@code HmacSHA224/256/384/512} with an HMAC handle (GENERATE_VERIFY_MAC, key spec HMAC_224…512
 * matching the algorithm): one GenerateMac per {@code doFinal}.
 *
 * <p>GenerateMac takes the message itself (at most 4096 bytes; the empty message too, a Keywarden
 * extension — AWS KMS wants at least 1 byte); HMAC cannot be continued from a local hash. Updates,
 * in any pieces, are buffered up to 4096 bytes; beyond that only the length is counted.
 * {@code doFinal} on a message longer than 4096 bytes throws a
 * {@link ProviderException} that says so ({@code Mac.doFinal} has no checked exception for it),
 * and the Mac is reset and reusable. Backend failures at {@code doFinal} (a key disabled since
 * {@code init}, throttling) are {@link ProviderException}s with the KMS error as cause.
 */
public abstract class KmsHmac extends MacSpi {

    /** AWS KMS's limit on the message of GenerateMac. */
    public static final int MAX_MESSAGE = 4096;

    private final String service;
    private final MacAlgorithmSpec algorithm;
    private final int length;
    private final BoundedBuffer buffer = new BoundedBuffer(MAX_MESSAGE);
    private UsableKey key;

    KmsHmac(String service, MacAlgorithmSpec algorithm, int length) {
        this.service = service;
        this.algorithm = algorithm;
        this.length = length;
    }

    @Override
    protected int engineGetMacLength() {
        return length;
    }

    @Override
    protected void engineInit(Key k, AlgorithmParameterSpec params) throws InvalidKeyException,
            InvalidAlgorithmParameterException {
        if (!(k instanceof KmsSecretKey)) {
            throw new InvalidKeyException(service + " in Keywarden takes Keywarden HMAC key handles only, not "
                    + (k == null ? "null" : k.getClass().getName()));
        }
        if (params != null) {
            throw new InvalidAlgorithmParameterException(service + " takes no parameters");
        }
        UsableKey u = UsableKey.of(k, KeyUsage.GENERATE_VERIFY_MAC, service);
        if (!UsableKey.contains(u.metadata().macAlgorithms(), algorithm)) {
            throw u.unsupported(service, algorithm, u.metadata().macAlgorithms());
        }
        buffer.reset();
        this.key = u;
    }

    @Override
    protected void engineUpdate(byte input) {
        buffer.add(input);
    }

    @Override
    protected void engineUpdate(byte[] input, int offset, int len) {
        buffer.add(input, offset, len);
    }

    @Override
    protected void engineUpdate(ByteBuffer input) {
        buffer.add(input);
    }

    @Override
    protected byte[] engineDoFinal() {
        try {
            if (buffer.overflowed()) {
                throw new ProviderException(service + ": GenerateMac takes a message of at most "
                        + MAX_MESSAGE + " bytes; this message is " + buffer.length() + " bytes");
            }
            byte[] message = buffer.toByteArray();
            try {
                return key.backend().generateMac(GenerateMacRequest.builder().keyId(key.keyId()).message(message)
                        .macAlgorithm(algorithm).build()).mac();
            } catch (KmsException e) {
                throw JcaErrors.provider(e);
            } finally {
                java.util.Arrays.fill(message, (byte) 0);
            }
        } finally {
            buffer.reset();
        }
    }

    @Override
    protected void engineReset() {
        buffer.reset();
    }

    /** HmacSHA224. */
    public static final class Sha224 extends KmsHmac {
        public Sha224() {
            super("HmacSHA224", MacAlgorithmSpec.HMAC_SHA_224, 28);
        }
    }

    /** HmacSHA256. */
    public static final class Sha256 extends KmsHmac {
        public Sha256() {
            super("HmacSHA256", MacAlgorithmSpec.HMAC_SHA_256, 32);
        }
    }

    /** HmacSHA384. */
    public static final class Sha384 extends KmsHmac {
        public Sha384() {
            super("HmacSHA384", MacAlgorithmSpec.HMAC_SHA_384, 48);
        }
    }

    /** HmacSHA512. */
    public static final class Sha512 extends KmsHmac {
        public Sha512() {
            super("HmacSHA512", MacAlgorithmSpec.HMAC_SHA_512, 64);
        }
    }
}
