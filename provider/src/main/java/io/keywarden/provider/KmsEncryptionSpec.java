package io.keywarden.provider;

import io.keywarden.provider.envelope.DataKeyCachePolicy;
import io.keywarden.provider.envelope.EnvelopeFormat;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parameters of Keywarden's {@code AES/GCM/NoPadding} envelope encryption: the KMS encryption
 * context (bound to the data key and to the body, and required again for decryption), an optional
 * GCM tag length (must be 128), an optional application IV (mixed into the key derivation, as with
 * {@code GCMParameterSpec}), the frame size, and an optional data-key cache policy.
 * {@link #toString()} shows the context's keys only.
 */
public final class KmsEncryptionSpec implements AlgorithmParameterSpec {

    private final Map<String, String> context;
    private final int tagLengthBits;
    private final byte[] iv;
    private final int frameSize;
    private final DataKeyCachePolicy cache;

    private KmsEncryptionSpec(Builder b) {
        this.context = Map.copyOf(b.context);
        this.tagLengthBits = b.tagLengthBits;
        this.iv = b.iv == null ? null : b.iv.clone();
        this.frameSize = b.frameSize;
        this.cache = b.cache;
    }

    /** A spec with just an encryption context. */
    public static KmsEncryptionSpec of(Map<String, String> context) {
        return builder().context(context).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Map<String, String> context() {
        return context;
    }

    public int tagLengthBits() {
        return tagLengthBits;
    }

    /** The application IV, or null. */
    public byte[] iv() {
        return iv == null ? null : iv.clone();
    }

    public int frameSize() {
        return frameSize;
    }

    /** The data-key cache policy, or null to use the runtime's setting. */
    public DataKeyCachePolicy cache() {
        return cache;
    }

    @Override
    public String toString() {
        return "KmsEncryptionSpec[contextKeys=" + new TreeMap<>(context).keySet() + ", frameSize=" + frameSize
                + ", iv=" + (iv != null) + ", cache=" + (cache != null) + "]";
    }

    /** Builds a {@link KmsEncryptionSpec}. */
    public static final class Builder {
        private Map<String, String> context = Map.of();
        private int tagLengthBits = 128;
        private byte[] iv;
        private int frameSize = EnvelopeFormat.DEFAULT_FRAME_SIZE;
        private DataKeyCachePolicy cache;

        private Builder() {
        }

        public Builder context(Map<String, String> context) {
            this.context = context == null ? Map.of() : context;
            return this;
        }

        /** Only 128 is accepted (by {@code Cipher.init}). */
        public Builder tagLengthBits(int bits) {
            this.tagLengthBits = bits;
            return this;
        }

        public Builder iv(byte[] iv) {
            this.iv = iv == null ? null : iv.clone();
            return this;
        }

        public Builder frameSize(int frameSize) {
            this.frameSize = EnvelopeFormat.checkFrameSize(frameSize);
            return this;
        }

        public Builder cache(DataKeyCachePolicy policy) {
            this.cache = policy;
            return this;
        }

        public KmsEncryptionSpec build() {
            return new KmsEncryptionSpec(this);
        }
    }
}
