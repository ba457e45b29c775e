package io.keywarden.kms.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.kms.api.Caller;
import io.keywarden.kms.api.DisableKeyRequest;
import io.keywarden.kms.api.EnableKeyRequest;
import io.keywarden.kms.api.ExpirationModelType;
import io.keywarden.kms.api.GenerateMacRequest;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.MacAlgorithmSpec;
import io.keywarden.kms.api.MacSession;
import io.keywarden.kms.api.OpenMacSessionRequest;
import io.keywarden.kms.api.errors.AccessDeniedException;
import io.keywarden.kms.api.errors.DisabledException;
import io.keywarden.kms.api.errors.InvalidKeyUsageException;
import io.keywarden.kms.api.errors.KMSInvalidStateException;
import io.keywarden.kms.api.errors.NotFoundException;
import io.keywarden.kms.api.errors.ValidationException;
import io.keywarden.kms.audit.AuditTrail;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keywarden.kms.config.ServiceSettings;
import io.keywarden.kms.store.RootKeySource;
import io.keywarden.kms.store.SqliteKmsStore;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MAC sessions (docs/engine.md, "MAC sessions"): the MACs are GenerateMac's and HMAC's, for messages
 * of any length; the authorization is renewed, with an audit event each time, after maxMessages MACs,
 * after maxAge, and after any change to the store (through this engine at once, by another process
 * within the recheck window); a renewal that is refused releases no MAC.
 */
class MacSessionTest {

    @TempDir
    Path dir;

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    private SqliteKmsStore openStore() {
        return SqliteKmsStore.open(dir.resolve("store"), RootKeySource.keyFile(dir.resolve("store").resolve("root.key")));
    }

    private KmsEngine engine() {
        return new KmsEngine(openStore(), clock, EngineFixture.SETTINGS, true, ServiceSettings.unthrottled(), nanos::get);
    }

    private static OpenMacSessionRequest.Builder open(String keyId) {
        return OpenMacSessionRequest.builder().keyId(keyId).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256);
    }

    private static String hmacKey(KmsEngine kms) {
        return kms.createKey(io.keywarden.kms.api.CreateKeyRequest.builder().keySpec(KeySpec.HMAC_256)
                .keyUsage(KeyUsage.GENERATE_VERIFY_MAC).build()).keyMetadata().keyId();
    }

    private static byte[] generateMac(KmsEngine kms, String keyId, byte[] message) {
        return kms.generateMac(GenerateMacRequest.builder().keyId(keyId).message(message)
                .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256).build()).mac();
    }

    private static byte[] mac(MacSession.Computation c, byte[] message) {
        c.update(message, 0, message.length);
        return c.doFinal();
    }

    /** The events of one operation in the store's trail (read after the engine closed). */
    private List<JsonNode> events(String operation) {
        List<JsonNode> out = new ArrayList<>();
        try (SqliteKmsStore s = openStore()) {
            AuditTrail.list(s, new AuditTrail.Filter(null, null, operation, null, null, false),
                    e -> out.add(read(e)));
        }
        return out;
    }

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void sessionMacsAreGenerateMacsAndOneEventCoversThemAll() {
        String keyId;
        try (KmsEngine kms = engine()) {
            keyId = hmacKey(kms);
            try (MacSession session = kms.openMacSession(open(keyId).build())) {
                assertThat(session.keyArn()).endsWith(keyId);
                assertThat(session.macLength()).isEqualTo(32);
                assertThat(session.toString()).isEqualTo("MacSession[" + session.keyArn() + "]");
                MacSession.Computation c = session.newComputation();
                for (int n : new int[] {0, 1, 100, 4096}) {
                    byte[] m = ImportHelper.randomBytes(n);
                    assertThat(mac(c, m)).isEqualTo(generateMac(kms, keyId, m));
                }
                // In pieces, through a ByteBuffer, and after a reset.
                byte[] m = ImportHelper.randomBytes(300);
                c.update(new byte[] {9, 9}, 0, 2);
                c.reset();
                c.update(m, 0, 100);
                c.update(ByteBuffer.wrap(m, 100, 200));
                assertThat(c.doFinal()).isEqualTo(generateMac(kms, keyId, m));
            }
        }
        List<JsonNode> opens = events("OpenMacSession");
        assertThat(opens).hasSize(1);
        JsonNode params = opens.get(0).path("requestParameters");
        assertThat(params.path("keyId").asText()).isEqualTo(keyId);
        assertThat(params.path("macAlgorithm").asText()).isEqualTo("HMAC_SHA_256");
        assertThat(opens.get(0).toString()).doesNotContain("material").doesNotContain("secret");
        assertThat(events("GenerateMac")).hasSize(5); // the comparisons only
    }

    @Test
    void messagesLongerThanGenerateMacsLimitAreHmacOfTheImportedKey() throws Exception {
        byte[] material = ImportHelper.randomBytes(32);
        try (KmsEngine kms = engine()) {
            String keyId = kms.createKey(io.keywarden.kms.api.CreateKeyRequest.builder().keySpec(KeySpec.HMAC_256)
                    .keyUsage(KeyUsage.GENERATE_VERIFY_MAC).origin(io.keywarden.kms.api.OriginType.EXTERNAL).build())
                    .keyMetadata().keyId();
            ImportHelper.importMaterial(kms, keyId, material);
            Mac jdk = Mac.getInstance("HmacSHA256");
            jdk.init(new SecretKeySpec(material, "HmacSHA256"));
            try (MacSession session = kms.openMacSession(open(keyId).build())) {
                MacSession.Computation c = session.newComputation();
                for (int n : new int[] {4097, 65_536, 1 << 20}) {
                    byte[] m = ImportHelper.randomBytes(n);
                    assertThat(mac(c, m)).isEqualTo(jdk.doFinal(m));
                }
            }
        }
    }

    @Test
    void theAuthorizationIsRenewedAfterMaxMessagesWithAnEventEach() {
        try (KmsEngine kms = engine()) {
            String keyId = hmacKey(kms);
            try (MacSession session = kms.openMacSession(open(keyId).maxMessages(3L).build())) {
                MacSession.Computation c = session.newComputation();
                byte[] first = mac(c, new byte[] {1});
                for (int i = 1; i < 10; i++) {
                    assertThat(mac(c, new byte[] {1})).isEqualTo(first);
                }
            }
        }
        List<JsonNode> opens = events("OpenMacSession");
        assertThat(opens).hasSize(4); // 10 MACs, 3 per authorization
        assertThat(opens.get(0).path("requestParameters").path("maxMessages").asLong()).isEqualTo(3);
    }

    @Test
    void threadsNeverTakeMoreThanMaxMessagesFromOneAuthorization() throws Exception {
        int threads = 4;
        int each = 500;
        long max = 100;
        try (KmsEngine kms = engine()) {
            String keyId = hmacKey(kms);
            try (MacSession session = kms.openMacSession(open(keyId).maxMessages(max).build())) {
                byte[] expected = mac(session.newComputation(), new byte[] {3});
                Thread[] ts = new Thread[threads];
                java.util.concurrent.atomic.AtomicInteger wrong = new java.util.concurrent.atomic.AtomicInteger();
                for (int t = 0; t < threads; t++) {
                    ts[t] = new Thread(() -> {
                        MacSession.Computation c = session.newComputation();
                        for (int i = 0; i < each; i++) {
                            if (!java.util.Arrays.equals(mac(c, new byte[] {3}), expected)) {
                                wrong.incrementAndGet();
                            }
                        }
                    });
                    ts[t].start();
                }
                for (Thread t : ts) {
                    t.join();
                }
                assertThat(wrong).hasValue(0);
            }
        }
        // 1 + 2000 MACs at most 100 per authorization: at least 21 authorizations, each an event.
        assertThat(events("OpenMacSession").size()).isGreaterThanOrEqualTo((int) ((1 + threads * each + max - 1) / max));
    }

    @Test
    void theAuthorizationIsRenewedAfterMaxAge() {
        try (KmsEngine kms = engine()) {
            String keyId = hmacKey(kms);
            try (MacSession session = kms.openMacSession(open(keyId).maxAgeSeconds(10).build())) {
                MacSession.Computation c = session.newComputation();
                mac(c, new byte[] {1});
                nanos.addAndGet(Duration.ofSeconds(9).toNanos());
                mac(c, new byte[] {1});
                nanos.addAndGet(Duration.ofSeconds(2).toNanos());
                mac(c, new byte[] {1});
                mac(c, new byte[] {1});
            }
        }
        assertThat(events("OpenMacSession")).hasSize(2);
    }

    @Test
    void disablingTheKeyStopsTheNextMacAndEnablingItResumes() {
        try (KmsEngine kms = engine()) {
            String keyId = hmacKey(kms);
            try (MacSession session = kms.openMacSession(open(keyId).build())) {
                MacSession.Computation c = session.newComputation();
                byte[] before = mac(c, new byte[] {7});
                kms.disableKey(DisableKeyRequest.builder().keyId(keyId).build());
                c.update(new byte[] {7}, 0, 1);
                assertThatThrownBy(c::doFinal).isInstanceOf(DisabledException.class);
                assertThatThrownBy(() -> mac(c, new byte[] {7})).isInstanceOf(DisabledException.class);
                kms.enableKey(EnableKeyRequest.builder().keyId(keyId).build());
                assertThat(mac(c, new byte[] {7})).isEqualTo(before);
            }
        }
        List<JsonNode> opens = events("OpenMacSession");
        assertThat(opens).hasSize(4);
        assertThat(opens).filteredOn(e -> e.path("errorCode").asText().equals("DisabledException")).hasSize(2);
    }

    @Test
    void aChangeByAnotherProcessIsSeenWithinTheRecheckWindow() throws Exception {
        try (KmsEngine app = new KmsEngine(openStore(), Clock.systemUTC(), EngineFixture.SETTINGS);
                KmsEngine admin = new KmsEngine(openStore(), Clock.systemUTC(), EngineFixture.SETTINGS)) {
            String keyId = hmacKey(app);
            try (MacSession session = app.openMacSession(open(keyId).build())) {
                MacSession.Computation c = session.newComputation();
                mac(c, new byte[] {1});
                admin.disableKey(DisableKeyRequest.builder().keyId(keyId).build());
                Thread.sleep(CachingStore.DEFAULT_RECHECK_NANOS / 1_000_000 + 20);
                assertThatThrownBy(() -> mac(c, new byte[] {1})).isInstanceOf(DisabledException.class);
            }
        }
    }

    @Test
    void expiredImportedMaterialEndsTheSession() {
        try (KmsEngine kms = engine()) {
            String keyId = kms.createKey(io.keywarden.kms.api.CreateKeyRequest.builder().keySpec(KeySpec.HMAC_256)
                    .keyUsage(KeyUsage.GENERATE_VERIFY_MAC).origin(io.keywarden.kms.api.OriginType.EXTERNAL).build())
                    .keyMetadata().keyId();
            ImportHelper.Params p = ImportHelper.params(kms, keyId);
            kms.importKeyMaterial(io.keywarden.kms.api.ImportKeyMaterialRequest.builder().keyId(keyId)
                    .importToken(p.token()).encryptedKeyMaterial(p.wrap(ImportHelper.randomBytes(32)))
                    .validTo(clock.instant().plus(Duration.ofDays(10)))
                    .expirationModel(ExpirationModelType.KEY_MATERIAL_EXPIRES).build());
            try (MacSession session = kms.openMacSession(open(keyId).build())) {
                MacSession.Computation c = session.newComputation();
                mac(c, new byte[] {1});
                clock.advance(Duration.ofDays(11));
                assertThatThrownBy(() -> mac(c, new byte[] {1})).isInstanceOf(KMSInvalidStateException.class);
            }
        }
    }

    @Test
    void openingIsRefusedAsGenerateMacWouldBe() {
        try (KmsEngine kms = engine()) {
            String hmac = hmacKey(kms);
            String aes = kms.createKey(io.keywarden.kms.api.CreateKeyRequest.builder().build()).keyMetadata().keyId();
            assertThatThrownBy(() -> kms.openMacSession(open(aes).build())).isInstanceOf(InvalidKeyUsageException.class);
            assertThatThrownBy(() -> kms.openMacSession(open(hmac).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_512).build()))
                    .isInstanceOf(InvalidKeyUsageException.class);
            assertThatThrownBy(() -> kms.openMacSession(open("alias/missing").build()))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> kms.openMacSession(open(hmac).macAlgorithm(null).build()))
                    .isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> kms.openMacSession(open(hmac).maxMessages(0L).build()))
                    .isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> kms.openMacSession(open(hmac).maxAgeSeconds(86_401).build()))
                    .isInstanceOf(ValidationException.class);
            var eve = kms.forCaller(Caller.of("arn:aws:iam::999988887777:user/eve"));
            assertThatThrownBy(() -> eve.openMacSession(open(kms.describeKey(
                    io.keywarden.kms.api.DescribeKeyRequest.builder().keyId(hmac).build()).keyMetadata().arn()).build()))
                    .isInstanceOf(AccessDeniedException.class);
            kms.disableKey(DisableKeyRequest.builder().keyId(hmac).build());
            assertThatThrownBy(() -> kms.openMacSession(open(hmac).build())).isInstanceOf(DisabledException.class);
        }
    }

    @Test
    void aClosedSessionMakesNoNewComputationsButFinishesTheOnesItMade() {
        try (KmsEngine kms = engine()) {
            String keyId = hmacKey(kms);
            MacSession session = kms.openMacSession(open(keyId).build());
            MacSession.Computation c = session.newComputation();
            byte[] m = {4, 2};
            byte[] before = mac(c, m);
            session.close();
            assertThatThrownBy(session::newComputation).isInstanceOf(IllegalStateException.class);
            assertThat(mac(c, m)).isEqualTo(before);
        }
    }
}
