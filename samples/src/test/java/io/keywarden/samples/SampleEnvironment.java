package io.keywarden.samples;

import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.config.KeywardenConfig;
import io.keywarden.kms.engine.EmbeddedKms;
import io.keywarden.provider.KeywardenProvider;
import io.keywarden.provider.KeywardenRuntime;
import io.keywarden.provider.KmsPrivateKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * What every sample test needs: a store made with the engine in a temporary directory (its
 * {@code keywarden.conf}), the backend and a provider on it in the test JVM for setup, a
 * {@code java.security} file that appends Keywarden after the JDK's providers, and a way to run a
 * sample or a JDK tool in a separate JVM configured by that file alone.
 */
final class SampleEnvironment implements AutoCloseable {

    static final String PROVIDER_CLASS = "io.keywarden.provider.KeywardenProvider";

    final Path dir;
    final Path config;
    final Path securityFile;
    final KmsBackend kms;
    final KeywardenProvider provider;
    final KeyStore keyStore;

    SampleEnvironment(Path dir) throws Exception {
        this.dir = dir;
        this.config = dir.resolve("keywarden.conf");
        Files.writeString(config, "store=store\n"
                // tests make keys faster than AWS's default request quotas allow (docs/configuration.md)
                + "quota.rate.symmetric=100000\nquota.rate.rsa=100000\nquota.rate.ecc=100000\nquota.rate.ml-dsa=100000\nquota.rate.write=100000\nquota.rate.describe=100000\nquota.rate.read=100000\nquota.rate.list=100000\nquota.rate.data-key-pair=100000\nquota.rate.import-parameters=100000\n");
        this.kms = EmbeddedKms.open(KeywardenConfig.load(config));
        this.provider = new KeywardenProvider(KeywardenRuntime.of(kms));
        this.securityFile = dir.resolve("java.security");
        int position = Security.getProviders().length + 1;
        Files.writeString(securityFile, "security.provider." + position + "=" + PROVIDER_CLASS + " " + config + "\n");
        this.keyStore = KeyStore.getInstance("KMS", provider);
        keyStore.load(null, null);
    }

    /** A self-signed certificate for a managed key, signed by the key itself through Keywarden. */
    X509Certificate selfSigned(KmsPrivateKey key, String signatureAlgorithm, String cn) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        byte[] der = new X509v3CertificateBuilder(new X500Name("CN=" + cn), BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minusSeconds(60)), Date.from(now.plus(1, ChronoUnit.DAYS)), new X500Name("CN=" + cn),
                SubjectPublicKeyInfo.getInstance(key.publicKey().getEncoded()))
                .build(new JcaContentSignerBuilder(signatureAlgorithm).setProvider(provider).build(key)).getEncoded();
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }

    void storeWithChain(String alias, KmsPrivateKey key, X509Certificate cert) throws Exception {
        keyStore.setKeyEntry(alias, key, null, new Certificate[] {cert});
    }

    static Path jdkBin(String tool) {
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        return java.resolveSibling(tool);
    }

    static String classPath() {
        return System.getProperty("java.class.path");
    }

    /** A sample's main class in a new JVM configured only through the java.security file. */
    ProcessBuilder sample(Class<?> main, String... args) {
        List<String> cmd = new ArrayList<>(List.of(jdkBin("java").toString(),
                "-Djava.security.properties=" + securityFile, "-cp", classPath(), main.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(dir.toFile());
    }

    /** A JDK tool (keytool, jarsigner) with its arguments. */
    ProcessBuilder tool(String name, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(jdkBin(name).toString());
        cmd.addAll(args);
        return new ProcessBuilder(cmd).directory(dir.toFile());
    }

    /**
     * The options that make keytool or jarsigner use the KMS key store of this environment. The
     * tools' launchers resolve only the JDK modules they need; the store's SQLite driver needs
     * {@code java.sql}, hence {@code -J--add-modules=java.sql}.
     */
    List<String> kmsKeyStoreOptions() {
        return List.of("-J--add-modules=java.sql", "-J-Dkeywarden.keygen.acceptPlainSpecs=true",
                "-keystore", "NONE", "-storetype", "KMS", "-providerClass", PROVIDER_CLASS,
                "-providerArg", config.toString(), "-providerPath", classPath(), "-storepass", "changeit");
    }

    /** The same for jarsigner, which has no {@code -providerPath}: the class path goes to its JVM. */
    List<String> jarsignerKmsOptions() {
        return List.of("-J--add-modules=java.sql", "-J-cp", "-J" + classPath(), "-keystore", "NONE",
                "-storetype", "KMS", "-providerClass", PROVIDER_CLASS, "-providerArg", config.toString(),
                "-storepass", "changeit");
    }

    record Result(int exitCode, String out, String err) {
        Result check() {
            if (exitCode != 0) {
                throw new AssertionError("exit code " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err);
            }
            return this;
        }
    }

    static Result run(ProcessBuilder pb) throws IOException, InterruptedException {
        Path out = Files.createTempFile("sample", ".out");
        Path err = Files.createTempFile("sample", ".err");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + pb.command());
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Override
    public void close() {
        kms.close();
    }
}
