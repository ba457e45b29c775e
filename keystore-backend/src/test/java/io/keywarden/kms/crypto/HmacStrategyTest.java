package io.keywarden.kms.crypto;

import static io.keywarden.kms.crypto.TestKeys.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.MacAlgorithmSpec;
import io.keywarden.kms.api.errors.IncorrectKeyMaterialException;
import io.keywarden.kms.api.errors.InvalidKeyUsageException;
import io.keywarden.kms.api.errors.ValidationException;
import java.util.Map;
import java.util.function.Supplier;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA224Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HmacStrategyTest {

    private record Expect(MacAlgorithmSpec alg, int keyLength, int maxImport, Supplier<Digest> digest) {
    }

    private static final Map<KeySpec, Expect> AWS = Map.of(
            KeySpec.HMAC_224, new Expect(MacAlgorithmSpec.HMAC_SHA_224, 28, 64, SHA224Digest::new),
            KeySpec.HMAC_256, new Expect(MacAlgorithmSpec.HMAC_SHA_256, 32, 64, SHA256Digest::new),
            KeySpec.HMAC_384, new Expect(MacAlgorithmSpec.HMAC_SHA_384, 48, 128, SHA384Digest::new),
            KeySpec.HMAC_512, new Expect(MacAlgorithmSpec.HMAC_SHA_512, 64, 128, SHA512Digest::new));

    private final HmacStrategy s = new HmacStrategy();

    private static byte[] bcMac(Expect e, byte[] key, byte[] msg) {
        HMac h = new HMac(e.digest().get());
        h.init(new KeyParameter(key));
        h.update(msg, 0, msg.length);
        byte[] out = new byte[h.getMacSize()];
        h.doFinal(out, 0);
        return out;
    }

    @ParameterizedTest
    @EnumSource(names = {"HMAC_224", "HMAC_256", "HMAC_384", "HMAC_512"})
    void generatesAndMacsLikeBouncyCastle(KeySpec spec) {
        Expect e = AWS.get(spec);
        assertThat(s.usages(spec)).containsExactly(KeyUsage.GENERATE_VERIFY_MAC);
        assertThat(s.macAlgorithms(spec, KeyUsage.GENERATE_VERIFY_MAC)).containsExactly(e.alg());
        GeneratedMaterial m = s.generate(spec);
        assertThat(m.secret()).hasSize(e.keyLength());
        assertThat(m.publicKey()).isNull();
        KeyMaterial key = new KeyMaterial("k", 1, m.secret(), null);
        // 0: the empty message, a Keywarden extension (AWS KMS wants 1 to 4096 bytes)
        for (int n : new int[] {0, 1, 100, 4096}) {
            assertThat(s.mac(spec, key, e.alg(), bytes(n))).isEqualTo(bcMac(e, m.secret(), bytes(n)));
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"HMAC_224", "HMAC_256", "HMAC_384", "HMAC_512"})
    void refusesOtherAlgorithmsAndBadMessages(KeySpec spec) {
        Expect e = AWS.get(spec);
        KeyMaterial key = new KeyMaterial("k", 1, s.generate(spec).secret(), null);
        for (MacAlgorithmSpec other : MacAlgorithmSpec.values()) {
            if (other != e.alg()) {
                assertThatThrownBy(() -> s.mac(spec, key, other, bytes(5))).isInstanceOf(InvalidKeyUsageException.class);
            }
        }
        assertThatThrownBy(() -> s.mac(spec, key, null, bytes(5))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> s.mac(spec, key, e.alg(), new byte[4097]))
                .isInstanceOf(ValidationException.class)
                .hasMessage("1 validation error detected: Value at 'message' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 4096");
    }

    @ParameterizedTest
    @EnumSource(names = {"HMAC_224", "HMAC_256", "HMAC_384", "HMAC_512"})
    void importsWithinAwsBounds(KeySpec spec) {
        Expect e = AWS.get(spec);
        for (int n : new int[] {e.keyLength(), e.maxImport()}) {
            GeneratedMaterial m = s.importMaterial(spec, bytes(n));
            assertThat(m.secret()).isEqualTo(bytes(n));
            KeyMaterial key = new KeyMaterial("k", 1, m.secret(), null);
            assertThat(s.mac(spec, key, e.alg(), bytes(7))).isEqualTo(bcMac(e, bytes(n), bytes(7)));
        }
        for (int n : new int[] {0, e.keyLength() - 1, e.maxImport() + 1}) {
            assertThatThrownBy(() -> s.importMaterial(spec, bytes(n))).isInstanceOf(IncorrectKeyMaterialException.class);
        }
        assertThatThrownBy(() -> s.importMaterial(spec, null)).isInstanceOf(IncorrectKeyMaterialException.class);
    }
}
