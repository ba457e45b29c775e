package io.keywarden.kms.engine;

import static io.keywarden.kms.engine.RotationTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.keywarden.kms.api.AliasListEntry;
import io.keywarden.kms.api.CancelKeyDeletionRequest;
import io.keywarden.kms.api.CreateAliasRequest;
import io.keywarden.kms.api.DecryptRequest;
import io.keywarden.kms.api.DescribeKeyRequest;
import io.keywarden.kms.api.EnableKeyRequest;
import io.keywarden.kms.api.EncryptRequest;
import io.keywarden.kms.api.KeyMetadata;
import io.keywarden.kms.api.KeyState;
import io.keywarden.kms.api.ListAliasesRequest;
import io.keywarden.kms.api.ScheduleKeyDeletionRequest;
import io.keywarden.kms.api.ScheduleKeyDeletionResponse;
import io.keywarden.kms.api.errors.NotFoundException;
import io.keywarden.kms.api.errors.ValidationException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ScheduleKeyDeletion, CancelKeyDeletion, and what is left when the waiting period is over: nothing. */
class DeletionTest {

    static final byte[] DATA = {1, 2, 3, 4};

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

    @Test
    void theWindowDefaultsTo30Days() {
        String key = f.symmetricKey();
        Instant now = f.clock.instant();

        ScheduleKeyDeletionResponse r = f.kms.scheduleKeyDeletion(new ScheduleKeyDeletionRequest(key, null));

        assertThat(r.keyId()).isEqualTo(arn(key));
        assertThat(r.pendingWindowInDays()).isEqualTo(30);
        assertThat(r.keyState()).isEqualTo(KeyState.PendingDeletion);
        assertThat(r.deletionDate()).isEqualTo(now.plus(Duration.ofDays(30)));
        KeyMetadata m = describe(key);
        assertThat(m.keyState()).isEqualTo(KeyState.PendingDeletion);
        assertThat(m.deletionDate()).isEqualTo(r.deletionDate());
        assertThat(m.pendingDeletionWindowInDays()).isEqualTo(30);
        assertThat(m.enabled()).isFalse();
    }

    @ParameterizedTest(name = "PendingWindowInDays {0} is accepted")
    @ValueSource(ints = {7, 8, 15, 29, 30})
    void windowsFrom7To30AreAccepted(int days) {
        String key = f.symmetricKey();
        ScheduleKeyDeletionResponse r = f.kms.scheduleKeyDeletion(new ScheduleKeyDeletionRequest(key, days));
        assertThat(r.pendingWindowInDays()).isEqualTo(days);
        assertThat(r.deletionDate()).isEqualTo(f.clock.instant().plus(Duration.ofDays(days)));
        assertThat(describe(key).deletionDate()).isEqualTo(r.deletionDate());
        assertThat(describe(key).pendingDeletionWindowInDays()).isEqualTo(days);
    }

    @ParameterizedTest(name = "PendingWindowInDays {0} → ValidationException")
    @ValueSource(ints = {0, 6, 31, 365})
    void windowsOutside7To30AreRefused(int days) {
        String key = f.symmetricKey();
        assertError(() -> f.kms.scheduleKeyDeletion(new ScheduleKeyDeletionRequest(key, days)),
                ValidationException.class, "ValidationException");
        assertThat(describe(key).keyState()).isEqualTo(KeyState.Enabled);
        assertThat(describe(key).deletionDate()).isNull();
    }

    @Test
    void cancelKeyDeletionLeavesTheKeyDisabledAndEnableKeyWorksAfter() {
        String key = f.symmetricKey();
        byte[] blob = encrypt(key);
        f.kms.scheduleKeyDeletion(new ScheduleKeyDeletionRequest(key, 7));

        assertThat(f.kms.cancelKeyDeletion(new CancelKeyDeletionRequest(key)).keyId()).isEqualTo(arn(key));

        KeyMetadata m = describe(key);
        assertThat(m.keyState()).isEqualTo(KeyState.Disabled);
        assertThat(m.deletionDate()).isNull();
        assertThat(m.pendingDeletionWindowInDays()).isNull();
        assertThat(m.enabled()).isFalse();

        f.kms.enableKey(new EnableKeyRequest(key));
        assertThat(describe(key).keyState()).isEqualTo(KeyState.Enabled);
        assertThat(decrypt(blob)).isEqualTo(DATA);

        // The old deletion date has no effect any more.
        f.clock.advance(Duration.ofDays(8));
        f.kms.runDueTasks();
        assertThat(decrypt(encrypt(key))).isEqualTo(DATA);
    }

    @Test
    void theKeyStaysUntilItsDeletionDate() {
        String key = f.symmetricKey();
        f.kms.scheduleKeyDeletion(new ScheduleKeyDeletionRequest(key, 7));
        f.clock.advance(Duration.ofDays(7).minusSeconds(1));
        assertThat(f.kms.runDueTasks()).isZero();
        assertThat(describe(key).keyState()).isEqualTo(KeyState.PendingDeletion);
    }

    @Test
    void whenTheWindowPassesRunDueTasksDeletesKeyMaterialAndAliases() {
        String key = f.symmetricKey();
        String other = f.symmetricKey();
        byte[] blob = encrypt(key);
        f.kms.createAlias(new CreateAliasRequest("alias/doomed", key));
        f.kms.createAlias(new CreateAliasRequest("alias/survivor", other));
        f.kms.scheduleKeyDeletion(new ScheduleKeyDeletionRequest(key, 7));

        f.clock.advance(Duration.ofDays(7));
        assertThat(f.kms.runDueTasks()).isEqualTo(1);

        // Nothing has been read of the key since: what runDueTasks did is what the store holds.
        assertThat(aliasNames()).containsExactly("alias/survivor");
        assertGone(key, blob);
        assertThat(describe(other).keyState()).isEqualTo(KeyState.Enabled);
    }

    @Test
    void whenTheWindowPassesAPlainCallFindsTheKeyGone() {
        String key = f.symmetricKey();
        byte[] blob = encrypt(key);
        f.kms.createAlias(new CreateAliasRequest("alias/doomed", key));
        f.kms.scheduleKeyDeletion(new ScheduleKeyDeletionRequest(key, 30));

        f.clock.advance(Duration.ofDays(30).plusHours(1));

        // No runDueTasks(): the first call on the key applies the deletion that fell due.
        assertError(() -> describe(key), NotFoundException.class, "NotFoundException");
        assertGone(key, blob);
        assertThat(aliasNames()).doesNotContain("alias/doomed");
        assertThat(f.kms.runDueTasks()).as("nothing left to do").isZero();
    }

    @Test
    void decryptingTheOldCiphertextIsTheFirstCallAfterTheWindow() {
        String key = f.symmetricKey();
        byte[] blob = encrypt(key);
        f.kms.scheduleKeyDeletion(new ScheduleKeyDeletionRequest(key, 7));
        f.clock.advance(Duration.ofDays(7));

        assertError(() -> decrypt(blob), NotFoundException.class, "NotFoundException");
        assertError(() -> describe(key), NotFoundException.class, "NotFoundException");
    }

    // ---------------------------------------------------------------------------------------------

    /** The key, its material and its alias are gone for good. */
    private void assertGone(String key, byte[] oldCiphertext) {
        assertError(() -> describe(key), NotFoundException.class, "NotFoundException");
        assertError(() -> describe("alias/doomed"), NotFoundException.class, "NotFoundException");
        assertError(() -> decrypt(oldCiphertext), NotFoundException.class, "NotFoundException");
        assertError(() -> f.kms.cancelKeyDeletion(new CancelKeyDeletionRequest(key)), NotFoundException.class,
                "NotFoundException");
        assertThat(aliasNames()).doesNotContain("alias/doomed");
        assertThat(f.kms.listKeys(new io.keywarden.kms.api.ListKeysRequest(null, null)).keys())
                .noneMatch(k -> k.keyId().equals(key));
    }

    private java.util.List<String> aliasNames() {
        return f.kms.listAliases(ListAliasesRequest.builder().build()).aliases().stream()
                .map(AliasListEntry::aliasName).toList();
    }

    private KeyMetadata describe(String key) {
        return f.kms.describeKey(new DescribeKeyRequest(key, null)).keyMetadata();
    }

    private byte[] encrypt(String key) {
        return f.kms.encrypt(EncryptRequest.builder().keyId(key).plaintext(DATA).build()).ciphertextBlob();
    }

    private byte[] decrypt(byte[] blob) {
        return f.kms.decrypt(DecryptRequest.builder().ciphertextBlob(blob).build()).plaintext();
    }

    private static String arn(String key) {
        return EngineFixture.SETTINGS.keyArn(key);
    }
}
