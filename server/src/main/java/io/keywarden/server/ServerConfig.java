package io.keywarden.server;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The server's settings, read from {@code keywarden-server.conf} (a Java properties file; relative
 * paths resolve against its directory). Every setting is described in {@code docs/server.md}.
 *
 * <ul>
 *   <li>{@code engine.config} — the keywarden.conf of the store the server serves (default {@code keywarden.conf}).</li>
 *   <li>{@code listen.host} (default {@code 127.0.0.1}), {@code listen.port} (default 8443; 0 picks a free port).</li>
 *   <li>{@code tls.keystore}, {@code tls.keystorePassword} — the PKCS#12 keystore of the server certificate (required
 *       unless {@code server.plaintextLoopback=true}).</li>
 *   <li>{@code server.plaintextLoopback} — serve plain HTTP; allowed only when {@code listen.host} is a loopback address.</li>
 *   <li>{@code accessKey.<ID>.secret}, {@code accessKey.<ID>.principal} — the SigV4 access keys (at least one).</li>
 *   <li>{@code auth.region} (default: the region of keywarden.conf), {@code auth.clockSkewSeconds} (default 300).</li>
 *   <li>{@code limits.maxBodyBytes} (1 MiB), {@code limits.maxHeaders} (64), {@code limits.maxHeaderBytes} (16 KiB),
 *       {@code limits.maxConnections} (256), {@code limits.maxThreads} (64), {@code limits.idleTimeoutSeconds} (30),
 *       {@code limits.bodyTimeoutSeconds} (10).</li>
 * </ul>
 */
public record ServerConfig(
        Path engineConfig,
        String host,
        int port,
        Path tlsKeystore,
        char[] tlsKeystorePassword,
        boolean plaintextLoopback,
        List<AccessKey> accessKeys,
        String region,
        Duration clockSkew,
        Limits limits) {

    /** The file name of the server configuration, beside keywarden.conf. */
    public static final String FILE_NAME = "keywarden-server.conf";

    /**
     * Bounds on what one client can make the server hold: body size, header count and size, connections,
     * request threads, idle time of a connection, and the time a request body may take to arrive.
     */
    public record Limits(int maxBodyBytes, int maxHeaders, int maxHeaderBytes, int maxConnections, int maxThreads,
                         Duration idleTimeout, Duration bodyTimeout) {
        public static Limits defaults() {
            return new Limits(1 << 20, 64, 16 * 1024, 256, 64, Duration.ofSeconds(30), Duration.ofSeconds(10));
        }
    }

    public ServerConfig {
        accessKeys = List.copyOf(accessKeys);
        if (accessKeys.isEmpty()) {
            throw new ServerConfigException("accessKey.<ID>.secret", "is missing: configure at least one access key");
        }
        if (plaintextLoopback) {
            if (!isLoopback(host)) {
                throw new ServerConfigException("server.plaintextLoopback",
                        "is allowed only when listen.host is a loopback address, not " + host);
            }
        } else if (tlsKeystore == null) {
            throw new ServerConfigException("tls.keystore", "is missing: the server serves TLS unless "
                    + "server.plaintextLoopback=true (on a loopback address)");
        }
    }

    /** Whether the server speaks plain HTTP (loopback only) rather than TLS. */
    public boolean plaintext() {
        return plaintextLoopback;
    }

    @Override
    public String toString() {
        return "ServerConfig[" + host + ":" + port + (plaintextLoopback ? " plaintext" : " tls " + tlsKeystore)
                + ", " + accessKeys.size() + " access key(s), region " + region + "]";
    }

    public static ServerConfig load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new ServerConfigException("config", "cannot read " + file + ": " + e.getMessage());
        }
        return fromProperties(p, file.toAbsolutePath().getParent(), null);
    }

    /**
     * The settings in {@code p}; {@code defaultRegion} (may be null: {@code us-east-1}) is the signing
     * region when {@code auth.region} is not set.
     */
    public static ServerConfig fromProperties(Properties p, Path baseDir, String defaultRegion) {
        List<AccessKey> keys = new ArrayList<>();
        TreeSet<String> ids = new TreeSet<>();
        for (String name : p.stringPropertyNames()) {
            if (name.startsWith("accessKey.") && (name.endsWith(".secret") || name.endsWith(".principal"))) {
                ids.add(name.substring("accessKey.".length(), name.lastIndexOf('.')));
            }
        }
        for (String id : ids) {
            String secret = p.getProperty("accessKey." + id + ".secret");
            String principal = p.getProperty("accessKey." + id + ".principal");
            if (secret == null || principal == null) {
                throw new ServerConfigException("accessKey." + id, "needs both .secret and .principal");
            }
            try {
                keys.add(new AccessKey(id, secret.trim(), principal.trim()));
            } catch (IllegalArgumentException e) {
                throw new ServerConfigException("accessKey." + id, e.getMessage());
            }
        }
        String keystore = p.getProperty("tls.keystore");
        String password = p.getProperty("tls.keystorePassword", "");
        Limits d = Limits.defaults();
        Limits limits = new Limits(
                intSetting(p, "limits.maxBodyBytes", d.maxBodyBytes()),
                intSetting(p, "limits.maxHeaders", d.maxHeaders()),
                intSetting(p, "limits.maxHeaderBytes", d.maxHeaderBytes()),
                intSetting(p, "limits.maxConnections", d.maxConnections()),
                intSetting(p, "limits.maxThreads", d.maxThreads()),
                Duration.ofSeconds(intSetting(p, "limits.idleTimeoutSeconds", (int) d.idleTimeout().toSeconds())),
                Duration.ofSeconds(intSetting(p, "limits.bodyTimeoutSeconds", (int) d.bodyTimeout().toSeconds())));
        int port = p.getProperty("listen.port") == null ? 8443 : intSetting(p, "listen.port", 8443, 0);
        return new ServerConfig(
                baseDir.resolve(p.getProperty("engine.config", "keywarden.conf").trim()).normalize(),
                p.getProperty("listen.host", "127.0.0.1").trim(),
                port,
                keystore == null || keystore.isBlank() ? null : baseDir.resolve(keystore.trim()).normalize(),
                password.toCharArray(),
                Boolean.parseBoolean(p.getProperty("server.plaintextLoopback", "false").trim()),
                keys,
                p.getProperty("auth.region", defaultRegion == null ? "us-east-1" : defaultRegion).trim(),
                Duration.ofSeconds(intSetting(p, "auth.clockSkewSeconds", 300)),
                limits);
    }

    private static int intSetting(Properties p, String name, int def) {
        return intSetting(p, name, def, 1);
    }

    private static int intSetting(Properties p, String name, int def, int min) {
        String v = p.getProperty(name);
        if (v == null) {
            return def;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ServerConfigException(name, "must be a whole number of at least " + min);
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** A server setting is missing or wrong; the message names the setting (never a secret's value). */
    public static final class ServerConfigException extends IllegalArgumentException {
        public ServerConfigException(String setting, String problem) {
            super(FILE_NAME + ": setting '" + setting + "' " + problem);
        }
    }
}
