package io.keywarden.kms.config;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The operational settings of {@code keywarden.conf} beyond the store and the caller: the audit
 * trail's digest and commit intervals, the request-rate quotas per operation class and the client-side retry
 * policy. Every setting is documented in {@code docs/configuration.md}.
 *
 * @param digestInterval a signed digest is written every this many audit events ({@code audit.digest.interval})
 * @param rates requests per second per account for each {@link QuotaClass} ({@code quota.rate.<class>})
 * @param retryMaxAttempts attempts of a throttled call, the first included ({@code retry.maxAttempts})
 * @param retryMaxDelayMillis the most a call sleeps in total between attempts ({@code retry.maxDelayMillis})
 * @param auditCommitIntervalMillis the least time between two audit commits that carry only data-plane
 *        events ({@code audit.commitIntervalMillis}; 0: commit as soon as the previous commit ends)
 */
public record ServiceSettings(int digestInterval, Map<QuotaClass, Double> rates, int retryMaxAttempts,
        long retryMaxDelayMillis, long auditCommitIntervalMillis) {

    /** The operation classes AWS KMS's request quotas group operations into, with AWS's default rates. */
    public enum QuotaClass {
        /** Encrypt, Decrypt, ReEncrypt, GenerateDataKey*, GenerateMac, VerifyMac, GenerateRandom (shared). */
        SYMMETRIC(10_000),
        /** Cryptographic operations with an RSA key (shared). */
        RSA(1_000),
        /** Cryptographic operations with an elliptic-curve key (ECC_*, ECC_SECG_P256K1, SM2) (shared). */
        ECC(1_000),
        /** Cryptographic operations with an ML-DSA key. */
        ML_DSA(1_000),
        /** CreateKey and the other management writes (policies, aliases, tags, rotation, deletion…). */
        WRITE(5),
        /** DescribeKey and GetPublicKey. */
        DESCRIBE(2_000),
        /** GetKeyPolicy, GetKeyRotationStatus and the other single-key reads. */
        READ(1_000),
        /** ListKeys, ListAliases and the other List* operations. */
        LIST(500),
        /** GenerateDataKeyPair (AWS quotas it per pair spec; one shared bucket here). */
        DATA_KEY_PAIR(25),
        /** GetParametersForImport. */
        IMPORT_PARAMETERS(0.25);

        private final double awsDefault;

        QuotaClass(double awsDefault) {
            this.awsDefault = awsDefault;
        }

        /** AWS KMS's documented default, requests per second. */
        public double awsDefault() {
            return awsDefault;
        }

        /** The name used in {@code quota.rate.<name>}: lower case with dashes, e.g. {@code data-key-pair}. */
        public String settingName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public static final int DEFAULT_DIGEST_INTERVAL = 1000;
    public static final int DEFAULT_RETRY_MAX_ATTEMPTS = 8;
    public static final long DEFAULT_RETRY_MAX_DELAY_MILLIS = 10_000;
    public static final long DEFAULT_AUDIT_COMMIT_INTERVAL_MILLIS = 10;
    /** The longest {@code audit.commitIntervalMillis}: the window in which a crash can lose data-plane events. */
    public static final long MAX_AUDIT_COMMIT_INTERVAL_MILLIS = 1000;

    public ServiceSettings {
        if (digestInterval < 1) {
            throw new IllegalArgumentException("digestInterval must be positive");
        }
        if (auditCommitIntervalMillis < 0 || auditCommitIntervalMillis > MAX_AUDIT_COMMIT_INTERVAL_MILLIS) {
            throw new IllegalArgumentException("auditCommitIntervalMillis must be from 0 to "
                    + MAX_AUDIT_COMMIT_INTERVAL_MILLIS);
        }
        EnumMap<QuotaClass, Double> all = new EnumMap<>(QuotaClass.class);
        for (QuotaClass q : QuotaClass.values()) {
            all.put(q, q.awsDefault());
        }
        if (rates != null) {
            all.putAll(rates);
        }
        rates = Map.copyOf(all);
    }

    /** AWS's defaults everywhere. */
    public static ServiceSettings defaults() {
        return new ServiceSettings(DEFAULT_DIGEST_INTERVAL, null, DEFAULT_RETRY_MAX_ATTEMPTS,
                DEFAULT_RETRY_MAX_DELAY_MILLIS, DEFAULT_AUDIT_COMMIT_INTERVAL_MILLIS);
    }

    /**
     * AWS's defaults, but no request quotas (every rate infinite): engines built directly in code
     * (tests, embedding applications) unless they pass settings; the CLI and the provider read
     * keywarden.conf and so get AWS's quotas.
     */
    public static ServiceSettings unthrottled() {
        EnumMap<QuotaClass, Double> none = new EnumMap<>(QuotaClass.class);
        for (QuotaClass q : QuotaClass.values()) {
            none.put(q, Double.POSITIVE_INFINITY);
        }
        return defaults().withRates(none);
    }

    /** The same settings with other rates for some classes. */
    public ServiceSettings withRates(Map<QuotaClass, Double> changed) {
        EnumMap<QuotaClass, Double> all = new EnumMap<>(rates);
        all.putAll(changed);
        return new ServiceSettings(digestInterval, all, retryMaxAttempts, retryMaxDelayMillis,
                auditCommitIntervalMillis);
    }

    /** The same settings with another digest interval. */
    public ServiceSettings withDigestInterval(int interval) {
        return new ServiceSettings(interval, rates, retryMaxAttempts, retryMaxDelayMillis, auditCommitIntervalMillis);
    }


    public double rate(QuotaClass q) {
        return rates.get(q);
    }

    /** Reads the settings from keywarden.conf's properties; a bad value is a {@link KeywardenConfig.ConfigException}. */
    public static ServiceSettings fromProperties(Properties p) {
        EnumMap<QuotaClass, Double> rates = new EnumMap<>(QuotaClass.class);
        for (QuotaClass q : QuotaClass.values()) {
            String name = "quota.rate." + q.settingName();
            String v = p.getProperty(name);
            if (v != null) {
                rates.put(q, positiveDouble(name, v));
            }
        }
        return new ServiceSettings(
                (int) positiveLong(p, "audit.digest.interval", DEFAULT_DIGEST_INTERVAL, Integer.MAX_VALUE),
                rates,
                (int) positiveLong(p, "retry.maxAttempts", DEFAULT_RETRY_MAX_ATTEMPTS, 100),
                positiveLong(p, "retry.maxDelayMillis", DEFAULT_RETRY_MAX_DELAY_MILLIS, 3_600_000),
                wholeNumber(p, "audit.commitIntervalMillis", DEFAULT_AUDIT_COMMIT_INTERVAL_MILLIS, 0,
                        MAX_AUDIT_COMMIT_INTERVAL_MILLIS));
    }

    private static double positiveDouble(String name, String v) {
        try {
            double d = Double.parseDouble(v.trim());
            if (!(d > 0) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new KeywardenConfig.ConfigException(name, "must be a positive number of requests per second");
        }
    }

    private static long positiveLong(Properties p, String name, long def, long max) {
        return wholeNumber(p, name, def, 1, max);
    }

    private static long wholeNumber(Properties p, String name, long def, long min, long max) {
        String v = p.getProperty(name);
        if (v == null) {
            return def;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new KeywardenConfig.ConfigException(name, "must be a whole number from " + min + " to " + max);
        }
    }
}
