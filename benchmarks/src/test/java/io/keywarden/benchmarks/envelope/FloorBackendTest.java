package io.keywarden.benchmarks.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.benchmarks.KeywardenEnvironment;
import io.keywarden.kms.api.DataKeySpec;
import io.keywarden.kms.api.DecryptRequest;
import io.keywarden.kms.api.DescribeKeyRequest;
import io.keywarden.kms.api.GenerateDataKeyRequest;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.errors.InvalidCiphertextException;
import org.junit.jupiter.api.Test;

/** The floor experiment measures only the floor: its data-key calls never reach the engine, the rest do. */
class FloorBackendTest {

    @Test
    void dataKeyCallsAreTheFloorAndEverythingElseIsTheEngine() {
        try (KeywardenEnvironment env = KeywardenEnvironment.temporary()) {
            String keyId = env.createKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
            KmsBackend floor = FloorBackend.over(env.engine, keyId);
            GenerateDataKeyRequest request = GenerateDataKeyRequest.builder().keyId(keyId)
                    .keySpec(DataKeySpec.AES_256).build();

            var made = floor.generateDataKey(request);
            var real = env.engine.generateDataKey(request);
            assertThat(made.keyId()).isEqualTo(real.keyId()); // the key's ARN, as the engine names it
            assertThat(made.ciphertextBlob()).hasSize(12 + 32 + 16); // IV, wrapped key, tag: not the engine's blob
            assertThat(real.ciphertextBlob().length).isNotEqualTo(made.ciphertextBlob().length);
            assertThat(made.keyMaterialId()).isNull();

            byte[] back = floor.decrypt(DecryptRequest.builder().ciphertextBlob(made.ciphertextBlob()).keyId(keyId)
                    .build()).plaintext();
            assertThat(back).isEqualTo(made.plaintext()).hasSize(32);
            byte[] changed = made.ciphertextBlob().clone();
            changed[20] ^= 1;
            assertThatThrownBy(() -> floor.decrypt(DecryptRequest.builder().ciphertextBlob(changed).keyId(keyId)
                    .build())).isInstanceOf(InvalidCiphertextException.class);
            // the engine's own blob is not the floor's: refused, not passed on
            assertThatThrownBy(() -> floor.decrypt(DecryptRequest.builder().ciphertextBlob(real.ciphertextBlob())
                    .keyId(keyId).build())).isInstanceOf(InvalidCiphertextException.class);

            assertThat(floor.describeKey(DescribeKeyRequest.builder().keyId(keyId).build()).keyMetadata().keyId())
                    .isEqualTo(keyId);
        }
    }

    @Test
    void theWriterVariantAppendsOneTextPerCallAndSyncsTheFile() throws Exception {
        try (KeywardenEnvironment env = KeywardenEnvironment.temporary()) {
            String keyId = env.createKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
            java.nio.file.Path log = env.dir().resolve("events.log");
            FloorBackend.Appender appender = new FloorBackend.Appender(log);
            KmsBackend floor = FloorBackend.over(env.engine, keyId, appender);
            GenerateDataKeyRequest request = GenerateDataKeyRequest.builder().keyId(keyId)
                    .keySpec(DataKeySpec.AES_256).build();
            for (int i = 0; i < 100; i++) {
                var made = floor.generateDataKey(request);
                floor.decrypt(DecryptRequest.builder().ciphertextBlob(made.ciphertextBlob()).keyId(keyId).build());
            }
            appender.close();
            assertThat(appender.written).isEqualTo(200);
            assertThat(java.nio.file.Files.size(log)).isEqualTo(200L * (FloorBackend.EVENT_BYTES + 1));
            assertThat(appender.syncs).isPositive().isLessThanOrEqualTo(200);
        }
    }

    @Test
    void anAppenderWhoseFileFailsRefusesTextsInsteadOfBlocking() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("floor-appender");
        FloorBackend.Appender appender = new FloorBackend.Appender(dir.resolve("events.log"));
        java.lang.reflect.Field file = FloorBackend.Appender.class.getDeclaredField("file");
        file.setAccessible(true);
        ((java.nio.channels.FileChannel) file.get(appender)).close(); // every write now fails
        byte[] text = new byte[FloorBackend.EVENT_BYTES];
        assertThatThrownBy(() -> {
            for (int i = 0; i < 100_000; i++) { // far more than the queue holds
                appender.append(text);
            }
        }).isInstanceOf(IllegalStateException.class).hasCauseInstanceOf(java.io.IOException.class);
        appender.close();
        KeywardenEnvironment.delete(dir);
    }
}
