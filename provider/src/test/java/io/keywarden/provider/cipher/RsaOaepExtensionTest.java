package io.keywarden.provider.cipher;

import io.keywarden.provider.testing.EmbeddedOnly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.DecryptRequest;
import io.keywarden.kms.api.EncryptionAlgorithmSpec;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.RsaParameters;
import io.keywarden.provider.KeywardenProvider;
import io.keywarden.provider.KeywardenRuntime;
import io.keywarden.provider.KmsKeys;
import io.keywarden.provider.KmsRsaPrivateKey;
import io.keywarden.provider.TestKms;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.spec.MGF1ParameterSpec;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RSA-OAEP beyond AWS KMS's two combinations (other digests, MGF1 digests, labels) on a handle: the
 * backend decrypts through the KeywardenRsaParameters extension what the JDK encrypted with the plain
 * key, and the JDK decrypts what the handle encrypted.
 */
class RsaOaepExtensionTest {

    static final String REMOTE_REFUSES_EXTENSION =
            "KeywardenRsaParameters: the remote backend (the AWS SDK) cannot send Keywarden-only request members and refuses them";

    static final byte[] PLAINTEXT = "an OAEP plaintext".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;
    static TestKms kms;
    static final List<DecryptRequest> sent = new CopyOnWriteArrayList<>();
    static Provider provider;
    static KeyPair pair;
    static KmsRsaPrivateKey key;

    @BeforeAll
    static void open() throws Exception {
        kms = new TestKms(dir);
        KmsBackend recording = (KmsBackend) Proxy.newProxyInstance(KmsBackend.class.getClassLoader(),
                new Class<?>[] {KmsBackend.class}, (proxy, method, args) -> {
                    if (args != null && args.length == 1 && args[0] instanceof DecryptRequest r) {
                        sent.add(r);
                    }
                    try {
                        return method.invoke(kms.engine, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        KeywardenRuntime runtime = KeywardenRuntime.of(recording);
        provider = new KeywardenProvider(runtime);
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        pair = g.generateKeyPair();
        key = (KmsRsaPrivateKey) KmsKeys.handle(runtime,
                kms.imported(KeySpec.RSA_2048, KeyUsage.ENCRYPT_DECRYPT, pair.getPrivate().getEncoded()));
    }

    @AfterAll
    static void close() {
        kms.close();
    }

    static OAEPParameterSpec spec(String digest, String mgf, byte[] label) {
        return new OAEPParameterSpec(digest, "MGF1", new MGF1ParameterSpec(mgf), new PSource.PSpecified(label));
    }

    private static DecryptRequest last() {
        return sent.get(sent.size() - 1);
    }

    @EmbeddedOnly(REMOTE_REFUSES_EXTENSION)
    @ParameterizedTest
    @CsvSource({"SHA-256,SHA-1,''", "SHA-1,SHA-1,6c61", "SHA-224,SHA-224,''", "SHA-384,SHA-1,0001",
            "SHA-512,SHA-512,''", "SHA-512/256,SHA-1,ff", "SHA3-256,SHA3-256,''"})
    void decryptsWhatTheJdkEncryptedAndTheOtherWayRound(String digest, String mgf, String labelHex) throws Exception {
        byte[] label = java.util.HexFormat.of().parseHex(labelHex);
        OAEPParameterSpec spec = spec(digest, mgf, label);
        Cipher jdk = Cipher.getInstance("RSA/ECB/OAEPPadding", "SunJCE");
        jdk.init(Cipher.ENCRYPT_MODE, pair.getPublic(), spec);
        byte[] ct = jdk.doFinal(PLAINTEXT);

        Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding", provider);
        c.init(Cipher.DECRYPT_MODE, key, spec);
        assertThat(c.doFinal(ct)).isEqualTo(PLAINTEXT);
        assertThat(last().keywardenRsaParameters()).isEqualTo(RsaParameters.oaep(digest, mgf, label));
        assertThat(last().encryptionAlgorithm()).isEqualTo(digest.equals("SHA-1")
                ? EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1 : EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256);
        assertThat(c.getParameters().getParameterSpec(OAEPParameterSpec.class).getDigestAlgorithm()).isEqualTo(digest);

        c.init(Cipher.ENCRYPT_MODE, key, spec);
        byte[] ours = c.doFinal(PLAINTEXT);
        jdk.init(Cipher.DECRYPT_MODE, pair.getPrivate(), spec);
        assertThat(jdk.doFinal(ours)).isEqualTo(PLAINTEXT);

        // The label is part of the padding: another label is a bad padding.
        c.init(Cipher.DECRYPT_MODE, key, spec(digest, mgf, new byte[] {42}));
        assertThatThrownBy(() -> c.doFinal(ct)).isInstanceOf(BadPaddingException.class);
    }

    @Test
    void awsKmsOwnParametersAreSentWithoutTheExtension() throws Exception {
        Cipher jdk = Cipher.getInstance("RSA/ECB/OAEPPadding", "SunJCE");
        OAEPParameterSpec sha256 = spec("SHA-256", "SHA-256", new byte[0]);
        jdk.init(Cipher.ENCRYPT_MODE, pair.getPublic(), sha256);
        Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding", provider);
        c.init(Cipher.DECRYPT_MODE, key, new OAEPParameterSpec("SHA256", "MGF1", new MGF1ParameterSpec("SHA256"),
                PSource.PSpecified.DEFAULT));
        assertThat(c.doFinal(jdk.doFinal(PLAINTEXT))).isEqualTo(PLAINTEXT);
        assertThat(last().keywardenRsaParameters()).isNull();
        assertThat(last().encryptionAlgorithm()).isEqualTo(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256);
    }
}
