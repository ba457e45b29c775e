package io.keywarden.remote;

import io.keywarden.kms.config.KeywardenConfig;
import io.keywarden.kms.config.KeywardenConfig.ConfigException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code remote.*} settings of keywarden.conf (see docs/server.md, "The remote backend"):
 * {@code remote.endpoints} (comma-separated URLs, tried in order with failover) or
 * {@code remote.endpoint} (one URL); neither: AWS KMS's own endpoint for the region;
 * {@code remote.region} (default: {@code region}), {@code remote.accessKeyId} and
 * {@code remote.secretAccessKey} (both, or neither for the AWS default credential chain),
 * {@code remote.caCertificate} (a PEM certificate to trust, e.g. a self-signed server's),
 * {@code remote.timeoutSeconds} (per attempt, default 10), {@code remote.connectTimeoutSeconds} (default 3),
 * {@code remote.maxAttempts} (default 4, attempts per call across endpoints),
 * {@code remote.failoverCooldownSeconds} (default 30: how long a failed endpoint is passed over),
 * {@code remote.retryNonIdempotent} (default true, as the AWS SDKs: see {@link Operations}).
 * {@link #toString()} never shows the secret.
 */
public record RemoteSettings(
        List<URI> endpoints,
        String region,
        String accessKeyId,
        String secretAccessKey,
        Path caCertificate,
        Duration callTimeout,
        Duration connectTimeout,
        int maxAttempts,
        Duration failoverCooldown,
        boolean retryNonIdempotent) {

    public RemoteSettings {
        endpoints = List.copyOf(endpoints);
    }

    public static RemoteSettings from(KeywardenConfig config) {
        Map<String, String> r = config.remote();
        String id = blankToNull(r.get("accessKeyId"));
        String secret = blankToNull(r.get("secretAccessKey"));
        if ((id == null) != (secret == null)) {
            throw new ConfigException(id == null ? "remote.accessKeyId" : "remote.secretAccessKey",
                    "is missing: give both remote.accessKeyId and remote.secretAccessKey, or neither (AWS default credentials)");
        }
        String ca = blankToNull(r.get("caCertificate"));
        Path base = config.baseDir() == null ? Path.of("") : config.baseDir();
        return new RemoteSettings(
                endpoints(r),
                r.getOrDefault("region", config.region()),
                id,
                secret,
                ca == null ? null : base.resolve(ca).normalize(),
                Duration.ofSeconds(positive(r, "timeoutSeconds", 10)),
                Duration.ofSeconds(positive(r, "connectTimeoutSeconds", 3)),
                positive(r, "maxAttempts", 4),
                Duration.ofSeconds(positive(r, "failoverCooldownSeconds", 30)),
                bool(r, "retryNonIdempotent", true));
    }

    /** The first endpoint, or null for AWS KMS's own. */
    public URI endpoint() {
        return endpoints.isEmpty() ? null : endpoints.get(0);
    }

    private static List<URI> endpoints(Map<String, String> r) {
        String one = blankToNull(r.get("endpoint"));
        String many = blankToNull(r.get("endpoints"));
        if (one != null && many != null) {
            throw new ConfigException("remote.endpoints", "and remote.endpoint are both set: give one of them");
        }
        String setting = many != null ? "remote.endpoints" : "remote.endpoint";
        List<URI> endpoints = new ArrayList<>();
        String value = many != null ? many : one;
        if (value == null) {
            return endpoints;
        }
        for (String part : value.split(",")) {
            URI uri = url(setting, part.trim());
            if (endpoints.contains(uri)) {
                throw new ConfigException(setting, "names " + uri + " twice");
            }
            endpoints.add(uri);
        }
        if (many == null && endpoints.size() > 1) {
            throw new ConfigException("remote.endpoint", "is one URL: name several in remote.endpoints");
        }
        return endpoints;
    }

    private static URI url(String setting, String s) {
        URI uri;
        try {
            uri = URI.create(s);
        } catch (IllegalArgumentException ex) {
            throw new ConfigException(setting, "holds something that is not a URL");
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new ConfigException(setting, "must hold http or https URLs with a host (" + uri.getScheme() + "://…)");
        }
        if (uri.getUserInfo() != null) {
            throw new ConfigException(setting, "must not hold credentials in a URL: use remote.accessKeyId");
        }
        return uri;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static boolean bool(Map<String, String> r, String name, boolean def) {
        String v = blankToNull(r.get(name));
        if (v == null) {
            return def;
        }
        if (!v.equals("true") && !v.equals("false")) {
            throw new ConfigException("remote." + name, "must be true or false");
        }
        return Boolean.parseBoolean(v);
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
        return "RemoteSettings[" + (endpoints.isEmpty() ? "AWS KMS" : endpoints) + ", region " + region
                + (accessKeyId == null ? ", default credentials" : ", access key " + accessKeyId) + "]";
    }
}
