package io.keywarden.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.benchmarks.engine.CallFloorBench;
import io.keywarden.benchmarks.engine.EngineCallBench;
import io.keywarden.benchmarks.envelope.EnvelopeBench;
import io.keywarden.benchmarks.envelope.EnvelopeSubjects;
import io.keywarden.benchmarks.mac.HmacBench;
import io.keywarden.benchmarks.server.PostgresServerBench;
import io.keywarden.benchmarks.server.ServerBench;
import io.keywarden.benchmarks.server.SharedPostgres;
import io.keywarden.benchmarks.sign.SignAlgorithm;
import io.keywarden.benchmarks.sign.SignBench;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import io.keywarden.kms.api.MacAlgorithmSpec;
import io.keywarden.kms.api.errors.InvalidCiphertextException;
import io.keywarden.kms.api.VerifyMacRequest;
import javax.crypto.Mac;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Calls every benchmark method once, outside JMH, and checks what it returns, so that `mvn verify`
 * proves the benchmarks measure working code (it never runs the benchmarks themselves).
 */
class BenchmarkSmokeTest {

    static List<String> envelopeImpls() {
        List<String> names = new ArrayList<>();
        EnvelopeSubjects.names().forEach(names::add);
        return names;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("envelopeImpls")
    void envelopeRoundTripsAndDetectsTampering(String impl) throws Exception {
        EnvelopeBench b = new EnvelopeBench();
        b.impl = impl;
        b.size = 70_000; // more than one frame of every framed format
        System.setProperty(EnvelopeBench.SETUP_WARMUP, "1");
        try {
            b.setUp();
        } finally {
            System.clearProperty(EnvelopeBench.SETUP_WARMUP);
        }
        try {
            assertThat(b.warmupCalls).as("messages of the set-up's warm-up").isGreaterThan(100);
            byte[] first = b.encrypt();
            byte[] second = b.encrypt();
            assertThat(first).isNotEqualTo(second); // a fresh nonce / message key per message
            assertThat(first.length).isGreaterThan(b.size);
            assertThat(b.decrypt()).isEqualTo(Payloads.of(b.size));
            var subject = EnvelopeSubjects.create(impl, b.env);
            byte[] ct = subject.encrypt(Payloads.of(1024));
            assertThat(subject.decrypt(ct)).isEqualTo(Payloads.of(1024));
            ct[ct.length - 1] ^= 1;
            assertThatThrownBy(() -> subject.decrypt(ct)).isInstanceOfAny(GeneralSecurityException.class,
                    RuntimeException.class);
        } finally {
            b.tearDown();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"keywarden, 1024", "keywarden-cached, 1024", "keywarden-cached, 65536", "jdk, 1024", "jdk, 65536"})
    void hmacIsTheHmacOfTheMessage(String impl, int size) throws Exception {
        HmacBench b = new HmacBench();
        b.impl = impl;
        b.size = size;
        b.setUp();
        try {
            byte[] mac = b.hmac();
            assertThat(mac).hasSize(32).isEqualTo(b.hmac()); // doFinal resets the Mac
            if (size > 4096 && b.keyId != null) {
                // Beyond VerifyMac's limit: the session's MAC is checked against SunJCE's over imported
                // material in the engine's and the provider's tests; here it must be the same MAC each
                // time and another MAC for another message.
                b.message[0] ^= 1;
                assertThat(b.hmac()).hasSize(32).isNotEqualTo(mac);
            } else if (b.keyId != null) {
                assertThat(b.env.engine.verifyMac(VerifyMacRequest.builder().keyId(b.keyId).message(Payloads.of(size))
                        .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256).mac(mac).build()).macValid()).isTrue();
            } else {
                Mac jdk = Mac.getInstance("HmacSHA256", "SunJCE");
                jdk.init(b.key);
                assertThat(jdk.doFinal(Payloads.of(size))).isEqualTo(mac);
            }
        } finally {
            b.tearDown();
        }
    }

    /** A known limit, measured as such: GenerateMac takes at most 4096 bytes (AWS KMS's limit). */
    @Test
    void managedKeyHmacOverFourKibIsRefused() throws Exception {
        HmacBench b = new HmacBench();
        b.impl = "keywarden";
        b.size = 65536;
        b.setUp();
        try {
            assertThatThrownBy(b::hmac).isInstanceOf(java.security.ProviderException.class).hasMessageContaining("4096");
        } finally {
            b.tearDown();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"ecdsa-p256, keywarden", "ecdsa-p256, jdk", "ecdsa-p256, bc",
            "rsa-pss-2048, keywarden", "rsa-pss-2048, jdk", "rsa-pss-2048, bc"})
    void signaturesVerifyWithTheJdk(String alg, String impl) throws Exception {
        SignBench b = new SignBench();
        b.alg = alg;
        b.impl = impl;
        b.setUp();
        try {
            SignAlgorithm a = SignAlgorithm.named(alg);
            for (int i = 0; i < 2; i++) { // sign() resets the Signature for the next message
                Signature v = Signature.getInstance(a.jcaName(), a.jdkProvider());
                v.initVerify(b.publicKey);
                if (a.signatureParameters() != null) {
                    v.setParameter(a.signatureParameters());
                }
                v.update(Payloads.of(1024));
                assertThat(v.verify(b.sign())).isTrue();
            }
        } finally {
            b.tearDown();
        }
    }

    /** ServerWarmup's property: a 1-second warm-up instead of the benchmarks' 20. */
    @Test
    void engineCallsReturnWorkingDataKeysAndRefuseAChangedOne() {
        EngineCallBench b = new EngineCallBench();
        b.setUp();
        try {
            byte[] wrapped = b.generateDataKey();
            assertThat(wrapped).isNotEqualTo(b.wrappedDataKey);
            assertThat(b.decrypt()).isEqualTo(32);
            b.wrappedDataKey = wrapped;
            assertThat(b.decrypt()).isEqualTo(32); // a key made by the benchmark decrypts
            b.wrappedDataKey = wrapped.clone();
            b.wrappedDataKey[b.wrappedDataKey.length - 1] ^= 1;
            assertThatThrownBy(b::decrypt).isInstanceOf(InvalidCiphertextException.class);
        } finally {
            b.tearDown();
        }
    }

    @Test
    void theCallFloorsStepsDoWhatTheyStandFor() throws Exception {
        CallFloorBench b = new CallFloorBench();
        b.setUp();
        byte[] first = b.dataKeyBytes().clone();
        assertThat(b.dataKeyBytes()).hasSize(32).isNotEqualTo(first); // fresh random bytes each time

        byte[] wrapped = b.wrap();
        assertThat(wrapped).hasSize(32 + 16);
        javax.crypto.Cipher open = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        open.init(javax.crypto.Cipher.DECRYPT_MODE, b.material, new javax.crypto.spec.GCMParameterSpec(128, b.iv));
        open.updateAAD(b.aad);
        assertThat(open.doFinal(wrapped)).isEqualTo(b.dataKey); // the JDK unwraps it with the same AAD
        byte[] ivBefore = b.iv.clone();
        b.wrap();
        assertThat(b.iv).isNotEqualTo(ivBefore); // a fresh IV per wrap
        byte[] madeInSetUp = b.unwrap().clone();
        b.wrapped[0] ^= 1;
        assertThatThrownBy(b::unwrap).isInstanceOf(javax.crypto.AEADBadTagException.class); // the tag is checked
        b.wrapped[0] ^= 1;
        assertThat(b.unwrap()).isEqualTo(madeInSetUp).hasSize(32);

        assertThat(b.event).hasSize(CallFloorBench.EVENT_BYTES);
        assertThat(b.chainHash()).isEqualTo(java.security.MessageDigest.getInstance("SHA-256").digest(b.event));
    }

    private static final String SERVER_WARMUP = "keywarden.bench.serverWarmupSeconds";

    @Test
    void serverRoundTrips() {
        ServerBench b = new ServerBench();
        System.setProperty(SERVER_WARMUP, "1");
        try {
            b.setUp();
        } finally {
            System.clearProperty(SERVER_WARMUP);
        }
        try {
            assertThat(b.warmupCalls).as("calls made by the set-up's warm-up").isPositive();
            assertThat(b.decrypt().plaintext()).isEqualTo(b.plaintext);
            assertThat(b.encrypt().ciphertextBlob()).isNotEqualTo(b.ciphertext);
            assertThat(b.generateDataKey().plaintext().asByteArray()).hasSize(32);
        } finally {
            b.tearDown();
        }
    }

    /** One node starts its own PostgreSQL cluster; two nodes use one started as the suite does ({@link SharedPostgres}). */
    @ParameterizedTest(name = "nodes={0}")
    @CsvSource({"1", "2"})
    void serverRoundTripsOnPostgres(int nodes, @TempDir Path tmp) throws Exception {
        SharedPostgres shared = nodes == 2 ? SharedPostgres.start(tmp) : null;
        if (shared != null) {
            Path file = tmp.resolve("postgres.properties");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(shared.jvmArg()).isEqualTo("-D" + SharedPostgres.PROPERTY + "=" + file.toAbsolutePath());
            System.setProperty(SharedPostgres.PROPERTY, file.toAbsolutePath().toString());
        }
        PostgresServerBench b = new PostgresServerBench();
        b.nodes = nodes;
        System.setProperty(SERVER_WARMUP, "1");
        try {
            b.setUp();
            System.clearProperty(SERVER_WARMUP);
            assertThat(b.warmupCalls).as("calls made by the set-up's warm-up").isPositive();
            PostgresServerBench.Caller caller = new PostgresServerBench.Caller();
            assertThat(b.decrypt(caller).plaintext()).isEqualTo(b.plaintext);
            assertThat(caller.lastNode).isZero();
            var encrypted = b.encrypt(caller);
            assertThat(caller.lastNode).isEqualTo(nodes == 2 ? 1 : 0);
            assertThat(encrypted.ciphertextBlob()).isNotEqualTo(b.ciphertext);
            // a ciphertext made through one node decrypts through the next one (the shared database)
            b.ciphertext = encrypted.ciphertextBlob();
            assertThat(b.decrypt(caller).plaintext()).isEqualTo(b.plaintext);
            assertThat(caller.lastNode).isZero();
            assertThat(b.generateDataKey(caller).plaintext().asByteArray()).hasSize(32);
            assertThat(caller.lastNode).isEqualTo(nodes == 2 ? 1 : 0);
        } finally {
            System.clearProperty(SERVER_WARMUP);
            b.tearDown();
            if (shared != null) {
                System.clearProperty(SharedPostgres.PROPERTY);
                shared.close();
            }
        }
    }
}
