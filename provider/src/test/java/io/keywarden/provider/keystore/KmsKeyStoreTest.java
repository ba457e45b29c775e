package io.keywarden.provider.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.DescribeKeyRequest;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyState;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.OriginType;
import io.keywarden.kms.api.CreateKeyRequest;
import io.keywarden.kms.api.KeyMetadata;
import io.keywarden.provider.KmsEcPrivateKey;
import io.keywarden.provider.KmsKey;
import io.keywarden.provider.KmsKeyGenParameterSpec;
import io.keywarden.provider.KmsPrivateKey;
import io.keywarden.provider.KmsRsaPrivateKey;
import io.keywarden.provider.KmsSecretKey;
import io.keywarden.provider.ProviderFixture;
import io.keywarden.provider.testing.EmbeddedOnly;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KmsKeyStoreTest {

    static final String CERTIFICATE_ENTRIES =
            "certificate entries are a Keywarden extension the server does not serve yet (docs/server.md, Protocol)";

    @TempDir
    Path dir;
    ProviderFixture f;
    KeyStore ks;

    @BeforeEach
    void open() throws Exception {
        f = new ProviderFixture(dir);
        ks = KeyStore.getInstance("KMS", f.provider);
        ks.load(null, null);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private KmsPrivateKey generateEc(String alias) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", f.provider);
        g.initialize(KmsKeyGenParameterSpec.builder().alias(alias).build());
        return (KmsPrivateKey) g.generateKeyPair().getPrivate();
    }

    private KeyPair generated(String algorithm, KmsKeyGenParameterSpec spec) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm, f.provider);
        g.initialize(spec);
        return g.generateKeyPair();
    }

    private static KeyPair softwareEc() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        return g.generateKeyPair();
    }

    /** A software EC private key (to sign test certificates). */
    static java.security.PrivateKey softwareEcKey() throws Exception {
        return softwareEc().getPrivate();
    }

    private static X509Certificate certify(KmsPrivateKey handle) throws Exception {
        return ProviderFixture.certificate(handle.publicKey(), "managed", softwareEc().getPrivate(), "SHA256withECDSA");
    }

    @Test
    void generatedKeysAreKeyEntriesNamedByAliasOrKeyId() throws Exception {
        KmsPrivateKey named = generateEc("gen1");
        KmsPrivateKey unnamed = (KmsPrivateKey) generated("RSA", KmsKeyGenParameterSpec.builder().build()).getPrivate();

        assertThat(Collections.list(ks.aliases())).containsExactlyInAnyOrder("gen1", unnamed.keyId());
        assertThat(ks.size()).isEqualTo(2);
        assertThat(ks.isKeyEntry("gen1")).isTrue();
        assertThat(ks.isCertificateEntry("gen1")).isFalse();
        assertThat(ks.containsAlias("GEN1")).isFalse();
        assertThat(ks.getKey("gen1", null)).isInstanceOf(KmsEcPrivateKey.class)
                .extracting(k -> ((KmsKey) k).keyId()).isEqualTo(named.keyId());
        assertThat(ks.getKey(unnamed.keyId(), "ignored".toCharArray())).isInstanceOf(KmsRsaPrivateKey.class);
        assertThat(ks.getCertificateChain("gen1")).isNull();
        assertThat(ks.getCreationDate("gen1")).isNotNull();
        assertThat(ks.getKey("nope", null)).isNull();
        assertThat(ks.containsAlias("nope")).isFalse();
    }

    @Test
    @EmbeddedOnly(CERTIFICATE_ENTRIES)
    void setKeyEntryWithAHandleStoresTheChainAndTheAlias() throws Exception {
        KmsPrivateKey handle = (KmsPrivateKey) generated("EC", KmsKeyGenParameterSpec.builder().build()).getPrivate();
        X509Certificate cert = certify(handle);
        ks.setKeyEntry("web", handle, null, new Certificate[] {cert});

        assertThat(Collections.list(ks.aliases())).containsExactly("web");
        assertThat(ks.getCertificateChain("web")).containsExactly(cert);
        assertThat(ks.getCertificate("web")).isEqualTo(cert);
        assertThat(ks.getCertificateAlias(cert)).isEqualTo("web");
        assertThat(((KmsKey) ks.getKey("web", null)).keyId()).isEqualTo(handle.keyId());
        KeyStore.Entry entry = ks.getEntry("web", new KeyStore.PasswordProtection(new char[0]));
        assertThat(entry).isInstanceOf(KeyStore.PrivateKeyEntry.class);

        X509Certificate other = certify(generateEc("other"));
        assertThatThrownBy(() -> ks.setKeyEntry("web", handle, null, new Certificate[] {other}))
                .isInstanceOf(KeyStoreException.class).hasMessageContaining("ValidationException");
        assertThatThrownBy(() -> ks.setKeyEntry("bad name", handle, null, new Certificate[] {cert}))
                .isInstanceOf(KeyStoreException.class);
    }

    @Test
    @EmbeddedOnly(CERTIFICATE_ENTRIES)
    void ordinaryKeysAreImportedAsExternalKeys() throws Exception {
        KeyPair ec = softwareEc();
        X509Certificate ecCert = ProviderFixture.certificate(ec.getPublic(), "imported", ec.getPrivate(),
                "SHA256withECDSA");
        ks.setKeyEntry("imported-ec", ec.getPrivate(), "pw".toCharArray(), new Certificate[] {ecCert});
        KmsPrivateKey h = (KmsPrivateKey) ks.getKey("imported-ec", null);
        assertThat(h.publicKey().getEncoded()).isEqualTo(ec.getPublic().getEncoded());
        assertThat(ks.getCertificateChain("imported-ec")).containsExactly(ecCert);
        KeyMetadata m = f.kms.describeKey(DescribeKeyRequest.builder().keyId(h.keyId()).build()).keyMetadata();
        assertThat(m.origin()).isEqualTo(OriginType.EXTERNAL);
        assertThat(m.keySpec()).isEqualTo(KeySpec.ECC_NIST_P256);

        KeyPairGenerator rsaGen = KeyPairGenerator.getInstance("RSA");
        rsaGen.initialize(2048);
        KeyPair rsa = rsaGen.generateKeyPair();
        X509Certificate rsaCert = ProviderFixture.certificate(rsa.getPublic(), "rsa", rsa.getPrivate(),
                "SHA256withRSA");
        ks.setKeyEntry("imported-rsa", rsa.getPrivate(), null, new Certificate[] {rsaCert});
        assertThat(((KmsRsaPrivateKey) ks.getKey("imported-rsa", null)).getModulus())
                .isEqualTo(((java.security.interfaces.RSAPublicKey) rsa.getPublic()).getModulus());

        ks.setKeyEntry("imported-aes", new SecretKeySpec(new byte[32], "AES"), null, null);
        assertThat(ks.getKey("imported-aes", null)).isInstanceOf(KmsSecretKey.class);
        ks.setKeyEntry("imported-hmac", new SecretKeySpec(new byte[32], "HmacSHA256"), null, null);
        assertThat(ks.getKey("imported-hmac", null).getAlgorithm()).isEqualTo("HmacSHA256");

        assertThatThrownBy(() -> ks.setKeyEntry("aes128", new SecretKeySpec(new byte[16], "AES"), null, null))
                .isInstanceOf(KeyStoreException.class).hasMessageContaining("AES-256");
        X509Certificate wrong = ProviderFixture.certificate(softwareEc().getPublic(), "x", ec.getPrivate(),
                "SHA256withECDSA");
        int before = ks.size();
        assertThatThrownBy(() -> ks.setKeyEntry("mismatch", softwareEc().getPrivate(), null,
                new Certificate[] {wrong})).isInstanceOf(KeyStoreException.class);
        assertThat(ks.size()).isEqualTo(before);
    }

    @Test
    @EmbeddedOnly(CERTIFICATE_ENTRIES)
    void trustedCertificateEntries() throws Exception {
        KeyPair ca = softwareEc();
        X509Certificate caCert = ProviderFixture.certificate(ca.getPublic(), "CA", ca.getPrivate(), "SHA256withECDSA");
        ks.setCertificateEntry("root-ca", caCert);
        assertThat(ks.isCertificateEntry("root-ca")).isTrue();
        assertThat(ks.isKeyEntry("root-ca")).isFalse();
        assertThat(ks.getCertificate("root-ca")).isEqualTo(caCert);
        assertThat(ks.getKey("root-ca", null)).isNull();
        assertThat(ks.getCertificateAlias(caCert)).isEqualTo("root-ca");
        assertThat(ks.getEntry("root-ca", null)).isInstanceOf(KeyStore.TrustedCertificateEntry.class);
        generateEc("signer");
        assertThatThrownBy(() -> ks.setCertificateEntry("signer", caCert)).isInstanceOf(KeyStoreException.class);
        ks.deleteEntry("root-ca");
        assertThat(ks.containsAlias("root-ca")).isFalse();
    }

    @Test
    @EmbeddedOnly(CERTIFICATE_ENTRIES)
    void deleteEntrySchedulesDeletionAndRemovesAliasAndChain() throws Exception {
        KmsPrivateKey handle = generateEc("doomed");
        ks.setKeyEntry("doomed", handle, null, new Certificate[] {certify(handle)});
        ks.deleteEntry("doomed");
        assertThat(ks.containsAlias("doomed")).isFalse();
        assertThat(Collections.list(ks.aliases())).isEmpty();
        KeyMetadata m = f.kms.describeKey(DescribeKeyRequest.builder().keyId(handle.keyId()).build()).keyMetadata();
        assertThat(m.keyState()).isEqualTo(KeyState.PendingDeletion);
        assertThat(m.deletionDate()).isAfter(m.creationDate().plus(java.time.Duration.ofDays(29)));
    }

    @Test
    void loadsFromAStreamOrAParameterAndStoresNothing() throws Exception {
        f.kms.createKey(CreateKeyRequest.builder().keySpec(KeySpec.ECC_NIST_P256).keyUsage(KeyUsage.SIGN_VERIFY)
                .build());
        String conf = f.configuration();
        KeyStore fromStream = KeyStore.getInstance("KMS", f.provider);
        fromStream.load(new ByteArrayInputStream(conf.getBytes(StandardCharsets.UTF_8)), null);
        assertThat(fromStream.size()).isEqualTo(1);

        KeyStore fromParam = KeyStore.getInstance("KMS", f.provider);
        fromParam.load(new KmsLoadStoreParameter(f.config));
        assertThat(fromParam.size()).isEqualTo(1);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fromParam.store(out, "x".toCharArray());
        assertThat(out.size()).isZero();

        assertThatThrownBy(() -> KeyStore.getInstance("KMS", f.provider)
                .load(new ByteArrayInputStream("principal=x\n".getBytes(StandardCharsets.UTF_8)), null))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("store");
    }
}
