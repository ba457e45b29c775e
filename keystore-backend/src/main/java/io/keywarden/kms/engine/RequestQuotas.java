package io.keywarden.kms.engine;

import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.errors.ThrottlingException;
import io.keywarden.kms.config.ServiceSettings;
import io.keywarden.kms.config.ServiceSettings.QuotaClass;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * AWS KMS's request-rate quotas: one {@link TokenBucket} per account and {@link QuotaClass}, shared
 * by every operation of the class, at the rates of {@link ServiceSettings} (AWS's defaults unless
 * configured). A request over its quota fails at once with {@link ThrottlingException}. Cryptographic
 * operations on a key are classed by the key's spec (symmetric and HMAC, RSA, ECC, ML-DSA) once the
 * key is known; every other operation by its name. Thread-safe.
 */
final class RequestQuotas {

    /** Operations whose class depends on the key they use. */
    private static final Set<String> KEY_CRYPTO = Set.of("Encrypt", "Decrypt", "ReEncrypt", "GenerateDataKey",
            "GenerateDataKeyWithoutPlaintext", "Sign", "Verify", "GenerateMac", "VerifyMac", "DeriveSharedSecret",
            "OpenMacSession");

    private final ServiceSettings settings;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    RequestQuotas(ServiceSettings settings, LongSupplier nanoTime) {
        this.settings = settings;
        this.nanoTime = nanoTime;
    }

    /** The class of {@code eventName}; null when it depends on the key ({@link #classOf(KeySpec)}). */
    static QuotaClass classOf(String eventName) {
        if (KEY_CRYPTO.contains(eventName)) {
            return null;
        }
        return switch (eventName) {
            case "GenerateRandom" -> QuotaClass.SYMMETRIC;
            case "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext" -> QuotaClass.DATA_KEY_PAIR;
            case "DescribeKey", "GetPublicKey" -> QuotaClass.DESCRIBE;
            case "GetParametersForImport" -> QuotaClass.IMPORT_PARAMETERS;
            default -> eventName.startsWith("List") ? QuotaClass.LIST
                    : eventName.startsWith("Get") ? QuotaClass.READ : QuotaClass.WRITE;
        };
    }

    /** The class of a cryptographic operation with a key of {@code spec}. */
    static QuotaClass classOf(KeySpec spec) {
        String s = spec.name();
        if (s.startsWith("RSA")) {
            return QuotaClass.RSA;
        }
        if (s.startsWith("ECC") || s.startsWith("SM2")) {
            return QuotaClass.ECC;
        }
        if (s.startsWith("ML_DSA")) {
            return QuotaClass.ML_DSA;
        }
        return QuotaClass.SYMMETRIC;
    }

    /** Takes one request of {@code q} from {@code account}'s quota, or throws {@link ThrottlingException}. */
    void take(String account, QuotaClass q, String eventName) {
        if (Double.isInfinite(settings.rate(q))) {
            return;
        }
        TokenBucket b = buckets.computeIfAbsent(account + "/" + q.name(),
                k -> new TokenBucket(settings.rate(q), nanoTime));
        if (!b.tryTake()) {
            throw new ThrottlingException("You have exceeded the rate at which you may call KMS. Reduce the frequency"
                    + " of your calls. (" + eventName + ": quota " + q.settingName() + " of " + settings.rate(q)
                    + " requests per second.)");
        }
    }
}
