package io.keywarden.samples;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A plain JSSE server: its key managers come from the key store of type {@code KMS}, so the
 * handshake signature is made wherever that key store's keys live. It prints {@code PORT <n>},
 * answers one client line with {@code hello <line>} and exits. Nothing here names Keywarden.
 *
 * <p>Usage: {@code TlsServer}
 */
public final class TlsServer {

    private TlsServer() {
    }

    public static void main(String[] args) throws Exception {
        KeyStore keyStore = KeyStore.getInstance("KMS");
        keyStore.load(null, null);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
        kmf.init(keyStore, new char[0]);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        try (SSLServerSocket server = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0)) {
            System.out.println("PORT " + server.getLocalPort());
            System.out.flush();
            try (SSLSocket client = (SSLSocket) server.accept();
                    BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                            StandardCharsets.UTF_8));
                    PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
                out.println("hello " + in.readLine() + " over " + client.getSession().getProtocol() + " "
                        + client.getSession().getCipherSuite());
            }
        }
    }
}
