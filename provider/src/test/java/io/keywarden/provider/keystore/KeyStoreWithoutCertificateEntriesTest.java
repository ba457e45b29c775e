package io.keywarden.provider.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.DescribeKeyRequest;
import io.keywarden.kms.api.KeyState;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.errors.KmsUnsupportedOperationException;
import io.keywarden.provider.KeywardenProvider;
import io.keywarden.provider.KeywardenRuntime;
import io.keywarden.provider.KmsKeyGenParameterSpec;
import io.keywarden.provider.KmsPrivateKey;
import io.keywarden.provider.KmsSecretKey;
import io.keywarden.provider.ProviderFixture;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
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

/**
 * The KMS key store on a backend without the certificate-entry extension (as AWS KMS, and a Keywarden
 * server through the remote backend): key entries work, chains are absent, storing a certificate is a
 * KeyStoreException naming the operation.
 */
class KeyStoreWithoutCertificateEntriesTest {

    @TempDir
    Path dir;
    ProviderFixture f;
    KeywardenProvider provider;
    KeyStore ks;

    /** The fixture's backend, except that the certificate-entry operations are unsupported. */
    static KmsBackend withoutCertificateEntries(KmsBackend backend) {
        return (KmsBackend) Proxy.newProxyInstance(KmsBackend.class.getClassLoader(), new Class<?>[] {KmsBackend.class},
                (proxy, method, args) -> {
                    if (method.getName().contains("CertificateEntr")) {
                        throw new KmsUnsupportedOperationException(method.getName() + " is not offered here");
                    }
                    try {
                        return method.invoke(backend, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @BeforeEach
    void open() throws Exception {
        f = new ProviderFixture(dir);
        provider = new KeywardenProvider(KeywardenRuntime.of(withoutCertificateEntries(f.kms)));
        ks = KeyStore.getInstance("KMS", provider);
        ks.load(null, null);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void keyEntriesWorkAndCertificatesAreRefused() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", provider);
        g.initialize(KmsKeyGenParameterSpec.builder().alias("signer").build());
        KmsPrivateKey signer = (KmsPrivateKey) g.generateKeyPair().getPrivate();
        ks.setKeyEntry("imported-aes", new SecretKeySpec(new byte[32], "AES"), null, null);

        assertThat(Collections.list(ks.aliases())).containsExactly("imported-aes", "signer");
        assertThat(ks.getKey("imported-aes", null)).isInstanceOf(KmsSecretKey.class);
        assertThat(ks.isKeyEntry("signer")).isTrue();
        assertThat(ks.isCertificateEntry("signer")).isFalse();
        assertThat(ks.getCertificateChain("signer")).isNull();

        X509Certificate cert = ProviderFixture.certificate(signer.publicKey(), "signer",
                KmsKeyStoreTest.softwareEcKey(), "SHA256withECDSA");
        assertThatThrownBy(() -> ks.setKeyEntry("signer", signer, null, new Certificate[] {cert}))
                .isInstanceOf(KeyStoreException.class).hasMessageContaining("PutCertificateEntry");
        assertThatThrownBy(() -> ks.setCertificateEntry("ca", cert))
                .isInstanceOf(KeyStoreException.class).hasMessageContaining("PutCertificateEntry");

        ks.deleteEntry("signer");
        assertThat(ks.containsAlias("signer")).isFalse();
        assertThat(f.kms.describeKey(DescribeKeyRequest.builder().keyId(signer.keyId()).build()).keyMetadata()
                .keyState()).isEqualTo(KeyState.PendingDeletion);
    }
}
