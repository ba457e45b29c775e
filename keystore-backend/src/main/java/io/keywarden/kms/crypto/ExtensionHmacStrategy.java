package io.keywarden.kms.crypto;

import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.MacAlgorithmSpec;
import io.keywarden.kms.api.errors.IncorrectKeyMaterialException;
import io.keywarden.kms.api.errors.KMSInternalException;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * <b>Keywarden extension</b>: KEYWARDEN_HMAC_SHA1 and KEYWARDEN_HMAC_SHA3_224/256/384/512, imported
 * HMAC keys (GENERATE_VERIFY_MAC, Origin EXTERNAL only) for hashes AWS KMS does not offer, through
 * GenerateMac/VerifyMac with the matching KEYWARDEN_HMAC_* algorithm. The key may be any length from
 * 1 to {@value #MAX_KEY} bytes (HMAC hashes a key longer than the block size, as RFC 2104 says). The
 * JDK's Mac computes the tag.
 */
public final class ExtensionHmacStrategy implements KeySpecStrategy {

    /** The longest imported key, in bytes. */
    public static final int MAX_KEY = 1024;

    private record Params(MacAlgorithmSpec algorithm, String jca, int length) {
    }

    private static final Map<KeySpec, Params> PARAMS = Map.of(
            KeySpec.KEYWARDEN_HMAC_SHA1, new Params(MacAlgorithmSpec.KEYWARDEN_HMAC_SHA_1, "HmacSHA1", 20),
            KeySpec.KEYWARDEN_HMAC_SHA3_224, new Params(MacAlgorithmSpec.KEYWARDEN_HMAC_SHA3_224, "HmacSHA3-224", 28),
            KeySpec.KEYWARDEN_HMAC_SHA3_256, new Params(MacAlgorithmSpec.KEYWARDEN_HMAC_SHA3_256, "HmacSHA3-256", 32),
            KeySpec.KEYWARDEN_HMAC_SHA3_384, new Params(MacAlgorithmSpec.KEYWARDEN_HMAC_SHA3_384, "HmacSHA3-384", 48),
            KeySpec.KEYWARDEN_HMAC_SHA3_512, new Params(MacAlgorithmSpec.KEYWARDEN_HMAC_SHA3_512, "HmacSHA3-512", 64));

    @Override
    public Set<KeySpec> keySpecs() {
        return PARAMS.keySet();
    }

    @Override
    public Set<KeyUsage> usages(KeySpec spec) {
        params(spec);
        return Set.of(KeyUsage.GENERATE_VERIFY_MAC);
    }

    @Override
    public List<MacAlgorithmSpec> macAlgorithms(KeySpec spec, KeyUsage usage) {
        Params p = params(spec);
        return usage == KeyUsage.GENERATE_VERIFY_MAC ? List.of(p.algorithm()) : List.of();
    }

    /** Random material of the hash's length (the engine never generates these keys: they are import-only). */
    @Override
    public GeneratedMaterial generate(KeySpec spec) {
        return new GeneratedMaterial(Checks.randomBytes(params(spec).length()), null);
    }

    @Override
    public GeneratedMaterial importMaterial(KeySpec spec, byte[] material) {
        params(spec);
        if (material == null || material.length < 1 || material.length > MAX_KEY) {
            throw new IncorrectKeyMaterialException("Key material for " + spec + " must be 1 to " + MAX_KEY
                    + " bytes.");
        }
        return new GeneratedMaterial(material.clone(), null);
    }

    @Override
    public byte[] mac(KeySpec spec, KeyMaterial key, MacAlgorithmSpec algorithm, byte[] message) {
        Params p = params(spec);
        Checks.notNull("macAlgorithm", algorithm);
        if (algorithm != p.algorithm()) {
            throw Checks.algorithm(algorithm, spec);
        }
        Checks.length("message", message, 1, Checks.MAX_MESSAGE);
        byte[] secret = Checks.secret(key);
        if (secret.length < 1 || secret.length > MAX_KEY) {
            throw new KMSInternalException("The stored key material has the wrong length.");
        }
        try {
            Mac mac = Mac.getInstance(p.jca());
            mac.init(new SecretKeySpec(secret, p.jca()));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw Checks.internal(e);
        }
    }

    private static Params params(KeySpec spec) {
        return PARAMS.get(Checks.spec(spec, PARAMS.keySet()));
    }
}
