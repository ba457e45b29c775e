package io.keywarden.kms.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.DecryptRequest;
import io.keywarden.kms.api.EncryptRequest;
import io.keywarden.kms.api.RotateKeyOnDemandRequest;
import io.keywarden.kms.api.errors.IncorrectKeyException;
import io.keywarden.kms.api.errors.InvalidCiphertextException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptDecryptTest {

    @TempDir
    Path dir;
    EngineFixture f;

    @BeforeEach
    void open() {
        f = new EngineFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void decryptFindsTheKeyInTheBlobAndSurvivesRotation() {
        String keyId = f.symmetricKey();
        byte[] plaintext = "attack at dawn".getBytes(StandardCharsets.UTF_8);
        Map<String, String> ec = Map.of("dept", "eng");
        byte[] blob = f.kms.encrypt(EncryptRequest.builder().keyId(keyId).plaintext(plaintext)
                .encryptionContext(ec).build()).ciphertextBlob();

        f.kms.rotateKeyOnDemand(new RotateKeyOnDemandRequest(keyId));
        byte[] newer = f.kms.encrypt(EncryptRequest.builder().keyId(keyId).plaintext(plaintext)
                .encryptionContext(ec).build()).ciphertextBlob();

        var old = f.kms.decrypt(DecryptRequest.builder().ciphertextBlob(blob).encryptionContext(ec).build());
        var fresh = f.kms.decrypt(DecryptRequest.builder().ciphertextBlob(newer).encryptionContext(ec).build());
        assertThat(old.plaintext()).isEqualTo(plaintext);
        assertThat(fresh.plaintext()).isEqualTo(plaintext);
        assertThat(old.keyId()).endsWith(keyId);
        assertThat(old.keyMaterialId()).isNotEqualTo(fresh.keyMaterialId());
    }

    @Test
    void wrongContextOrKeyIsRefused() {
        String keyId = f.symmetricKey();
        String other = f.symmetricKey();
        byte[] blob = f.kms.encrypt(EncryptRequest.builder().keyId(keyId).plaintext(new byte[] {1, 2, 3})
                .encryptionContext(Map.of("a", "b")).build()).ciphertextBlob();
        assertThatThrownBy(() -> f.kms.decrypt(DecryptRequest.builder().ciphertextBlob(blob)
                .encryptionContext(Map.of("a", "c")).build())).isInstanceOf(InvalidCiphertextException.class);
        assertThatThrownBy(() -> f.kms.decrypt(DecryptRequest.builder().ciphertextBlob(blob)
                .encryptionContext(Map.of("a", "b")).keyId(other).build())).isInstanceOf(IncorrectKeyException.class);
    }
}
