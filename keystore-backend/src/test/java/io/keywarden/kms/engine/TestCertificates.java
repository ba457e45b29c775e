package io.keywarden.kms.engine;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates for tests: any public key (DER SubjectPublicKeyInfo), signed by a software issuer key. */
final class TestCertificates {

    private static final KeyPair ISSUER = issuer();

    private TestCertificates() {
    }

    private static KeyPair issuer() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(256);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] certify(byte[] subjectPublicKeyInfo, String subject) {
        return certify(subjectPublicKeyInfo, subject, ISSUER.getPrivate());
    }

    static byte[] certify(byte[] subjectPublicKeyInfo, String subject, PrivateKey issuerKey) {
        try {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            return new X509v3CertificateBuilder(new X500Name("CN=Test Issuer"), BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minusSeconds(60)), Date.from(now.plus(1, ChronoUnit.DAYS)), new X500Name("CN=" + subject),
                    SubjectPublicKeyInfo.getInstance(subjectPublicKeyInfo))
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A certificate of a fresh software key. */
    static byte[] other(String subject) {
        return certify(issuer().getPublic().getEncoded(), subject);
    }
}
