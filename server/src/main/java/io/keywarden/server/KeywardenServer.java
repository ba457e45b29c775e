package io.keywarden.server;

import io.keywarden.kms.api.KmsBackend;
import io.keywarden.server.auth.SigV4Authenticator;
import io.keywarden.server.http.KmsHandler;
import io.keywarden.server.http.RequestMetrics;
import io.keywarden.server.http.TlsSetup;
import java.net.URI;
import java.time.Clock;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A running Keywarden server: Jetty with one connector (TLS, or plain HTTP on loopback when so
 * configured), bounded threads, connections, header sizes and idle time, serving the
 * {@link KmsHandler} in front of a backend. The backend stays the caller's: closing the server does
 * not close it.
 */
public final class KeywardenServer implements AutoCloseable {

    private final Server jetty;
    private final ServerConnector connector;
    private final RequestMetrics metrics = new RequestMetrics();
    private final boolean tls;
    private volatile boolean ready;

    private KeywardenServer(ServerConfig config, KmsBackend engine, Clock clock) {
        ServerConfig.Limits limits = config.limits();
        QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads(), Math.min(8, limits.maxThreads()));
        threads.setName("keywarden-http");
        threads.setDaemon(true);
        jetty = new Server(threads);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(limits.maxHeaderBytes());
        http.setIdleTimeout(limits.idleTimeout().toMillis());
        tls = !config.plaintext();
        if (tls) {
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniHostCheck(false);
            http.addCustomizer(secure);
            connector = new ServerConnector(jetty, 1, 1,
                    new SslConnectionFactory(TlsSetup.serverContext(config.tlsKeystore(), config.tlsKeystorePassword()),
                            HttpVersion.HTTP_1_1.asString()),
                    new HttpConnectionFactory(http));
        } else {
            connector = new ServerConnector(jetty, 1, 1, new HttpConnectionFactory(http));
        }
        connector.setHost(config.host());
        connector.setPort(config.port());
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        jetty.addConnector(connector);
        jetty.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));

        SigV4Authenticator auth = new SigV4Authenticator(config.accessKeys(), config.region(), config.clockSkew(), clock);
        jetty.setHandler(new KmsHandler(auth, new CallerAdapter(engine, !config.plaintextLoopback()), metrics, () -> ready,
                limits.maxBodyBytes(), limits.maxHeaders(), limits.bodyTimeout(), threads));
        jetty.setStopTimeout(1_000);
    }

    /** Starts a server for {@code engine} with {@code config}; the port is bound when this returns. */
    public static KeywardenServer start(ServerConfig config, KmsBackend engine) {
        return start(config, engine, Clock.systemUTC());
    }

    /** As {@link #start(ServerConfig, KmsBackend)}, with the clock the signature dates are checked against. */
    public static KeywardenServer start(ServerConfig config, KmsBackend engine, Clock clock) {
        KeywardenServer server = new KeywardenServer(config, engine, clock);
        try {
            server.jetty.start();
        } catch (Exception e) {
            server.close();
            throw new IllegalStateException("the server cannot start on " + config.host() + ":" + config.port()
                    + ": " + e.getMessage(), e);
        }
        server.ready = true;
        return server;
    }

    /** The endpoint clients give as {@code endpointOverride}, for example {@code https://127.0.0.1:8443}. */
    public URI endpoint() {
        String host = connector.getHost();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create((tls ? "https" : "http") + "://" + host + ":" + connector.getLocalPort());
    }

    /** The request metrics (also served at {@code GET /metrics}). */
    public RequestMetrics metrics() {
        return metrics;
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() {
        ready = false;
        try {
            jetty.stop();
        } catch (java.util.concurrent.TimeoutException e) {
            // Idle keep-alive connections outlived the graceful period; Jetty has closed them and stopped.
        } catch (Exception e) {
            if (!(e.getCause() instanceof java.util.concurrent.TimeoutException)) {
                throw new IllegalStateException("the server did not stop cleanly", e);
            }
        }
    }
}
