package io.keywarden.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.config.KeywardenConfig;
import io.keywarden.provider.mac.MacSessionPolicy;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@code cache.macKeys.*}: off by default, parsed when on, bad values named. */
class MacSessionSettingsTest {

    @Test
    void offByDefaultAndParsedWhenOn() {
        assertThat(MacSessionSettings.fromProperties(new Properties())).isNull();
        Properties p = new Properties();
        p.setProperty("cache.macKeys", "off");
        assertThat(MacSessionSettings.fromProperties(p)).isNull();
        p.setProperty("cache.macKeys", "on");
        assertThat(MacSessionSettings.fromProperties(p)).isEqualTo(MacSessionPolicy.defaults())
                .isEqualTo(new MacSessionPolicy(Duration.ofSeconds(300), 65_536, 100));
        p.setProperty("cache.macKeys.maxMessages", "10");
        p.setProperty("cache.macKeys.maxAgeSeconds", "60");
        p.setProperty("cache.macKeys.maxEntries", "5");
        assertThat(MacSessionSettings.fromProperties(p)).isEqualTo(new MacSessionPolicy(Duration.ofSeconds(60), 10, 5));
    }

    @Test
    void badValuesNameTheSetting() {
        Properties p = new Properties();
        p.setProperty("cache.macKeys", "yes please");
        assertThatThrownBy(() -> MacSessionSettings.fromProperties(p))
                .isInstanceOf(KeywardenConfig.ConfigException.class).hasMessageContaining("cache.macKeys");
        p.setProperty("cache.macKeys", "on");
        p.setProperty("cache.macKeys.maxMessages", "many");
        assertThatThrownBy(() -> MacSessionSettings.fromProperties(p))
                .isInstanceOf(KeywardenConfig.ConfigException.class).hasMessageContaining("cache.macKeys.maxMessages");
        p.setProperty("cache.macKeys.maxMessages", "0");
        assertThatThrownBy(() -> MacSessionSettings.fromProperties(p))
                .isInstanceOf(KeywardenConfig.ConfigException.class).hasMessageContaining("maxMessages");
        p.setProperty("cache.macKeys.maxMessages", "1");
        p.setProperty("cache.macKeys.maxAgeSeconds", "86401");
        assertThatThrownBy(() -> MacSessionSettings.fromProperties(p))
                .isInstanceOf(KeywardenConfig.ConfigException.class).hasMessageContaining("maxAge");
    }
}
