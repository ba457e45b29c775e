package io.keywarden.kms.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreSettingsTest {

    @TempDir
    Path dir;

    private KeywardenConfig load(String... lines) {
        Properties p = new Properties();
        p.setProperty("store", "store");
        for (String line : lines) {
            String[] kv = line.split("=", 2);
            p.setProperty(kv[0], kv[1]);
        }
        return KeywardenConfig.fromProperties(p, dir);
    }

    @Test
    void sqliteIsTheDefault() {
        KeywardenConfig c = load();
        assertThat(c.storage().isPostgresql()).isFalse();
        assertThat(c.storage().type()).isEqualTo("sqlite");
    }

    @Test
    void postgresqlWithAPasswordFile() throws Exception {
        Files.writeString(dir.resolve("pw"), "s3cret-pw\n");
        KeywardenConfig c = load("store.type=postgresql", "store.url=jdbc:postgresql://db:5432/kw",
                "store.user=kw", "store.passwordFile=pw", "store.poolSize=7");
        assertThat(c.storage()).isEqualTo(StoreSettings.postgresql("jdbc:postgresql://db:5432/kw", "kw", "s3cret-pw", 7));
        assertThat(c.storage().toString()).doesNotContain("s3cret-pw").contains("(hidden)");
        assertThat(c.toString()).doesNotContain("s3cret-pw");
    }

    @Test
    void wrongSettingsAreNamed() {
        assertThatThrownBy(() -> load("store.type=mysql")).hasMessageContaining("'store.type'");
        assertThatThrownBy(() -> load("store.type=postgresql")).hasMessageContaining("'store.url'");
        assertThatThrownBy(() -> load("store.type=postgresql", "store.url=jdbc:mysql://x/y"))
                .hasMessageContaining("'store.url'");
        assertThatThrownBy(() -> load("store.type=postgresql", "store.url=jdbc:postgresql://x/y", "store.poolSize=0"))
                .hasMessageContaining("'store.poolSize'");
        assertThatThrownBy(() -> load("store.type=postgresql", "store.url=jdbc:postgresql://x/y",
                "store.password=a", "store.passwordFile=b")).hasMessageContaining("'store.passwordFile'");
        assertThatThrownBy(() -> load("store.type=postgresql", "store.url=jdbc:postgresql://x/y",
                "store.passwordFile=missing")).hasMessageContaining("'store.passwordFile'")
                .isInstanceOf(KeywardenConfig.ConfigException.class);
    }
}
