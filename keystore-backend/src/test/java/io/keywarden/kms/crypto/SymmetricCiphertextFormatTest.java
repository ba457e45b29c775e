package io.keywarden.kms.crypto;

import static io.keywarden.kms.crypto.TestKeys.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reproduces the test vectors of docs/ciphertext-blob.md byte for byte. The expected blobs were
 * computed independently with Python's cryptography package (AESGCM), not with this code.
 */
class SymmetricCiphertextFormatTest {

    private static String hexOf(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    private static void check(String key, String keyId, int version, String iv, Map<String, String> ctx,
            byte[] plaintext, String contextHex, String blobHex) {
        assertThat(hexOf(SymmetricCiphertextFormat.canonicalContext(ctx))).isEqualTo(contextHex);
        byte[] blob = SymmetricCiphertextFormat.seal(hex(key), keyId, version, hex(iv), plaintext, ctx);
        assertThat(hexOf(blob)).isEqualTo(blobHex);
        assertThat(SymmetricCiphertextFormat.open(hex(key), keyId, version, hex(blobHex), ctx)).isEqualTo(plaintext);
        assertThat(SymmetricCiphertextFormat.peek(blob)).isEqualTo(new SymmetricCiphertextFormat.Header(keyId, version));
    }

    @Test
    void vector1EmptyContext() {
        check("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
                "6f1c5a9e-3b2d-4c8a-9e7f-0a1b2c3d4e5f", 1, "101112131415161718191a1b", Map.of(),
                "Hello, Keywarden".getBytes(StandardCharsets.UTF_8), "0000",
                "016f1c5a9e3b2d4c8a9e7f0a1b2c3d4e5f00000001101112131415161718191a1b"
                        + "359bf47a26e51af8af0c7f7c7d1d0c3dff7dbb9b2bdfbfecaff641fa8fe6575a");
    }

    @Test
    void vector2TwoEntries() {
        Map<String, String> ctx = new LinkedHashMap<>();
        ctx.put("purpose", "test");
        ctx.put("Department", "ops");
        check("fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0efeeedecebeae9e8e7e6e5e4e3e2e1e0",
                "00112233-4455-6677-8899-aabbccddeeff", 7, "cafebabefacedbaddecaf888", ctx,
                "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8),
                "0002000a4465706172746d656e7400036f70730007707572706f7365000474657374",
                "0100112233445566778899aabbccddeeff00000007cafebabefacedbaddecaf888"
                        + "bd5400fd34f7047e090ab80e15c6bb4d363117f782222fc1072555308decea3f74e54d6680c7941bb1da77"
                        + "305e8c4c0e737ac1e1d421018cd5b42e");
    }

    @Test
    void vector3SortsByUtf8BytesNotUtf16() {
        // U+1F600 sorts before U+FF21 in UTF-16 (surrogate D83D < FF21) but after it in UTF-8 (F0 > EF).
        Map<String, String> ctx = new LinkedHashMap<>();
        ctx.put("\uD83D\uDE00", "a");
        ctx.put("\uFF21", "b");
        ctx.put("Z", "c");
        check("4242424242424242424242424242424242424242424242424242424242424242",
                "a0b1c2d3-e4f5-4617-8899-aabbccddeeff", Integer.MAX_VALUE, "000000000000000000000000", ctx,
                new byte[] {0}, "000300015a0001630003efbca10001620004f09f9880000161",
                "01a0b1c2d3e4f546178899aabbccddeeff7fffffff000000000000000000000000"
                        + "f4c774492e0a09dbb15822711c2aa3283b");
    }
}
