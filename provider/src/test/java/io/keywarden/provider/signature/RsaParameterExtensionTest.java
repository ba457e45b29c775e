package io.keywarden.provider.signature;

import io.keywarden.provider.testing.EmbeddedOnly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.RsaParameters;
import io.keywarden.kms.api.SignRequest;
import io.keywarden.kms.api.SigningAlgorithmSpec;
import io.keywarden.provider.KeywardenRuntime;
import io.keywarden.provider.KmsKeys;
import io.keywarden.provider.KmsPrivateKey;
import io.keywarden.provider.TestKms;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RSA signatures beyond AWS KMS's parameters on handles (the KeywardenRsaParameters extension):
 * PSS with any supported digest, MGF1 digest and salt, and PKCS#1 v1.5 with SHA-1, SHA-224, SHA-512/t
 * and SHA3; checked against the JDK with the plain key, and the requests the backend receives.
 */
class RsaParameterExtensionTest {

    static final String REMOTE_REFUSES_EXTENSION =
            "KeywardenRsaParameters: the remote backend (the AWS SDK) cannot send Keywarden-only request members and refuses them";

    static final byte[] MESSAGE = "parameters beyond AWS KMS's".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;
    static TestKms kms;
    static final List<SignRequest> signed = new CopyOnWriteArrayList<>();
    static Provider provider;
    static KmsPrivateKey key;
    static KeyPair PAIR;

    @BeforeAll
    static void open() throws Exception {
        kms = new TestKms(dir);
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        PAIR = g.generateKeyPair();
        // The engine behind a recording proxy: the sign requests are kept to check what was sent.
        KmsBackend recording = (KmsBackend) Proxy.newProxyInstance(KmsBackend.class.getClassLoader(),
                new Class<?>[] {KmsBackend.class}, (proxy, method, args) -> {
                    if (args != null && args.length == 1 && args[0] instanceof SignRequest r) {
                        signed.add(r);
                    }
                    try {
                        return method.invoke(kms.engine, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        KeywardenRuntime runtime = KeywardenRuntime.of(recording);
        provider = new io.keywarden.provider.KeywardenProvider(runtime);
        // The key is imported from a JDK key pair, so the JDK signs with the same key as the handle.
        key = (KmsPrivateKey) KmsKeys.handle(runtime,
                kms.imported(KeySpec.RSA_2048, KeyUsage.SIGN_VERIFY, PAIR.getPrivate().getEncoded()));
    }

    @AfterAll
    static void close() {
        kms.close();
    }

    static PSSParameterSpec pss(String digest, String mgfDigest, int salt) {
        return new PSSParameterSpec(digest, "MGF1", new MGF1ParameterSpec(mgfDigest), salt, 1);
    }

    private static SignRequest last() {
        return signed.get(signed.size() - 1);
    }

    @EmbeddedOnly(REMOTE_REFUSES_EXTENSION)
    @ParameterizedTest
    @CsvSource({"SHA-1,SHA-1,20", "SHA-256,SHA-1,20", "SHA-256,SHA-256,0", "SHA-512,SHA-256,32",
            "SHA-512/224,SHA-512/224,28", "SHA-512/256,SHA-512/256,32", "SHA-224,SHA-224,28", "SHA3-256,SHA3-256,32"})
    void pssWithOtherParametersSignsAndVerifiesLikeTheJdk(String digest, String mgf, int salt) throws Exception {
        PSSParameterSpec spec = pss(digest, mgf, salt);
        Signature s = Signature.getInstance("RSASSA-PSS", provider);
        s.initSign(key);
        s.setParameter(spec);
        s.update(MESSAGE);
        byte[] ours = s.sign();
        assertThat(last().keywardenRsaParameters()).isEqualTo(RsaParameters.pss(digest, mgf, salt));

        Signature jdk = Signature.getInstance("RSASSA-PSS");
        jdk.initVerify(key.publicKey());
        jdk.setParameter(spec);
        jdk.update(MESSAGE);
        assertThat(jdk.verify(ours)).isTrue();

        jdk.initSign(PAIR.getPrivate());
        jdk.setParameter(spec);
        jdk.update(MESSAGE);
        byte[] theirs = jdk.sign();
        Signature v = Signature.getInstance("RSASSA-PSS", provider);
        v.initVerify(key.publicHandle());
        v.setParameter(spec);
        v.update(MESSAGE);
        assertThat(v.verify(theirs)).isTrue();
        v.setParameter(pss(digest, mgf, salt + 1));
        v.update(MESSAGE);
        assertThat(v.verify(theirs)).isFalse();
    }

    @Test
    void awsKmsOwnParametersAreSentWithoutTheExtension() throws Exception {
        Signature s = Signature.getInstance("RSASSA-PSS", provider);
        s.initSign(key);
        s.setParameter(pss("SHA-384", "SHA-384", 48));
        s.update(MESSAGE);
        s.sign();
        assertThat(last().keywardenRsaParameters()).isNull();
        assertThat(last().signingAlgorithm()).isEqualTo(SigningAlgorithmSpec.RSASSA_PSS_SHA_384);

        Signature p = Signature.getInstance("SHA512withRSA", provider);
        p.initSign(key);
        p.update(MESSAGE);
        p.sign();
        assertThat(last().keywardenRsaParameters()).isNull();
    }

    @EmbeddedOnly(REMOTE_REFUSES_EXTENSION)
    @ParameterizedTest
    @CsvSource({"SHA1withRSA,SHA-1", "SHA224withRSA,SHA-224", "SHA512/224withRSA,SHA-512/224",
            "SHA512/256withRSA,SHA-512/256", "SHA3-256withRSA,SHA3-256", "SHA3-512withRSA,SHA3-512"})
    void pkcs1WithOtherDigestsIsTheJdksSignature(String algorithm, String digest) throws Exception {
        Signature s = Signature.getInstance(algorithm, provider);
        s.initSign(key);
        s.update(MESSAGE);
        byte[] ours = s.sign();
        assertThat(last().keywardenRsaParameters()).isEqualTo(RsaParameters.pkcs1(digest));
        assertThat(last().signingAlgorithm()).isEqualTo(SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256);

        Signature jdk = Signature.getInstance(algorithm);
        jdk.initVerify(key.publicKey());
        jdk.update(MESSAGE);
        assertThat(jdk.verify(ours)).isTrue();

        Signature v = Signature.getInstance(algorithm, provider);
        v.initVerify(key.publicHandle());
        v.update(MESSAGE);
        assertThat(v.verify(ours)).isTrue();
        v.update("another message".getBytes(StandardCharsets.UTF_8));
        assertThat(v.verify(ours)).isFalse();
    }

    @Test
    void delayedSelectionPicksKeywardenForAHandle() throws Exception {
        java.security.Security.insertProviderAt(provider, 1);
        try {
            Signature s = Signature.getInstance("SHA1withRSA");
            s.initSign(key);
            assertThat(s.getProvider()).isSameAs(provider);
            Signature jdk = Signature.getInstance("SHA1withRSA");
            jdk.initSign(PAIR.getPrivate());
            assertThat(jdk.getProvider()).isNotSameAs(provider);
        } finally {
            java.security.Security.removeProvider(provider.getName());
        }
    }

    @EmbeddedOnly(REMOTE_REFUSES_EXTENSION)
    @Test
    void refusesWhatKeywardenCannotSign() throws Exception {
        Signature s = Signature.getInstance("RSASSA-PSS", provider);
        s.initSign(key);
        for (PSSParameterSpec bad : new PSSParameterSpec[] {
                new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 2),
                new PSSParameterSpec("SHA-256", "MGF2", MGF1ParameterSpec.SHA256, 32, 1),
                new PSSParameterSpec("MD5", "MGF1", MGF1ParameterSpec.SHA256, 16, 1),
                pss("SHA-512", "SHA-512", 191)}) {
            assertThatThrownBy(() -> s.setParameter(bad)).isInstanceOf(InvalidAlgorithmParameterException.class);
        }
        s.setParameter(pss("SHA-512", "SHA-512", 190));
        s.update(MESSAGE);
        assertThat(s.sign()).hasSize(256);
    }

}
