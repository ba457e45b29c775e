package io.keywarden.conformance.testers;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The same MacTester on the JDK's HMACs (plain keys) and on Keywarden handles of the same material. */
class MacTesterTest {

    @ParameterizedTest
    @CsvSource({"HmacSHA224,HMAC_224,28", "HmacSHA256,HMAC_256,32", "HmacSHA384,HMAC_384,48", "HmacSHA512,HMAC_512,64"})
    void jdk(String algorithm, KeySpec spec, int keyLength) throws Exception {
        SecretKeySpec key = new SecretKeySpec(Pieces.message(keyLength), algorithm);
        new MacTester(() -> Mac.getInstance(algorithm), key, () -> Mac.getInstance(algorithm, "SunJCE"), key, 8192)
                .run();
    }

    @ParameterizedTest
    @CsvSource({"HmacSHA224,HMAC_224,28", "HmacSHA256,HMAC_256,32", "HmacSHA384,HMAC_384,48", "HmacSHA512,HMAC_512,64"})
    void keywarden(String algorithm, KeySpec spec, int keyLength) throws Exception {
        byte[] material = Pieces.message(keyLength);
        var handle = TesterFixture.imported(spec, KeyUsage.GENERATE_VERIFY_MAC, material);
        new MacTester(() -> Mac.getInstance(algorithm), handle, () -> Mac.getInstance(algorithm, "SunJCE"),
                new SecretKeySpec(material, algorithm), 4096).run();
    }

    @ParameterizedTest
    @CsvSource({"HmacSHA256,HMAC_256,32"})
    void theTesterFailsOnADifferentKey(String algorithm, KeySpec spec, int keyLength) throws Exception {
        var handle = TesterFixture.imported(spec, KeyUsage.GENERATE_VERIFY_MAC, Pieces.message(keyLength));
        SecretKeySpec other = new SecretKeySpec(Pieces.message(keyLength + 1), algorithm);
        assertThatThrownBy(() -> new MacTester(() -> Mac.getInstance(algorithm), handle,
                () -> Mac.getInstance(algorithm, "SunJCE"), other, 4096).run())
                .isInstanceOf(AssertionError.class).hasMessageContaining("reference");
    }
}
