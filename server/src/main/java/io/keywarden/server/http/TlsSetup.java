package io.keywarden.server.http;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The server side of TLS: the certificate and private key from a PKCS#12 keystore, TLS 1.2 and 1.3
 * only, the JDK's default (modern) cipher suites. The keystore password is read from the server
 * configuration and never logged.
 */
public final class TlsSetup {

    private TlsSetup() {
    }

    /** An SSL context factory on the keystore at {@code keystore}, opened with {@code password}. */
    public static SslContextFactory.Server serverContext(Path keystore, char[] password) {
        if (!Files.isReadable(keystore)) {
            throw new IllegalArgumentException("the TLS keystore " + keystore + " does not exist or cannot be read");
        }
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(keystore.toAbsolutePath().toString());
        ssl.setKeyStoreType("PKCS12");
        ssl.setKeyStorePassword(new String(password));
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        ssl.setSniRequired(false);
        return ssl;
    }
}
