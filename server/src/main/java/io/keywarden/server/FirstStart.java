package io.keywarden.server;

import io.keywarden.kms.config.KeywardenConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * What {@code keywarden server} creates beside keywarden.conf when there is no server configuration
 * yet: a generated access key (for the principal of keywarden.conf), a self-signed TLS certificate for
 * {@code localhost}/{@code 127.0.0.1} in a PKCS#12 keystore (made by the JDK's keytool) with its PEM
 * copy for clients to trust, and {@code keywarden-server.conf} naming them. The configuration and the
 * keystore are written owner-only.
 */
final class FirstStart {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    /** The generated access key and where the files went. */
    record Created(Path serverConfig, Path certificatePem, AccessKey accessKey) {
    }

    private FirstStart() {
    }

    /**
     * Writes the files for serving the store of {@code engineFile} (already loaded as {@code engine}) on
     * {@code port}; {@code serverConfig} must not exist.
     */
    static Created create(Path serverConfig, Path engineFile, KeywardenConfig engine, int port) {
        Path dir = serverConfig.toAbsolutePath().getParent();
        Path keystore = dir.resolve("keywarden-server-tls.p12");
        Path pem = dir.resolve("keywarden-server-tls.pem");
        String storePassword = random(24);
        AccessKey key = new AccessKey("KWAK" + accessKeyIdSuffix(), random(30), engine.principal());
        try {
            keytool("-genkeypair", "-alias", "keywarden-server", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1", "-validity", "825",
                    "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", storePassword);
            ownerOnly(keystore);
            keytool("-exportcert", "-rfc", "-alias", "keywarden-server", "-keystore", keystore.toString(),
                    "-storepass", storePassword, "-file", pem.toString());
            String text = "# Keywarden server configuration, created on first start (docs/server.md).\n"
                    + "# It holds a secret access key and the TLS keystore password: keep it owner-only.\n"
                    + "engine.config=" + dir.relativize(engineFile.toAbsolutePath().normalize()) + "\n"
                    + "listen.host=127.0.0.1\n"
                    + "listen.port=" + port + "\n"
                    + "tls.keystore=" + keystore.getFileName() + "\n"
                    + "tls.keystorePassword=" + storePassword + "\n"
                    + "accessKey." + key.accessKeyId() + ".secret=" + key.secretAccessKey() + "\n"
                    + "accessKey." + key.accessKeyId() + ".principal=" + key.principalArn() + "\n";
            Files.writeString(serverConfig, "", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            ownerOnly(serverConfig);
            Files.writeString(serverConfig, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the server configuration in " + dir, e);
        }
        return new Created(serverConfig, pem, key);
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the platform's defaults apply
        }
    }

    private static void keytool(String... args) throws IOException {
        String[] command = new String[args.length + 1];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                throw new IOException("keytool " + args[0] + " failed: " + out.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool", e);
        }
    }

    private static String accessKeyIdSuffix() {
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            sb.append(ID_CHARS[RANDOM.nextInt(ID_CHARS.length)]);
        }
        return sb.toString();
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
