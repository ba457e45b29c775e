package io.keywarden.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;

class ServerSmokeTest {

    @Test
    void createKeyEncryptDecrypt(@TempDir Path dir) {
        try (TestServer s = TestServer.plaintext(dir); KmsClient kms = s.client()) {
            String keyId = kms.createKey(r -> r.description("smoke")).keyMetadata().keyId();
            byte[] blob = kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String("hello"))).ciphertextBlob().asByteArray();
            String back = kms.decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(blob))).plaintext().asString(StandardCharsets.UTF_8);
            assertThat(back).isEqualTo("hello");
        }
    }
}
