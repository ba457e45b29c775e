package io.keywarden.provider.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reproduces the test vectors of docs/envelope-format.md §8 exactly, and decrypts them. */
class TestVectorsTest {

    static final HexFormat HEX = HexFormat.of();
    static final String ARN = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    record Vector(String dataKey, String messageId, String wrapped, Map<String, String> context, String aad,
                  String appIv, int frameSize, String plaintext, String expected) {
    }

    static final Vector V1 = new Vector(
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
            "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf",
            "c0c1c2c3c4c5c6c7c8c9cacbcccdcecf",
            Map.of("tenant", "acme", "purpose", "invoice"), "record-42", null, 64,
            "Hello, Keywarden!",
            "4b570100010000000040a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf004b61726e3a6177733a6b6d733a75732d656173742d313a3131313132323232333333333a6b65792f31323334616263642d313261622d333463642d353665662d3132333435363738393061620010c0c1c2c3c4c5c6c7c8c9cacbcccdcecf2bdf3cc21dd21685ecda335c03b56bdcb0da5fb76414929bb0fba540a9dc519ef9b0a824ae288fcf96d3b20ebe144505d9ff4a0168bcb13d1cab1570d0beb2371d");

    static final Vector V2 = new Vector(
            "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100",
            "0000000000000000000000000000000000000000000000000000000000000001",
            "01020304",
            Map.of(), "", "0102030405060708090a0b0c", 64,
            "The quick brown fox jumps over the lazy dog. The quick brown fox jumps over the lazy dog!",
            "4b5701000101000000400000000000000000000000000000000000000000000000000000000000000001004b61726e3a6177733a6b6d733a75732d656173742d313a3131313132323232333333333a6b65792f31323334616263642d313261622d333463642d353665662d313233343536373839306162000401020304537dfbce2f91dd64450afd2231e8704416944c0ecd51f80368bcc442f4eefeacf8b58deb3c3dbd4009b237eaa5787a67ca87b52db14a4459dd799dc6b01019308f49651d29ce984c139cbf02c108f05bc7ec8445717823f88e31fe325230ea4d4f151a09374642547b46883437944baec6365ed7ffbb8faedc960c00fd29885a44f5065a61bdcdc272e02560c20771f9510656f501cecdcfc1");

    @Test
    void tamperedVectorFailsAndUnknownVersionIsRefused() {
        byte[] ct = HEX.parseHex(V1.expected());
        ct[2] = 2;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> decrypt(V1, ct))
                .isInstanceOf(javax.crypto.AEADBadTagException.class).hasMessageContaining("version");
    }

    @Test
    void vectorsReproduce() throws Exception {
        for (Vector v : new Vector[] {V1, V2}) {
            byte[] ct = encrypt(v);
            assertThat(HEX.formatHex(ct)).isEqualTo(v.expected());
            assertThat(new String(decrypt(v, ct), StandardCharsets.UTF_8)).isEqualTo(v.plaintext());
        }
    }

    static byte[] encrypt(Vector v) {
        EnvelopeEncryptor e = new EnvelopeEncryptor(HEX.parseHex(v.dataKey()), HEX.parseHex(v.wrapped()), ARN,
                HEX.parseHex(v.messageId()), EncryptionContexts.hash(v.context()),
                v.appIv() == null ? null : HEX.parseHex(v.appIv()), v.frameSize());
        byte[] aad = v.aad().getBytes(StandardCharsets.UTF_8);
        e.updateAad(aad, 0, aad.length);
        byte[] pt = v.plaintext().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[(int) e.outputSize(pt.length, true)];
        int n = e.doFinal(pt, 0, pt.length, out, 0);
        return java.util.Arrays.copyOf(out, n);
    }

    static byte[] decrypt(Vector v, byte[] ct) throws Exception {
        EnvelopeDecryptor d = new EnvelopeDecryptor(h -> HEX.parseHex(v.dataKey()),
                EncryptionContexts.hash(v.context()), v.appIv() == null ? null : HEX.parseHex(v.appIv()));
        byte[] aad = v.aad().getBytes(StandardCharsets.UTF_8);
        d.updateAad(aad, 0, aad.length);
        byte[] out = new byte[(int) d.outputSize(ct.length)];
        int n = d.doFinal(ct, 0, ct.length, out, 0);
        return java.util.Arrays.copyOf(out, n);
    }
}
