package io.keywarden.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.CreateKeyRequest;
import io.keywarden.kms.config.KeywardenConfig;
import io.keywarden.provider.envelope.DataKeyCachePolicy;
import io.keywarden.provider.testing.TestBackends;
import io.keywarden.provider.testing.TestKmsInstance;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProviderException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Properties;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data-key caching switched on by keywarden.conf alone, for unchanged applications. */
class DataKeyCacheSettingsTest {

    @TempDir
    Path dir;

    @Test
    void offByDefaultAndParsedWhenOn() {
        assertThat(DataKeyCacheSettings.fromProperties(new Properties())).isNull();
        Properties p = new Properties();
        p.setProperty("cache.dataKeys", "on");
        assertThat(DataKeyCacheSettings.fromProperties(p)).isEqualTo(DataKeyCachePolicy.defaults())
                .isEqualTo(new DataKeyCachePolicy(Duration.ofSeconds(300), 65_536, 1L << 32, 100));
        p.setProperty("cache.dataKeys.maxMessages", "3");
        assertThat(DataKeyCacheSettings.fromProperties(p))
                .isEqualTo(new DataKeyCachePolicy(Duration.ofSeconds(300), 3, 1L << 32, 100));
    }

    @Test
    void badValuesNameTheSetting() {
        Properties p = new Properties();
        p.setProperty("cache.dataKeys", "maybe");
        assertThatThrownBy(() -> DataKeyCacheSettings.fromProperties(p))
                .isInstanceOf(KeywardenConfig.ConfigException.class).hasMessageContaining("cache.dataKeys");
        p.setProperty("cache.dataKeys", "on");
        p.setProperty("cache.dataKeys.maxAgeSeconds", "soon");
        assertThatThrownBy(() -> DataKeyCacheSettings.fromProperties(p))
                .isInstanceOf(KeywardenConfig.ConfigException.class)
                .hasMessageContaining("cache.dataKeys.maxAgeSeconds");
        p.setProperty("cache.dataKeys.maxAgeSeconds", "0");
        assertThatThrownBy(() -> DataKeyCacheSettings.fromProperties(p))
                .isInstanceOf(KeywardenConfig.ConfigException.class).hasMessageContaining("maxAge");
    }

    @Test
    void configuredCachingReusesTheDataKeyAcrossMessages() throws Exception {
        Path conf = dir.resolve("keywarden.conf");
        try (TestKmsInstance kms = TestBackends.openSelected(dir.resolve("kms"))) {
            Files.writeString(conf, kms.configuration() + "cache.dataKeys=on\ncache.dataKeys.maxMessages=2\n");
            configuredCachingReusesTheDataKey(conf);
        }
    }

    private static void configuredCachingReusesTheDataKey(Path conf) throws Exception {
        KeywardenProvider provider = (KeywardenProvider) new KeywardenProvider().configure(conf.toString());
        KeywardenRuntime runtime = provider.runtime();
        String keyId = runtime.backend().createKey(CreateKeyRequest.builder().build()).keyMetadata().keyId();
        KmsKey handle = KmsKeys.handle(runtime, keyId);

        byte[][] wrapped = new byte[3][];
        for (int i = 0; i < 3; i++) {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding", provider);
            c.init(Cipher.ENCRYPT_MODE, handle);
            wrapped[i] = wrappedKey(c.doFinal(("message " + i).getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(wrapped[1]).as("second message, same cached data key").isEqualTo(wrapped[0]);
        assertThat(Arrays.equals(wrapped[2], wrapped[0])).as("third message: maxMessages=2 forces a new key")
                .isFalse();
    }

    @Test
    void misconfiguredCachingIsAProviderExceptionNamingTheSetting() throws Exception {
        Path conf = dir.resolve("bad.conf");
        Files.writeString(conf, "store=store\ncache.dataKeys=on\ncache.dataKeys.maxEntries=none\n");
        KeywardenProvider provider = (KeywardenProvider) new KeywardenProvider().configure(conf.toString());
        assertThatThrownBy(() -> provider.runtime().backend())
                .isInstanceOf(ProviderException.class).hasMessageContaining("cache.dataKeys.maxEntries");
    }

    /** The wrappedKey field of an envelope header (docs/envelope-format.md §2). */
    private static byte[] wrappedKey(byte[] envelope) {
        ByteBuffer b = ByteBuffer.wrap(envelope);
        int k = Short.toUnsignedInt(b.getShort(42));
        int w = Short.toUnsignedInt(b.getShort(44 + k));
        return Arrays.copyOfRange(envelope, 46 + k, 46 + k + w);
    }
}
