package io.keywarden.kms.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.DataKeyPairSpec;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.errors.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeySpecStrategiesTest {

    @Test
    void everyKeySpecHasExactlyOneStrategy() {
        for (KeySpec spec : KeySpec.values()) {
            KeySpecStrategy s = KeySpecStrategies.forSpec(spec);
            assertThat(s.keySpecs()).contains(spec);
            assertThat(KeySpecStrategies.all().stream().filter(x -> x.keySpecs().contains(spec))).hasSize(1);
        }
        assertThat(KeySpecStrategies.forSpec(KeySpec.RSA_3072)).isInstanceOf(RsaStrategy.class);
        assertThat(KeySpecStrategies.forSpec(KeySpec.ECC_SECG_P256K1)).isInstanceOf(EccStrategy.class);
        assertThat(KeySpecStrategies.forSpec(KeySpec.ML_DSA_87)).isInstanceOf(MlDsaStrategy.class);
        assertThatThrownBy(() -> KeySpecStrategies.forSpec(null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void duplicateClaimsAreRejected() {
        assertThatThrownBy(() -> KeySpecStrategies.table(List.of(new RsaStrategy(), new RsaStrategy())))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void dataKeyPairSpecsMapToKeySpecs() {
        for (DataKeyPairSpec p : DataKeyPairSpec.values()) {
            KeySpec spec = KeySpecStrategies.keySpecOf(p);
            assertThat(spec.name()).isEqualTo(p.name());
            assertThat(KeySpecStrategies.forSpec(spec).keySpecs()).contains(spec);
            assertThat(TestKeys.material(spec).publicKey()).isNotNull();
        }
        assertThatThrownBy(() -> KeySpecStrategies.keySpecOf(null)).isInstanceOf(ValidationException.class);
    }

    /** Generated material re-imports to the same normalized material, for every key spec. */
    @ParameterizedTest
    @EnumSource(KeySpec.class)
    void generatedMaterialReimportsUnchanged(KeySpec spec) {
        KeySpecStrategy s = KeySpecStrategies.forSpec(spec);
        GeneratedMaterial m = TestKeys.material(spec);
        GeneratedMaterial again = s.importMaterial(spec, m.secret());
        assertThat(again.secret()).isEqualTo(m.secret());
        assertThat(again.publicKey()).isEqualTo(m.publicKey());
        assertThat(s.usages(spec)).isNotEmpty();
    }
}
