package io.keywarden.kms.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.DeleteCertificateEntryRequest;
import io.keywarden.kms.api.GetCertificateEntryRequest;
import io.keywarden.kms.api.GetCertificateEntryResponse;
import io.keywarden.kms.api.GetPublicKeyRequest;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.ListCertificateEntriesRequest;
import io.keywarden.kms.api.ListCertificateEntriesResponse;
import io.keywarden.kms.api.PutCertificateEntryRequest;
import io.keywarden.kms.api.ScheduleKeyDeletionRequest;
import io.keywarden.kms.api.errors.InvalidMarkerException;
import io.keywarden.kms.api.errors.NotFoundException;
import io.keywarden.kms.api.errors.ValidationException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateEntriesTest {

    @TempDir
    Path dir;
    EngineFixture f;

    @BeforeEach
    void open() {
        f = new EngineFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private String signingKey() {
        return f.create(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY).keyId();
    }

    private byte[] certificateOf(String keyId) {
        byte[] spki = f.kms.getPublicKey(GetPublicKeyRequest.builder().keyId(keyId).build()).publicKey();
        return TestCertificates.certify(spki, "key " + keyId);
    }

    private void put(String name, String keyId, List<byte[]> chain) {
        f.kms.putCertificateEntry(PutCertificateEntryRequest.builder().entryName(name).keyId(keyId)
                .certificateChain(chain).build());
    }

    private GetCertificateEntryResponse get(String name) {
        return f.kms.getCertificateEntry(GetCertificateEntryRequest.builder().entryName(name).build());
    }

    @Test
    void keyEntryRoundTripsItsChainAndIsReplaced() {
        String keyId = signingKey();
        byte[] leaf = certificateOf(keyId);
        byte[] ca = TestCertificates.other("CA");
        put("server", keyId, List.of(leaf, ca));

        GetCertificateEntryResponse r = get("server");
        assertThat(r.entryName()).isEqualTo("server");
        assertThat(r.keyId()).isEqualTo(keyId);
        assertThat(r.certificateChain()).containsExactly(leaf, ca);
        assertThat(r.creationDate()).isEqualTo(f.clock.instant());

        f.clock.advance(Duration.ofMinutes(1));
        put("server", keyId, List.of(leaf));
        assertThat(get("server").certificateChain()).containsExactly(leaf);
        assertThat(get("server").creationDate()).isEqualTo(f.clock.instant());
    }

    @Test
    void keyEntryAcceptsAnAliasAndStoresTheKeyId() {
        String keyId = signingKey();
        f.kms.createAlias(io.keywarden.kms.api.CreateAliasRequest.builder().aliasName("alias/web")
                .targetKeyId(keyId).build());
        put("web", "alias/web", List.of(certificateOf(keyId)));
        assertThat(get("web").keyId()).isEqualTo(keyId);
    }

    @Test
    void trustedEntryHasNoKey() {
        byte[] ca = TestCertificates.other("Root");
        put("root-ca", null, List.of(ca));
        assertThat(get("root-ca").keyId()).isNull();
        assertThat(get("root-ca").certificateChain()).containsExactly(ca);
    }

    @Test
    void firstCertificateMustCertifyTheKey() {
        String keyId = signingKey();
        String other = signingKey();
        assertThatThrownBy(() -> put("x", keyId, List.of(certificateOf(other))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("does not certify");
        assertThatThrownBy(() -> put("x", f.symmetricKey(), List.of(TestCertificates.other("s"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("asymmetric");
        assertThatThrownBy(() -> put("x", "11111111-2222-3333-4444-555555555555", List.of(certificateOf(keyId))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void namesAndChainsAreValidated() {
        byte[] ca = TestCertificates.other("CA");
        assertThatThrownBy(() -> put("", null, List.of(ca))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> put("n".repeat(257), null, List.of(ca))).isInstanceOf(ValidationException.class);
        put("n".repeat(256), null, List.of(ca));
        assertThatThrownBy(() -> put(null, null, List.of(ca))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> put("a", null, null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> put("a", null, List.of())).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> put("a", null, Collections.nCopies(11, ca))).isInstanceOf(ValidationException.class);
        put("ten", null, Collections.nCopies(10, ca));
        assertThatThrownBy(() -> put("a", null, List.of(new byte[] {0x30, 0x03, 1, 2, 3})))
                .isInstanceOf(ValidationException.class).hasMessageContaining("X.509");
        byte[] big = new byte[40_000];
        assertThatThrownBy(() -> put("a", null, List.of(big, big))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("bytes");
    }

    @Test
    void unknownEntriesAreNotFound() {
        assertThatThrownBy(() -> get("nope")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.kms.deleteCertificateEntry(DeleteCertificateEntryRequest.builder()
                .entryName("nope").build())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void deleteRemovesTheEntryButNotTheKey() {
        String keyId = signingKey();
        put("k", keyId, List.of(certificateOf(keyId)));
        f.kms.deleteCertificateEntry(DeleteCertificateEntryRequest.builder().entryName("k").build());
        assertThatThrownBy(() -> get("k")).isInstanceOf(NotFoundException.class);
        assertThat(f.kms.getPublicKey(GetPublicKeyRequest.builder().keyId(keyId).build()).publicKey()).isNotEmpty();
    }

    @Test
    void deletingTheKeyDeletesItsEntries() {
        String keyId = signingKey();
        put("k", keyId, List.of(certificateOf(keyId)));
        put("trusted", null, List.of(TestCertificates.other("CA")));
        f.kms.scheduleKeyDeletion(ScheduleKeyDeletionRequest.builder().keyId(keyId).pendingWindowInDays(7).build());
        assertThat(get("k").keyId()).isEqualTo(keyId);
        f.clock.advance(Duration.ofDays(8));
        f.kms.runDueTasks();
        assertThatThrownBy(() -> get("k")).isInstanceOf(NotFoundException.class);
        assertThat(get("trusted").keyId()).isNull();
    }

    @Test
    void listPagesInNameOrder() {
        byte[] ca = TestCertificates.other("CA");
        List<String> names = List.of("b", "a", "d", "c", "e");
        names.forEach(n -> put(n, null, List.of(ca)));
        List<String> seen = new ArrayList<>();
        String marker = null;
        do {
            ListCertificateEntriesResponse page = f.kms.listCertificateEntries(ListCertificateEntriesRequest.builder()
                    .limit(2).marker(marker).build());
            assertThat(page.entryNames()).hasSizeLessThanOrEqualTo(2);
            seen.addAll(page.entryNames());
            marker = page.truncated() ? page.nextMarker() : null;
        } while (marker != null);
        assertThat(seen).containsExactly("a", "b", "c", "d", "e");
        assertThatThrownBy(() -> f.kms.listCertificateEntries(ListCertificateEntriesRequest.builder()
                .marker("garbage!").build())).isInstanceOf(InvalidMarkerException.class);
    }
}
