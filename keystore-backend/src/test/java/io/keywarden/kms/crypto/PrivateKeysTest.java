package io.keywarden.kms.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.keywarden.kms.api.KeySpec;
import java.security.PrivateKey;
import java.security.interfaces.ECKey;
import org.junit.jupiter.api.Test;

class PrivateKeysTest {

    @Test
    void theSameMaterialIsParsedOnceAndOtherMaterialGetsItsOwnKey() throws Exception {
        EccStrategy ecc = new EccStrategy();
        byte[] a = ecc.generate(KeySpec.ECC_NIST_P256).secret();
        byte[] b = ecc.generate(KeySpec.ECC_NIST_P256).secret();
        PrivateKey first = PrivateKeys.parse("EC", a);
        assertThat(PrivateKeys.parse("EC", a.clone())).isSameAs(first); // by content, not by array
        PrivateKey other = PrivateKeys.parse("EC", b);
        assertThat(other).isNotSameAs(first);
        assertThat(((ECKey) other).getParams().getCurve()).isEqualTo(((ECKey) first).getParams().getCurve());
    }

    @Test
    void theCacheIsBounded() throws Exception {
        EccStrategy ecc = new EccStrategy();
        for (int i = 0; i < PrivateKeys.LIMIT + 20; i++) {
            PrivateKeys.parse("EC", ecc.generate(KeySpec.ECC_NIST_P256).secret());
        }
        assertThat(PrivateKeys.size()).isEqualTo(PrivateKeys.LIMIT);
    }
}
