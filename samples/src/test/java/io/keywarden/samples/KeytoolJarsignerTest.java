package io.keywarden.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.keywarden.kms.api.DescribeKeyRequest;
import io.keywarden.kms.api.KeyMetadata;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.OriginType;
import io.keywarden.provider.KmsKey;
import io.keywarden.provider.KmsPrivateKey;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sample c: the JDK's keytool and jarsigner on the KMS key store, with
 * {@code -storetype KMS -keystore NONE -providerClass … -providerArg …} (keytool: {@code -providerPath};
 * jarsigner: {@code -J-cp}).
 */
class KeytoolJarsignerTest {

    @TempDir
    Path dir;
    SampleEnvironment env;

    @BeforeEach
    void open() throws Exception {
        env = new SampleEnvironment(dir);
    }

    @AfterEach
    void close() {
        env.close();
    }

    private SampleEnvironment.Result keytool(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(env.kmsKeyStoreOptions());
        return SampleEnvironment.run(env.tool("keytool", all)).check();
    }

    private KeyMetadata describe(String alias) throws Exception {
        String keyId = ((KmsKey) env.keyStore.getKey(alias, null)).keyId();
        return env.kms.describeKey(DescribeKeyRequest.builder().keyId(keyId).build()).keyMetadata();
    }

    @Test
    void genkeypairWithProviderNameCreatesTheKeyInTheKms() throws Exception {
        keytool("-genkeypair", "-alias", "release", "-keyalg", "EC", "-groupname", "secp256r1",
                "-sigalg", "SHA256withECDSA", "-dname", "CN=Release Signing", "-validity", "30",
                "-keypass", "changeit", "-providerName", "Keywarden");
        KeyMetadata m = describe("release");
        assertThat(m.origin()).isEqualTo(OriginType.AWS_KMS);
        assertThat(m.keySpec()).isEqualTo(KeySpec.ECC_NIST_P256);
        Certificate[] chain = env.keyStore.getCertificateChain("release");
        assertThat(chain).hasSize(1);
        chain[0].verify(chain[0].getPublicKey());

        assertThat(keytool("-list").out()).contains("release, ").contains("PrivateKeyEntry");
    }

    @Test
    void genkeypairWithoutProviderNameImportsTheSoftwareKey() throws Exception {
        keytool("-genkeypair", "-alias", "imported", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=Imported", "-validity", "30", "-keypass", "changeit");
        KeyMetadata m = describe("imported");
        assertThat(m.origin()).isEqualTo(OriginType.EXTERNAL);
        assertThat(m.keySpec()).isEqualTo(KeySpec.RSA_2048);
    }

    @Test
    void certreqIsSignedByTheManagedKey() throws Exception {
        keytool("-genkeypair", "-alias", "web", "-keyalg", "EC", "-groupname", "secp384r1",
                "-dname", "CN=web.example", "-validity", "30", "-keypass", "changeit", "-providerName", "Keywarden");
        Path csr = dir.resolve("web.csr");
        keytool("-certreq", "-alias", "web", "-file", csr.toString(), "-providerName", "Keywarden");

        String pem = Files.readString(csr, StandardCharsets.US_ASCII);
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").trim());
        PKCS10CertificationRequest request = new PKCS10CertificationRequest(der);
        KmsPrivateKey key = (KmsPrivateKey) env.keyStore.getKey("web", null);
        assertThat(request.getSubjectPublicKeyInfo().getEncoded()).isEqualTo(key.publicKey().getEncoded());
        assertThat(request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key.publicKey()))).isTrue();
    }

    @Test
    void jarsignerSignsWithAManagedKeyAndTheJdkAloneVerifies() throws Exception {
        keytool("-genkeypair", "-alias", "signer", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=Jar Signer", "-validity", "30", "-keypass", "changeit", "-providerName", "Keywarden");
        Path jar = dir.resolve("app.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("hello.txt"));
            out.write("hello, signed world\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        Path signed = dir.resolve("app-signed.jar");
        List<String> sign = new ArrayList<>(env.jarsignerKmsOptions());
        sign.addAll(List.of("-keypass", "changeit", "-signedjar", signed.toString(), jar.toString(), "signer"));
        SampleEnvironment.run(env.tool("jarsigner", sign)).check();

        SampleEnvironment.Result verify = SampleEnvironment.run(env.tool("jarsigner",
                List.of("-verify", signed.toString()))).check();
        assertThat(verify.out()).contains("jar verified.");

        Certificate expected = env.keyStore.getCertificate("signer");
        try (JarFile jf = new JarFile(signed.toFile(), true)) {
            JarEntry e = jf.getJarEntry("hello.txt");
            try (var in = jf.getInputStream(e)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            assertThat(e.getCertificates()).containsExactly(expected);
        }
    }
}
