package io.keywarden.kms.crypto;

import static io.keywarden.kms.crypto.TestKeys.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.MessageType;
import io.keywarden.kms.api.SigningAlgorithmSpec;
import io.keywarden.kms.api.errors.IncorrectKeyMaterialException;
import io.keywarden.kms.api.errors.InvalidKeyUsageException;
import io.keywarden.kms.api.errors.ValidationException;
import java.util.Map;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.pqc.crypto.mldsa.MLDSAPublicKeyParameters;
import org.bouncycastle.pqc.crypto.mldsa.MLDSASigner;
import org.bouncycastle.pqc.crypto.util.PublicKeyFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MlDsaStrategyTest {

    private static final SigningAlgorithmSpec ALG = SigningAlgorithmSpec.ML_DSA_SHAKE_256;
    /** FIPS 204 signature sizes. */
    private static final Map<KeySpec, Integer> SIG_SIZE = Map.of(KeySpec.ML_DSA_44, 2420, KeySpec.ML_DSA_65, 3309,
            KeySpec.ML_DSA_87, 4627);
    private final MlDsaStrategy s = new MlDsaStrategy();

    /** Verification through Bouncy Castle's lightweight FIPS 204 signer, not the strategy's JCA path. */
    private static boolean lightweightVerify(byte[] spki, byte[] msg, byte[] sig) throws Exception {
        AsymmetricKeyParameter pub = PublicKeyFactory.createKey(spki);
        assertThat(pub).isInstanceOf(MLDSAPublicKeyParameters.class);
        MLDSASigner v = new MLDSASigner();
        v.init(false, pub);
        v.update(msg, 0, msg.length);
        return v.verifySignature(sig);
    }

    @ParameterizedTest
    @EnumSource(names = {"ML_DSA_44", "ML_DSA_65", "ML_DSA_87"})
    void signsRawMessagesVerifiably(KeySpec spec) throws Exception {
        assertThat(s.usages(spec)).containsExactly(KeyUsage.SIGN_VERIFY);
        assertThat(s.signingAlgorithms(spec, KeyUsage.SIGN_VERIFY)).containsExactly(ALG);
        KeyMaterial key = TestKeys.key(spec);
        for (int n : new int[] {1, 4096}) {
            byte[] sig = s.sign(spec, key, ALG, MessageType.RAW, bytes(n));
            assertThat(sig).hasSize(SIG_SIZE.get(spec));
            assertThat(lightweightVerify(key.publicKey(), bytes(n), sig)).isTrue();
            assertThat(s.verify(spec, key, ALG, MessageType.RAW, bytes(n), sig)).isTrue();
            byte[] other = bytes(n);
            other[0] ^= 1;
            assertThat(s.verify(spec, key, ALG, MessageType.RAW, other, sig)).isFalse();
            byte[] t = sig.clone();
            t[100] ^= 1;
            assertThat(s.verify(spec, key, ALG, MessageType.RAW, bytes(n), t)).isFalse();
            assertThat(s.verify(spec, key, ALG, MessageType.RAW, bytes(n), bytes(17))).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"ML_DSA_44", "ML_DSA_65", "ML_DSA_87"})
    void refusesExternalMuDigestAndOtherAlgorithms(KeySpec spec) {
        KeyMaterial key = TestKeys.key(spec);
        assertThatThrownBy(() -> s.sign(spec, key, ALG, MessageType.EXTERNAL_MU, bytes(64)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("EXTERNAL_MU");
        assertThatThrownBy(() -> s.verify(spec, key, ALG, MessageType.EXTERNAL_MU, bytes(64), bytes(10)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> s.sign(spec, key, ALG, MessageType.DIGEST, bytes(64))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> s.sign(spec, key, ALG, MessageType.RAW, bytes(4097))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> s.sign(spec, key, ALG, MessageType.RAW, new byte[0])).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> s.sign(spec, key, SigningAlgorithmSpec.ED25519_SHA_512, MessageType.RAW, bytes(3)))
                .isInstanceOf(InvalidKeyUsageException.class);
    }

    @ParameterizedTest
    @EnumSource(names = {"ML_DSA_44", "ML_DSA_65", "ML_DSA_87"})
    void importsOnlyTheSameParameterSet(KeySpec spec) {
        GeneratedMaterial original = TestKeys.material(spec);
        GeneratedMaterial m = s.importMaterial(spec, original.secret());
        assertThat(m.publicKey()).isEqualTo(original.publicKey());
        for (KeySpec other : s.keySpecs()) {
            if (other != spec) {
                assertThatThrownBy(() -> s.importMaterial(other, original.secret()))
                        .isInstanceOf(IncorrectKeyMaterialException.class);
            }
        }
        byte[] ed = TestKeys.material(KeySpec.ECC_NIST_EDWARDS25519).secret();
        for (byte[] bad : new byte[][] {null, new byte[0], bytes(32), ed, original.publicKey()}) {
            assertThatThrownBy(() -> s.importMaterial(spec, bad)).isInstanceOf(IncorrectKeyMaterialException.class);
        }
    }
}
