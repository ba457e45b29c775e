package io.keywarden.kms.crypto;

import static io.keywarden.kms.crypto.TestKeys.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.EncryptionAlgorithmSpec;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.MacAlgorithmSpec;
import io.keywarden.kms.api.MessageType;
import io.keywarden.kms.api.SigningAlgorithmSpec;
import io.keywarden.kms.api.errors.IncorrectKeyMaterialException;
import io.keywarden.kms.api.errors.InvalidCiphertextException;
import io.keywarden.kms.api.errors.InvalidKeyUsageException;
import io.keywarden.kms.api.errors.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SymmetricStrategyTest {

    private static final KeySpec SPEC = KeySpec.SYMMETRIC_DEFAULT;
    private static final EncryptionAlgorithmSpec ALG = EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT;
    private final SymmetricStrategy s = new SymmetricStrategy();
    private final KeyMaterial key = new KeyMaterial("6f1c5a9e-3b2d-4c8a-9e7f-0a1b2c3d4e5f", 3,
            s.generate(SPEC).secret(), null);
    private final Map<String, String> ctx = Map.of("purpose", "test", "tenant", "a");

    @Test
    void describesTheSpec() {
        assertThat(s.keySpecs()).containsExactly(SPEC);
        assertThat(s.usages(SPEC)).containsExactly(KeyUsage.ENCRYPT_DECRYPT);
        assertThat(s.encryptionAlgorithms(SPEC, KeyUsage.ENCRYPT_DECRYPT)).containsExactly(ALG);
        assertThat(s.maxPlaintextLength(SPEC, ALG)).isEqualTo(4096);
    }

    @Test
    void generatesDistinct256BitKeys() {
        GeneratedMaterial a = s.generate(SPEC);
        assertThat(a.secret()).hasSize(32);
        assertThat(a.publicKey()).isNull();
        assertThat(a.secret()).isNotEqualTo(s.generate(SPEC).secret());
    }

    @Test
    void roundTripsEveryLengthBoundaryAndContext() {
        for (int n : new int[] {1, 16, 4095, 4096}) {
            byte[] pt = bytes(n);
            byte[] blob = s.encrypt(SPEC, key, ALG, pt, ctx);
            assertThat(blob).hasSize(21 + 12 + n + 16);
            assertThat(s.decrypt(SPEC, key, ALG, blob, ctx)).isEqualTo(pt);
        }
        byte[] blob = s.encrypt(SPEC, key, null, bytes(5), null);
        assertThat(s.decrypt(SPEC, key, ALG, blob, Map.of())).isEqualTo(bytes(5));
    }

    @Test
    void headerNamesKeyAndVersion() {
        byte[] blob = s.encrypt(SPEC, key, ALG, bytes(10), ctx);
        SymmetricCiphertextFormat.Header h = SymmetricCiphertextFormat.peek(blob);
        assertThat(h.keyId()).isEqualTo(key.keyId());
        assertThat(h.materialVersion()).isEqualTo(3);
        assertThat(blob[0]).isEqualTo((byte) 1);
    }

    @Test
    void freshIvEachTime() {
        assertThat(s.encrypt(SPEC, key, ALG, bytes(10), ctx)).isNotEqualTo(s.encrypt(SPEC, key, ALG, bytes(10), ctx));
    }

    @Test
    void contextOrderDoesNotMatter() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("x", "1");
        a.put("y", "2");
        Map<String, String> b = new LinkedHashMap<>();
        b.put("y", "2");
        b.put("x", "1");
        assertThat(s.decrypt(SPEC, key, ALG, s.encrypt(SPEC, key, ALG, bytes(8), a), b)).isEqualTo(bytes(8));
    }

    @Test
    void contextMismatchIsInvalidCiphertext() {
        byte[] blob = s.encrypt(SPEC, key, ALG, bytes(8), ctx);
        for (Map<String, String> other : List.of(Map.<String, String>of(), Map.of("purpose", "test"),
                Map.of("purpose", "test", "tenant", "b"), Map.of("purpose", "test", "tenant", "a", "x", ""),
                Map.of("Purpose", "test", "tenant", "a"))) {
            assertThatThrownBy(() -> s.decrypt(SPEC, key, ALG, blob, other))
                    .isInstanceOf(InvalidCiphertextException.class);
        }
    }

    @Test
    void everyFlippedByteIsInvalidCiphertext() {
        byte[] blob = s.encrypt(SPEC, key, ALG, bytes(24), ctx);
        for (int i = 0; i < blob.length; i++) {
            for (int bit : new int[] {0x01, 0x80}) {
                byte[] t = blob.clone();
                t[i] ^= (byte) bit;
                assertThatThrownBy(() -> s.decrypt(SPEC, key, ALG, t, ctx))
                        .as("byte %d bit %x", i, bit).isInstanceOf(InvalidCiphertextException.class)
                        .hasMessage("The ciphertext is invalid.");
            }
        }
    }

    @Test
    void shortLongAndForeignBlobsAreInvalidCiphertext() {
        byte[] blob = s.encrypt(SPEC, key, ALG, bytes(24), ctx);
        for (int n = 1; n < blob.length; n++) {
            byte[] t = Arrays.copyOf(blob, n);
            assertThatThrownBy(() -> s.decrypt(SPEC, key, ALG, t, ctx)).isInstanceOf(InvalidCiphertextException.class);
        }
        byte[] longer = Arrays.copyOf(blob, blob.length + 1);
        assertThatThrownBy(() -> s.decrypt(SPEC, key, ALG, longer, ctx)).isInstanceOf(InvalidCiphertextException.class);
        assertThatThrownBy(() -> SymmetricCiphertextFormat.peek(null)).isInstanceOf(InvalidCiphertextException.class);
        assertThatThrownBy(() -> SymmetricCiphertextFormat.peek(new byte[5000])).isInstanceOf(InvalidCiphertextException.class);
        byte[] v2 = blob.clone();
        v2[0] = 2;
        assertThatThrownBy(() -> SymmetricCiphertextFormat.peek(v2)).isInstanceOf(InvalidCiphertextException.class);
    }

    @Test
    void otherKeyOrVersionIsInvalidCiphertext() {
        byte[] blob = s.encrypt(SPEC, key, ALG, bytes(24), ctx);
        KeyMaterial otherVersion = new KeyMaterial(key.keyId(), 4, key.secret(), null);
        KeyMaterial otherId = new KeyMaterial("00112233-4455-6677-8899-aabbccddeeff", 3, key.secret(), null);
        KeyMaterial otherSecret = new KeyMaterial(key.keyId(), 3, s.generate(SPEC).secret(), null);
        for (KeyMaterial k : List.of(otherVersion, otherId, otherSecret)) {
            assertThatThrownBy(() -> s.decrypt(SPEC, k, ALG, blob, ctx)).isInstanceOf(InvalidCiphertextException.class);
        }
    }

    @Test
    void plaintextLimitsUseAwsMessages() {
        assertThatThrownBy(() -> s.encrypt(SPEC, key, ALG, new byte[4097], ctx))
                .isInstanceOf(ValidationException.class)
                .hasMessage("1 validation error detected: Value at 'plaintext' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 4096");
        assertThatThrownBy(() -> s.encrypt(SPEC, key, ALG, new byte[0], ctx))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Member must have length greater than or equal to 1");
        assertThatThrownBy(() -> s.encrypt(SPEC, key, ALG, null, ctx))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Member must not be null");
        assertThatThrownBy(() -> s.decrypt(SPEC, key, ALG, null, ctx)).isInstanceOf(ValidationException.class);
    }

    @Test
    void nullContextEntriesAreValidationErrors() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("k", null);
        assertThatThrownBy(() -> s.encrypt(SPEC, key, ALG, bytes(3), bad)).isInstanceOf(ValidationException.class);
    }

    @Test
    void refusesOtherAlgorithmsAndOperations() {
        assertThatThrownBy(() -> s.encrypt(SPEC, key, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256, bytes(3), ctx))
                .isInstanceOf(InvalidKeyUsageException.class);
        assertThatThrownBy(() -> s.decrypt(SPEC, key, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1, bytes(60), ctx))
                .isInstanceOf(InvalidKeyUsageException.class);
        assertThatThrownBy(() -> s.sign(SPEC, key, SigningAlgorithmSpec.ECDSA_SHA_256, MessageType.RAW, bytes(3)))
                .isInstanceOf(InvalidKeyUsageException.class);
        assertThatThrownBy(() -> s.mac(SPEC, key, MacAlgorithmSpec.HMAC_SHA_256, bytes(3)))
                .isInstanceOf(InvalidKeyUsageException.class);
        assertThatThrownBy(() -> s.deriveSharedSecret(SPEC, key, bytes(3))).isInstanceOf(InvalidKeyUsageException.class);
        assertThatThrownBy(() -> s.generate(KeySpec.HMAC_256)).isInstanceOf(InvalidKeyUsageException.class);
    }

    @Test
    void importsExactly32Bytes() {
        byte[] raw = bytes(32);
        GeneratedMaterial m = s.importMaterial(SPEC, raw);
        assertThat(m.secret()).isEqualTo(raw).isNotSameAs(raw);
        KeyMaterial imported = new KeyMaterial(key.keyId(), 1, m.secret(), null);
        assertThat(s.decrypt(SPEC, imported, ALG, s.encrypt(SPEC, imported, ALG, bytes(9), ctx), ctx)).isEqualTo(bytes(9));
        for (byte[] bad : new byte[][] {null, new byte[0], new byte[16], new byte[31], new byte[33], new byte[64]}) {
            assertThatThrownBy(() -> s.importMaterial(SPEC, bad)).isInstanceOf(IncorrectKeyMaterialException.class);
        }
    }

    @Test
    void errorsAndToStringCarryNoSecrets() {
        byte[] pt = "secret-plaintext-value".getBytes(StandardCharsets.UTF_8);
        byte[] blob = s.encrypt(SPEC, key, ALG, pt, ctx);
        blob[blob.length - 1] ^= 1;
        String hexKey = HexFormat.of().formatHex(key.secret());
        assertThatThrownBy(() -> s.decrypt(SPEC, key, ALG, blob, ctx))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(hexKey).doesNotContain("secret-plaintext"));
        assertThat(key.toString()).doesNotContain(hexKey);
        assertThat(s.generate(SPEC).toString()).isEqualTo("GeneratedMaterial[32 secret bytes]");
    }
}
