package io.keywarden.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.config.KeywardenConfig;
import io.keywarden.kms.config.KeywardenConfig.ConfigException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The remote.* settings: one endpoint or several, failover settings, errors naming the setting. */
class RemoteSettingsTest {

    @TempDir
    Path dir;

    RemoteSettings settings(String lines) throws Exception {
        Path conf = dir.resolve("keywarden.conf");
        Files.writeString(conf, "backend=remote\nremote.accessKeyId=AKIDEXAMPLE\nremote.secretAccessKey=s3cr3t-value-xyz\n" + lines);
        return RemoteSettings.from(KeywardenConfig.load(conf));
    }

    @Test
    void severalEndpointsInOrderOrOne() throws Exception {
        RemoteSettings s = settings("remote.endpoints=https://a:8443, https://b:8443\n");
        assertThat(s.endpoints()).containsExactly(URI.create("https://a:8443"), URI.create("https://b:8443"));
        assertThat(s.endpoint()).isEqualTo(URI.create("https://a:8443"));
        assertThat(s.failoverCooldown()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.retryNonIdempotent()).isTrue();
        assertThat(s.maxAttempts()).isEqualTo(4);
        assertThat(s.toString()).contains("https://b:8443").doesNotContain("s3cr3t");

        RemoteSettings one = settings("remote.endpoint=http://127.0.0.1:1\nremote.failoverCooldownSeconds=5\n"
                + "remote.retryNonIdempotent=false\n");
        assertThat(one.endpoints()).containsExactly(URI.create("http://127.0.0.1:1"));
        assertThat(one.failoverCooldown()).isEqualTo(Duration.ofSeconds(5));
        assertThat(one.retryNonIdempotent()).isFalse();
        assertThat(settings("").endpoints()).as("AWS KMS's own endpoint").isEmpty();
    }

    @Test
    void badValuesNameTheSetting() {
        assertThatThrownBy(() -> settings("remote.endpoint=https://a\nremote.endpoints=https://b\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("remote.endpoints");
        assertThatThrownBy(() -> settings("remote.endpoints=https://a,ftp://b\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("remote.endpoints");
        assertThatThrownBy(() -> settings("remote.endpoints=https://a,https://a\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> settings("remote.endpoint=https://a,https://b\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("remote.endpoints");
        assertThatThrownBy(() -> settings("remote.endpoint=https://user:pw@a\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("credentials")
                .hasMessageNotContaining("pw");
        assertThatThrownBy(() -> settings("remote.endpoint=https://a\nremote.retryNonIdempotent=maybe\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("remote.retryNonIdempotent");
        assertThatThrownBy(() -> settings("remote.endpoint=https://a\nremote.failoverCooldownSeconds=0\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("remote.failoverCooldownSeconds");
    }
}
