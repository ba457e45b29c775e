package io.keywarden.provider.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.errors.DisabledException;
import io.keywarden.kms.api.errors.InvalidKeyUsageException;
import io.keywarden.provider.KmsEcPrivateKey;
import io.keywarden.provider.TestKms;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import javax.crypto.KeyAgreement;
import javax.crypto.SecretKey;
import javax.crypto.ShortBufferException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ECDH: the handle's secret equals the JDK's computed from the peer's private key and our public key. */
class KmsEcdhTest {

    @TempDir
    static Path dir;
    static TestKms kms;

    @BeforeAll
    static void open() {
        kms = new TestKms(dir);
    }

    @AfterAll
    static void close() {
        kms.close();
    }

    static KeyPair peer(String curve) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec(curve));
        return g.generateKeyPair();
    }

    static byte[] jdkSecret(KeyPair peer, KmsEcPrivateKey ours) throws Exception {
        KeyAgreement jdk = KeyAgreement.getInstance("ECDH", "SunEC");
        jdk.init(peer.getPrivate());
        jdk.doPhase(ours.publicKey(), true);
        return jdk.generateSecret();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ECC_NIST_P256, secp256r1, 32", "ECC_NIST_P384, secp384r1, 48", "ECC_NIST_P521, secp521r1, 66"})
    void equalsTheJdksSecret(KeySpec spec, String curve, int length) throws Exception {
        KmsEcPrivateKey key = (KmsEcPrivateKey) kms.handle(spec, KeyUsage.KEY_AGREEMENT);
        KeyAgreement ka = KeyAgreement.getInstance("ECDH", kms.provider);
        ka.init(key);
        for (int round = 0; round < 2; round++) { // reuse after generateSecret, with a new peer
            KeyPair peer = peer(curve);
            assertThat(ka.doPhase(peer.getPublic(), true)).isNull();
            byte[] secret = ka.generateSecret();
            assertThat(secret).hasSize(length).isEqualTo(jdkSecret(peer, key));

            ka.doPhase(peer.getPublic(), true);
            SecretKey aes = ka.generateSecret("AES");
            assertThat(aes.getAlgorithm()).isEqualTo("AES");
            assertThat(aes.getEncoded()).isEqualTo(Arrays.copyOf(secret, 32));

            ka.doPhase(peer.getPublic(), true);
            SecretKey tls = ka.generateSecret("TlsPremasterSecret");
            assertThat(tls.getEncoded()).isEqualTo(secret);

            ka.doPhase(peer.getPublic(), true);
            byte[] out = new byte[length + 3];
            assertThat(ka.generateSecret(out, 3)).isEqualTo(length);
            assertThat(Arrays.copyOfRange(out, 3, out.length)).isEqualTo(secret);
        }
    }

    @Test
    void misuse() throws Exception {
        KmsEcPrivateKey key = (KmsEcPrivateKey) kms.handle(KeySpec.ECC_NIST_P256, KeyUsage.KEY_AGREEMENT);
        KeyAgreement ka = KeyAgreement.getInstance("ECDH", kms.provider);
        ka.init(key);
        KeyPair peer = peer("secp256r1");
        assertThatThrownBy(() -> ka.doPhase(peer.getPublic(), false)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(ka::generateSecret).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ka.doPhase(peer("secp384r1").getPublic(), true)).isInstanceOf(InvalidKeyException.class);
        ka.doPhase(peer.getPublic(), true);
        assertThatThrownBy(() -> ka.generateSecret(new byte[31], 0)).isInstanceOf(ShortBufferException.class);
        assertThatThrownBy(() -> ka.generateSecret("DESede")).isInstanceOf(NoSuchAlgorithmException.class);
        assertThat(ka.generateSecret()).hasSize(32);

        assertThatThrownBy(() -> ka.init(peer.getPrivate())).isInstanceOf(InvalidKeyException.class);
        var signing = kms.handle(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY);
        assertThatThrownBy(() -> ka.init(signing)).isInstanceOf(InvalidKeyException.class)
                .hasCauseInstanceOf(InvalidKeyUsageException.class);
        var rsa = kms.handle(KeySpec.RSA_2048, KeyUsage.ENCRYPT_DECRYPT);
        assertThatThrownBy(() -> ka.init(rsa)).isInstanceOf(InvalidKeyException.class);

        ka.init(key);
        kms.disable(key);
        try {
            assertThatThrownBy(() -> ka.doPhase(peer.getPublic(), true)).isInstanceOf(InvalidKeyException.class)
                    .hasCauseInstanceOf(DisabledException.class);
            assertThatThrownBy(() -> ka.init(key)).isInstanceOf(InvalidKeyException.class)
                    .hasCauseInstanceOf(DisabledException.class);
        } finally {
            kms.enable(key);
        }
    }
}
