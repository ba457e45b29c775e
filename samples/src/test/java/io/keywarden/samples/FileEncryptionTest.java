package io.keywarden.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.keywarden.kms.api.ListKeyRotationsRequest;
import io.keywarden.kms.api.RotateKeyOnDemandRequest;
import io.keywarden.provider.KmsKey;
import io.keywarden.provider.KmsKeyGenParameterSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.crypto.KeyGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sample a: a file encrypted by one JVM, the key rotated, the file decrypted by another JVM. */
class FileEncryptionTest {

    @TempDir
    Path dir;
    SampleEnvironment env;

    @BeforeEach
    void open() throws Exception {
        env = new SampleEnvironment(dir);
    }

    @AfterEach
    void close() {
        env.close();
    }

    @Test
    void encryptRotateDecrypt() throws Exception {
        KeyGenerator g = KeyGenerator.getInstance("AES", env.provider);
        g.init(KmsKeyGenParameterSpec.builder().alias("files").build());
        String keyId = ((KmsKey) g.generateKey()).keyId();

        byte[] plaintext = new byte[300_000];
        new Random(7).nextBytes(plaintext);
        Path plain = Files.write(dir.resolve("report.bin"), plaintext);

        SampleEnvironment.run(env.sample(FileEncryption.class, "encrypt", "files", plain.toString(), "report.enc"))
                .check();
        byte[] ciphertext = Files.readAllBytes(dir.resolve("report.enc"));
        assertThat(ciphertext.length).isGreaterThan(plaintext.length);

        env.kms.rotateKeyOnDemand(new RotateKeyOnDemandRequest(keyId));
        assertThat(env.kms.listKeyRotations(ListKeyRotationsRequest.builder().keyId(keyId).build()).rotations())
                .hasSize(1);

        SampleEnvironment.run(env.sample(FileEncryption.class, "decrypt", "files", "report.enc", "report.out"))
                .check();
        assertThat(Files.readAllBytes(dir.resolve("report.out"))).isEqualTo(plaintext);
    }
}
