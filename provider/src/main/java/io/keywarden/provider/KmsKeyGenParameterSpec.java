package io.keywarden.provider;

import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a Keywarden {@code KeyGenerator} or {@code KeyPairGenerator} puts into CreateKey: key usage,
 * description, alias, tags, key policy, and the key spec where the algorithm leaves it open (RSA
 * size, EC curve, ML-DSA level). Unset members take the generator's defaults. Passing this spec to
 * {@code init}/{@code initialize} also makes the JCA skip providers that do not know it, so
 * {@code KeyGenerator.getInstance("AES").init(spec)} lands on Keywarden without naming it.
 *
 * <pre>{@code
 * KmsKeyGenParameterSpec spec = KmsKeyGenParameterSpec.builder()
 *         .keySpec(KeySpec.ECC_NIST_P384).keyUsage(KeyUsage.SIGN_VERIFY)
 *         .alias("signer").description("release signing").tag("team", "build").build();
 * }</pre>
 */
public final class KmsKeyGenParameterSpec implements AlgorithmParameterSpec {

    private final KeySpec keySpec;
    private final KeyUsage keyUsage;
    private final String description;
    private final String alias;
    private final Map<String, String> tags;
    private final String policy;

    private KmsKeyGenParameterSpec(Builder b) {
        this.keySpec = b.keySpec;
        this.keyUsage = b.keyUsage;
        this.description = b.description;
        this.alias = b.alias;
        this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(b.tags));
        this.policy = b.policy;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The key spec, or null for the generator's default. */
    public KeySpec keySpec() {
        return keySpec;
    }

    /** The key usage, or null for the generator's default. */
    public KeyUsage keyUsage() {
        return keyUsage;
    }

    public String description() {
        return description;
    }

    /** The alias to create, as given ({@code alias/} is prepended when missing); null for none. */
    public String alias() {
        return alias;
    }

    /** The KMS alias name ({@code alias/…}), or null. */
    public String kmsAliasName() {
        return alias == null ? null : alias.startsWith("alias/") ? alias : "alias/" + alias;
    }

    public Map<String, String> tags() {
        return tags;
    }

    /** The key policy document (JSON), or null for the default policy. */
    public String policy() {
        return policy;
    }

    @Override
    public String toString() {
        return "KmsKeyGenParameterSpec[keySpec=" + keySpec + ", keyUsage=" + keyUsage + ", alias=" + alias
                + ", tags=" + tags.keySet() + "]";
    }

    /** Builds a {@link KmsKeyGenParameterSpec}. */
    public static final class Builder {
        private KeySpec keySpec;
        private KeyUsage keyUsage;
        private String description;
        private String alias;
        private final Map<String, String> tags = new LinkedHashMap<>();
        private String policy;

        private Builder() {
        }

        public Builder keySpec(KeySpec keySpec) {
            this.keySpec = keySpec;
            return this;
        }

        public Builder keyUsage(KeyUsage keyUsage) {
            this.keyUsage = keyUsage;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder alias(String alias) {
            this.alias = alias;
            return this;
        }

        public Builder tag(String key, String value) {
            this.tags.put(key, value);
            return this;
        }

        public Builder tags(Map<String, String> tags) {
            this.tags.putAll(tags);
            return this;
        }

        public Builder policy(String policy) {
            this.policy = policy;
            return this;
        }

        public KmsKeyGenParameterSpec build() {
            return new KmsKeyGenParameterSpec(this);
        }
    }
}
