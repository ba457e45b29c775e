package io.keywarden.remote;

import io.keywarden.kms.config.KeywardenConfig;
import io.keywarden.kms.config.KeywardenConfig.ConfigException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The {@code remote.*} settings of keywarden.conf (see docs/server.md):
 * {@code remote.endpoint} (required for a Keywarden server; absent: AWS KMS's own endpoint for the region),
 * {@code remote.region} (default: {@code region}), {@code remote.accessKeyId} and
 * {@code remote.secretAccessKey} (both, or neither for the AWS default credential chain),
 * {@code remote.caCertificate} (a PEM certificate to trust, e.g. a self-signed server's),
 * {@code remote.timeoutSeconds} (per call, default 10), {@code remote.connectTimeoutSeconds} (default 3),
 * {@code remote.maxAttempts} (default 4: retries with backoff on throttling, faults and lost connections).
 * {@link #toString()} never shows the secret.
 */
public record RemoteSettings(
        URI endpoint,
        String region,
        String accessKeyId,
        String secretAccessKey,
        Path caCertificate,
        Duration callTimeout,
        Duration connectTimeout,
        int maxAttempts) {

    public static RemoteSettings from(KeywardenConfig config) {
        Map<String, String> r = config.remote();
        URI endpoint = null;
        String e = r.get("endpoint");
        if (e != null && !e.isBlank()) {
            try {
                endpoint = URI.create(e);
            } catch (IllegalArgumentException ex) {
                throw new ConfigException("remote.endpoint", "is not a URL");
            }
            if (!"https".equals(endpoint.getScheme()) && !"http".equals(endpoint.getScheme())) {
                throw new ConfigException("remote.endpoint", "must be an http or https URL");
            }
        }
        String id = blankToNull(r.get("accessKeyId"));
        String secret = blankToNull(r.get("secretAccessKey"));
        if ((id == null) != (secret == null)) {
            throw new ConfigException(id == null ? "remote.accessKeyId" : "remote.secretAccessKey",
                    "is missing: give both remote.accessKeyId and remote.secretAccessKey, or neither (AWS default credentials)");
        }
        String ca = blankToNull(r.get("caCertificate"));
        Path base = config.baseDir() == null ? Path.of("") : config.baseDir();
        return new RemoteSettings(
                endpoint,
                r.getOrDefault("region", config.region()),
                id,
                secret,
                ca == null ? null : base.resolve(ca).normalize(),
                Duration.ofSeconds(positive(r, "timeoutSeconds", 10)),
                Duration.ofSeconds(positive(r, "connectTimeoutSeconds", 3)),
                positive(r, "maxAttempts", 4));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static int positive(Map<String, String> r, String name, int def) {
        String v = r.get(name);
        if (v == null) {
            return def;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException ex) {
            throw new ConfigException("remote." + name, "must be a positive whole number");
        }
    }

    @Override
    public String toString() {
        return "RemoteSettings[" + (endpoint == null ? "AWS KMS" : endpoint) + ", region " + region
                + (accessKeyId == null ? ", default credentials" : ", access key " + accessKeyId) + "]";
    }
}
