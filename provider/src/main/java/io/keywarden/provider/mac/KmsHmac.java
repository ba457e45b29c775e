package io.keywarden.provider.mac;

import io.keywarden.kms.api.GenerateMacRequest;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.MacAlgorithmSpec;
import io.keywarden.kms.api.MacSession;
import io.keywarden.kms.api.errors.KmsException;
import io.keywarden.provider.BoundedBuffer;
import io.keywarden.provider.JcaErrors;
import io.keywarden.provider.KmsKeys;
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
 *
 * <p>With MAC sessions on ({@code cache.macKeys=on}, or {@link io.keywarden.provider.KeywardenRuntime#setMacSessions})
 * and a backend that offers them (the embedded engine on SQLite), the MAC is computed in the engine
 * under a session's GenerateMac authorization instead (docs/engine.md, "MAC sessions"): messages of
 * any length, streamed, one policy check and audit event per authorization. {@code init} opens the
 * key's session if none is open (a refusal is an {@link InvalidKeyException}); a renewal refused at
 * {@code doFinal} is a {@link ProviderException} with the KMS error as cause.
 */
public abstract class KmsHmac extends MacSpi {

    /** AWS KMS's limit on the message of GenerateMac. */
    public static final int MAX_MESSAGE = 4096;

    private final String service;
    private final MacAlgorithmSpec algorithm;
    private final int length;
    private final BoundedBuffer buffer = new BoundedBuffer(MAX_MESSAGE);
    private UsableKey key;
    /** The MAC sessions in use, or null: one GenerateMac per message. */
    private MacSessions sessions;
    /** This Mac's computation in the key's session; null until the message's first byte, or after a failure. */
    private MacSession.Computation computation;

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
        this.computation = null;
        this.sessions = KmsKeys.runtime(k).macSessions();
        if (sessions != null) {
            try {
                computation();
            } catch (KmsException e) {
                throw JcaErrors.invalidKey(e);
            }
        }
    }

    /** This Mac's computation in the key's open session (opened if needed); null: no sessions. */
    private MacSession.Computation computation() {
        if (computation == null && sessions != null) {
            for (int attempt = 0; attempt < 3 && computation == null; attempt++) {
                MacSession s = sessions.session(key.backend(), key.keyId(), algorithm);
                if (s == null) {
                    sessions = null; // the backend has none
                    return null;
                }
                try {
                    computation = s.newComputation();
                } catch (IllegalStateException closed) {
                    // closed for room by another thread since the look-up: look up again
                }
            }
            if (computation == null) {
                throw new ProviderException(service + ": the MAC session of " + key.keyId() + " kept closing");
            }
        }
        return computation;
    }

    private MacSession.Computation sessionComputation() {
        try {
            return computation();
        } catch (KmsException e) {
            throw JcaErrors.provider(e);
        }
    }

    @Override
    protected void engineUpdate(byte input) {
        MacSession.Computation c = sessionComputation();
        if (c != null) {
            c.update(new byte[] {input}, 0, 1);
        } else {
            buffer.add(input);
        }
    }

    @Override
    protected void engineUpdate(byte[] input, int offset, int len) {
        MacSession.Computation c = sessionComputation();
        if (c != null) {
            c.update(input, offset, len);
        } else {
            buffer.add(input, offset, len);
        }
    }

    @Override
    protected void engineUpdate(ByteBuffer input) {
        MacSession.Computation c = sessionComputation();
        if (c != null) {
            c.update(input);
        } else {
            buffer.add(input);
        }
    }

    @Override
    protected byte[] engineDoFinal() {
        MacSession.Computation c = sessionComputation();
        if (c != null) {
            try {
                return c.doFinal();
            } catch (KmsException e) {
                computation = null; // the next message starts in the key's current session
                throw JcaErrors.provider(e);
            }
        }
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
        if (computation != null) {
            computation.reset();
        }
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
