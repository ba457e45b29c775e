package io.keywarden.provider.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.DescribeKeyRequest;
import io.keywarden.kms.api.KeyMetadata;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.ListAliasesRequest;
import io.keywarden.kms.api.ListResourceTagsRequest;
import io.keywarden.kms.api.Tag;
import io.keywarden.provider.KmsKey;
import io.keywarden.provider.KmsKeyGenParameterSpec;
import io.keywarden.provider.KmsPrivateKey;
import io.keywarden.provider.KmsSecretKey;
import io.keywarden.provider.ProviderFixture;
import java.nio.file.Path;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidParameterException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.NamedParameterSpec;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorsTest {

    @TempDir
    Path dir;
    ProviderFixture f;

    @BeforeEach
    void open() throws Exception {
        f = new ProviderFixture(dir);
        // most cases below use plain sizes and curves, as keytool does (PlainSpecs)
        System.setProperty(PlainSpecs.PROPERTY, "true");
    }

    @AfterEach
    void close() {
        System.clearProperty(PlainSpecs.PROPERTY);
        f.close();
    }

    @Test
    void withoutThePropertyOnlyAKmsKeyGenParameterSpecMakesAManagedKey() throws Exception {
        System.clearProperty(PlainSpecs.PROPERTY);
        KeyGenerator aes = KeyGenerator.getInstance("AES", f.provider);
        assertThatThrownBy(() -> aes.init(256)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining(PlainSpecs.PROPERTY);
        assertThatThrownBy(aes::generateKey).isInstanceOf(IllegalStateException.class);
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC", f.provider);
        assertThatThrownBy(() -> ec.initialize(new ECGenParameterSpec("secp256r1")))
                .isInstanceOf(InvalidAlgorithmParameterException.class);
        assertThatThrownBy(() -> ec.initialize(256)).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(ec::generateKeyPair).isInstanceOf(IllegalStateException.class);
        ec.initialize(KmsKeyGenParameterSpec.builder().keySpec(KeySpec.ECC_NIST_P256).build());
        assertThat(ec.generateKeyPair().getPrivate()).isInstanceOf(KmsPrivateKey.class);
    }

    private KeyMetadata describe(Key k) {
        return f.kms.describeKey(DescribeKeyRequest.builder().keyId(((KmsKey) k).keyId()).build()).keyMetadata();
    }

    @Test
    void aesMakesSymmetricDefaultKeys() throws Exception {
        KeyGenerator g = KeyGenerator.getInstance("AES", f.provider);
        SecretKey k = g.generateKey();
        assertThat(k).isInstanceOf(KmsSecretKey.class);
        assertThat(k.getAlgorithm()).isEqualTo("AES");
        assertThat(k.getEncoded()).isNull();
        assertThat(describe(k).keySpec()).isEqualTo(KeySpec.SYMMETRIC_DEFAULT);
        g.init(256);
        assertThat(describe(g.generateKey()).keyUsage()).isEqualTo(KeyUsage.ENCRYPT_DECRYPT);
        assertThatThrownBy(() -> g.init(128)).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> g.init(new ECGenParameterSpec("secp256r1")))
                .isInstanceOf(InvalidAlgorithmParameterException.class);

        g.init(KmsKeyGenParameterSpec.builder().alias("data").description("files").tag("team", "eng").build());
        SecretKey named = g.generateKey();
        KeyMetadata m = describe(named);
        assertThat(m.description()).isEqualTo("files");
        assertThat(f.kms.listAliases(ListAliasesRequest.builder().keyId(m.keyId()).build()).aliases())
                .extracting(a -> a.aliasName()).containsExactly("alias/data");
        assertThat(f.kms.listResourceTags(ListResourceTagsRequest.builder().keyId(m.keyId()).build()).tags())
                .containsExactly(new Tag("team", "eng"));
    }

    @Test
    void hmacGeneratorsMakeHmacKeys() throws Exception {
        for (int bits : new int[] {224, 256, 384, 512}) {
            KeyGenerator g = KeyGenerator.getInstance("HmacSHA" + bits, f.provider);
            g.init(bits);
            SecretKey k = g.generateKey();
            assertThat(k.getAlgorithm()).isEqualTo("HmacSHA" + bits);
            assertThat(describe(k).keySpec()).isEqualTo(KeySpec.valueOf("HMAC_" + bits));
            assertThat(describe(k).keyUsage()).isEqualTo(KeyUsage.GENERATE_VERIFY_MAC);
        }
        assertThatThrownBy(() -> KeyGenerator.getInstance("HmacSHA256", f.provider).init(128))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void rsaPairs() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA", f.provider);
        g.initialize(3072);
        KeyPair p = g.generateKeyPair();
        assertThat(p.getPrivate()).isInstanceOf(KmsPrivateKey.class);
        assertThat(((RSAPublicKey) p.getPublic()).getModulus().bitLength()).isEqualTo(3072);
        assertThat(describe(p.getPrivate()).keyUsage()).isEqualTo(KeyUsage.SIGN_VERIFY);
        g.initialize(KmsKeyGenParameterSpec.builder().keySpec(KeySpec.RSA_4096)
                .keyUsage(KeyUsage.ENCRYPT_DECRYPT).build());
        KeyMetadata m = describe(g.generateKeyPair().getPrivate());
        assertThat(m.keySpec()).isEqualTo(KeySpec.RSA_4096);
        assertThat(m.keyUsage()).isEqualTo(KeyUsage.ENCRYPT_DECRYPT);
        assertThatThrownBy(() -> g.initialize(1024)).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> g.initialize(KmsKeyGenParameterSpec.builder().keySpec(KeySpec.ECC_NIST_P256).build()))
                .isInstanceOf(InvalidAlgorithmParameterException.class);
    }

    @Test
    void ecPairsOnEveryCurve() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", f.provider);
        assertThat(describe(g.generateKeyPair().getPrivate()).keySpec()).isEqualTo(KeySpec.ECC_NIST_P256);
        g.initialize(384);
        assertThat(describe(g.generateKeyPair().getPrivate()).keySpec()).isEqualTo(KeySpec.ECC_NIST_P384);
        g.initialize(new ECGenParameterSpec("secp521r1"));
        KeyPair p521 = g.generateKeyPair();
        assertThat(((ECPublicKey) p521.getPublic()).getParams().getCurve().getField().getFieldSize()).isEqualTo(521);
        g.initialize(new ECGenParameterSpec("secp256k1"));
        assertThat(describe(g.generateKeyPair().getPrivate()).keySpec()).isEqualTo(KeySpec.ECC_SECG_P256K1);
        g.initialize(KmsKeyGenParameterSpec.builder().keyUsage(KeyUsage.KEY_AGREEMENT).build());
        assertThat(describe(g.generateKeyPair().getPrivate()).keyUsage()).isEqualTo(KeyUsage.KEY_AGREEMENT);
        assertThatThrownBy(() -> g.initialize(new ECGenParameterSpec("brainpoolP256r1")))
                .isInstanceOf(InvalidAlgorithmParameterException.class);
        assertThatThrownBy(() -> g.initialize(KmsKeyGenParameterSpec.builder().keyUsage(KeyUsage.ENCRYPT_DECRYPT)
                .build())).isInstanceOf(InvalidAlgorithmParameterException.class);
    }

    @Test
    void ed25519AndMlDsaPairs() throws Exception {
        KeyPair ed = KeyPairGenerator.getInstance("Ed25519", f.provider).generateKeyPair();
        assertThat(describe(ed.getPrivate()).keySpec()).isEqualTo(KeySpec.ECC_NIST_EDWARDS25519);
        assertThat(ed.getPublic().getAlgorithm()).isIn("Ed25519", "EdDSA");

        KeyPairGenerator ml = KeyPairGenerator.getInstance("ML-DSA", f.provider);
        ml.initialize(new NamedParameterSpec("ML-DSA-44"));
        KeyPair p = ml.generateKeyPair();
        assertThat(describe(p.getPrivate()).keySpec()).isEqualTo(KeySpec.ML_DSA_44);
        assertThat(p.getPublic().getEncoded()).isNotEmpty();
        assertThatThrownBy(() -> ml.initialize(2048)).isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void theJcaFailsOverToKeywardenForItsSpec() throws Exception {
        java.security.Security.addProvider(f.provider);
        try {
            KeyGenerator g = KeyGenerator.getInstance("AES");
            g.init(KmsKeyGenParameterSpec.builder().build());
            assertThat(g.generateKey()).isInstanceOf(KmsSecretKey.class);
            KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
            kpg.initialize(KmsKeyGenParameterSpec.builder().keySpec(KeySpec.ECC_NIST_P384).build());
            assertThat(kpg.generateKeyPair().getPrivate()).isInstanceOf(KmsPrivateKey.class);
        } finally {
            java.security.Security.removeProvider(f.provider.getName());
        }
    }
}
