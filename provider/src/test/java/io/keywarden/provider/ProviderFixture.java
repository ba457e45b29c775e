package io.keywarden.provider;

import io.keywarden.kms.api.KmsBackend;
import io.keywarden.provider.testing.TestBackends;
import io.keywarden.provider.testing.TestKmsInstance;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Properties;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A provider on a fresh KMS from the selected test backend ({@link TestBackends}), a keywarden.conf
 * reaching the same KMS, and certificates for tests.
 */
public final class ProviderFixture implements AutoCloseable {

    private final TestKmsInstance instance;
    /** A keywarden.conf reaching the same KMS as {@link #kms}. */
    public final Path config;
    public final KmsBackend kms;
    public final KeywardenProvider provider;

    public ProviderFixture(Path dir) throws IOException {
        instance = TestBackends.openSelected(dir);
        config = dir.resolve("keywarden.conf");
        Files.writeString(config, instance.configuration());
        kms = instance.backend();
        provider = new KeywardenProvider(KeywardenRuntime.of(kms));
    }

    /** A certificate for {@code subject}'s public key, signed by {@code issuerKey} in software. */
    public static X509Certificate certificate(PublicKey subject, String cn, PrivateKey issuerKey, String sigAlg) {
        try {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            byte[] der = new X509v3CertificateBuilder(new X500Name("CN=" + cn), BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minusSeconds(60)), Date.from(now.plus(1, ChronoUnit.DAYS)), new X500Name("CN=" + cn),
                    SubjectPublicKeyInfo.getInstance(subject.getEncoded()))
                    .build(new JcaContentSignerBuilder(sigAlg).build(issuerKey)).getEncoded();
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(der));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** keywarden.conf lines reaching the same KMS as {@link #kms}. */
    public String configuration() {
        return instance.configuration();
    }

    @Override
    public void close() {
        instance.close();
    }
}
