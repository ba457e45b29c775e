package io.keywarden.kms.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.config.KeywardenConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootKeyTest {

    @TempDir
    Path tmp;

    private static PassphraseRootKey cheap(String passphrase) {
        return new PassphraseRootKey(passphrase.toCharArray(), 1024, 1, 1);
    }

    @Test
    void keyFileIsCreatedOwnerOnlyWith32Bytes() throws Exception {
        Path file = tmp.resolve("keys/root.key");
        SqliteKmsStore.open(tmp.resolve("store"), RootKeySource.keyFile(file)).close();
        assertThat(Files.size(file)).isEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("store"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                tmp.resolve("store").resolve(SqliteKmsStore.DB_FILE)))).isEqualTo("rw-------");
        byte[] first = Files.readAllBytes(file);
        SqliteKmsStore.open(tmp.resolve("store"), RootKeySource.keyFile(file)).close();
        assertThat(Files.readAllBytes(file)).isEqualTo(first);
    }

    @Test
    void keyFileReadableByOthersIsRefused() throws Exception {
        Path file = tmp.resolve("root.key");
        SqliteKmsStore.open(tmp.resolve("store"), RootKeySource.keyFile(file)).close();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> SqliteKmsStore.open(tmp.resolve("store"), RootKeySource.keyFile(file)))
                .isInstanceOf(RootKeyException.class)
                .hasMessageContaining("accessible by group or others")
                .hasMessageContaining("chmod 600");
    }

    @Test
    void keyFileOfTheWrongLengthIsRefused() throws Exception {
        Path file = tmp.resolve("root.key");
        Files.write(file, new byte[31]);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> SqliteKmsStore.open(tmp.resolve("store"), RootKeySource.keyFile(file)))
                .isInstanceOf(RootKeyException.class)
                .hasMessageContaining("31 bytes");
    }

    @Test
    void passphraseStoreReopensAndRefusesAWrongPassphraseWithoutNamingIt() {
        Path dir = tmp.resolve("store");
        try (SqliteKmsStore store = SqliteKmsStore.open(dir, cheap("correct horse battery staple"))) {
            Fixtures.writeKeyWithMaterial(store, "k1");
        }
        try (SqliteKmsStore store = SqliteKmsStore.open(dir, cheap("correct horse battery staple"))) {
            assertThat(store.read((StoreTransaction tx) -> tx.findMaterial("k1", 1)).orElseThrow().secret())
                    .isEqualTo(Fixtures.secretOf("k1", 1));
        }
        assertThatThrownBy(() -> SqliteKmsStore.open(dir, cheap("Tr0ub4dor&3")))
                .isInstanceOf(RootKeyException.class)
                .hasMessageContaining("wrong root key or passphrase")
                .hasMessageNotContaining("Tr0ub4dor&3")
                .hasMessageNotContaining("correct horse");
        assertThat(cheap("secret-pass").toString()).doesNotContain("secret-pass");
    }

    @Test
    void passphraseParametersAreRecordedInTheStore() {
        Path dir = tmp.resolve("store");
        SqliteKmsStore.open(dir, new PassphraseRootKey("pw".toCharArray(), 2048, 2, 1)).close();
        // opening with other default costs still works: the recorded parameters are used
        SqliteKmsStore.open(dir, new PassphraseRootKey("pw".toCharArray(), 1024, 1, 1)).close();
    }

    @Test
    void fromConfigUsesTheKeyFileUnlessAPassphraseVariableIsNamed() {
        KeywardenConfig fileConfig = new KeywardenConfig(tmp.resolve("s"), KeywardenConfig.DEFAULT_PRINCIPAL,
                "us-east-1", tmp.resolve("k/root.key"), null, 10, 10);
        RootKeySource fromFile = RootKeySource.fromConfig(fileConfig);
        assertThat(fromFile).isInstanceOf(KeyFileRootKey.class);
        assertThat(((KeyFileRootKey) fromFile).file()).isEqualTo(tmp.resolve("k/root.key").toAbsolutePath());

        KeywardenConfig unset = new KeywardenConfig(tmp.resolve("s"), KeywardenConfig.DEFAULT_PRINCIPAL,
                "us-east-1", tmp.resolve("root.key"), "KEYWARDEN_TEST_SURELY_UNSET_VARIABLE", 10, 10);
        assertThatThrownBy(() -> RootKeySource.fromConfig(unset)).isInstanceOf(RootKeyException.class)
                .hasMessageContaining("KEYWARDEN_TEST_SURELY_UNSET_VARIABLE");

        String present = System.getenv().keySet().stream().filter(n -> !System.getenv(n).isEmpty())
                .findFirst().orElseThrow();
        KeywardenConfig withEnv = new KeywardenConfig(tmp.resolve("s"), KeywardenConfig.DEFAULT_PRINCIPAL,
                "us-east-1", tmp.resolve("root.key"), present, 10, 10);
        RootKeySource passphrase = RootKeySource.fromConfig(withEnv);
        assertThat(passphrase).isInstanceOf(PassphraseRootKey.class);
        assertThat(passphrase.kind()).isEqualTo("argon2id");
    }
}
