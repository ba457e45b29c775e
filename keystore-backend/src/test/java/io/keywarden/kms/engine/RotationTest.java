package io.keywarden.kms.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.keywarden.kms.api.CancelKeyDeletionRequest;
import io.keywarden.kms.api.DecryptRequest;
import io.keywarden.kms.api.DescribeKeyRequest;
import io.keywarden.kms.api.DisableKeyRequest;
import io.keywarden.kms.api.DisableKeyRotationRequest;
import io.keywarden.kms.api.EnableKeyRequest;
import io.keywarden.kms.api.EnableKeyRotationRequest;
import io.keywarden.kms.api.EncryptRequest;
import io.keywarden.kms.api.GetKeyRotationStatusRequest;
import io.keywarden.kms.api.GetKeyRotationStatusResponse;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.ListKeyRotationsRequest;
import io.keywarden.kms.api.ListKeyRotationsResponse;
import io.keywarden.kms.api.RotateKeyOnDemandRequest;
import io.keywarden.kms.api.RotationType;
import io.keywarden.kms.api.RotationsListEntry;
import io.keywarden.kms.api.ScheduleKeyDeletionRequest;
import io.keywarden.kms.api.errors.KmsException;
import io.keywarden.kms.api.errors.KmsUnsupportedOperationException;
import io.keywarden.kms.api.errors.LimitExceededException;
import io.keywarden.kms.api.errors.ValidationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Automatic and on-demand rotation of symmetric keys, on a real store with a clock the test moves. */
class RotationTest {

    static final Duration YEAR = Duration.ofDays(365);

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
    void enableKeyRotationDefaultsTo365Days() {
        String key = f.symmetricKey();
        assertThat(status(key).keyRotationEnabled()).isFalse();

        f.kms.enableKeyRotation(new EnableKeyRotationRequest(key, null));

        GetKeyRotationStatusResponse status = status(key);
        assertThat(status.keyRotationEnabled()).isTrue();
        assertThat(status.keyId()).isEqualTo(arn(key));
        assertThat(status.rotationPeriodInDays()).isEqualTo(365);
        assertThat(status.nextRotationDate()).isEqualTo(f.clock.instant().plus(YEAR));

        f.kms.disableKeyRotation(new DisableKeyRotationRequest(key));
        assertThat(status(key).keyRotationEnabled()).isFalse();
    }

    @ParameterizedTest(name = "RotationPeriodInDays {0} is accepted")
    @ValueSource(ints = {90, 180, 2560})
    void rotationPeriodWithinBoundsIsAccepted(int days) {
        String key = f.symmetricKey();
        f.kms.enableKeyRotation(new EnableKeyRotationRequest(key, days));
        assertThat(status(key).rotationPeriodInDays()).isEqualTo(days);
        assertThat(status(key).nextRotationDate()).isEqualTo(f.clock.instant().plus(Duration.ofDays(days)));
    }

    @ParameterizedTest(name = "RotationPeriodInDays {0} → ValidationException")
    @ValueSource(ints = {0, 89, 2561})
    void rotationPeriodOutsideBoundsIsRefused(int days) {
        String key = f.symmetricKey();
        assertError(() -> f.kms.enableKeyRotation(new EnableKeyRotationRequest(key, days)), ValidationException.class,
                "ValidationException");
        assertThat(status(key).keyRotationEnabled()).isFalse();
    }

    @Test
    void fiveYearsOfAutomaticRotation() {
        Instant start = f.clock.instant();
        String key = f.symmetricKey();
        f.kms.enableKeyRotation(new EnableKeyRotationRequest(key, 365));

        List<byte[]> blobs = new ArrayList<>();
        List<String> materials = new ArrayList<>();
        for (int year = 0; year <= 5; year++) {
            byte[] plaintext = ("year " + year).getBytes(StandardCharsets.UTF_8);
            byte[] blob = encrypt(key, plaintext);
            blobs.add(blob);
            String used = f.kms.decrypt(DecryptRequest.builder().ciphertextBlob(blob).build()).keyMaterialId();
            // New encryptions use the newest material: the key's current one.
            assertThat(used).as("year %d", year).isEqualTo(currentMaterial(key));
            materials.add(used);
            if (year < 5) {
                f.clock.advance(YEAR);
            }
        }
        assertThat(new HashSet<>(materials)).as("one material per year").hasSize(6);

        // Ciphertexts made in each year all still decrypt, each with the material of its year.
        for (int year = 0; year <= 5; year++) {
            var decrypted = f.kms.decrypt(DecryptRequest.builder().ciphertextBlob(blobs.get(year)).keyId(key).build());
            assertThat(new String(decrypted.plaintext(), StandardCharsets.UTF_8)).isEqualTo("year " + year);
            assertThat(decrypted.keyMaterialId()).isEqualTo(materials.get(year));
        }

        List<RotationsListEntry> rotations = rotations(key, null, null).rotations();
        assertThat(rotations).hasSize(5);
        for (int i = 0; i < 5; i++) {
            RotationsListEntry r = rotations.get(i);
            assertThat(r.rotationType()).isEqualTo(RotationType.AUTOMATIC);
            assertThat(r.keyId()).isEqualTo(arn(key));
            assertThat(r.rotationDate()).isEqualTo(start.plus(YEAR.multipliedBy(i + 1)));
            assertThat(r.keyMaterialId()).isEqualTo(materials.get(i + 1));
        }
        assertThat(status(key).nextRotationDate()).isEqualTo(start.plus(YEAR.multipliedBy(6)));

        // Paging with Limit 2: 2 + 2 + 1, the same entries in the same order.
        List<RotationsListEntry> paged = new ArrayList<>();
        String marker = null;
        List<Integer> pageSizes = new ArrayList<>();
        do {
            ListKeyRotationsResponse page = rotations(key, 2, marker);
            pageSizes.add(page.rotations().size());
            paged.addAll(page.rotations());
            assertThat(page.truncated()).isEqualTo(page.nextMarker() != null);
            marker = page.nextMarker();
        } while (marker != null);
        assertThat(pageSizes).containsExactly(2, 2, 1);
        assertThat(paged).isEqualTo(rotations);
    }

    @Test
    void runDueTasksRotatesAKeyNobodyTouches() {
        Instant start = f.clock.instant();
        String key = f.symmetricKey();
        f.symmetricKey(); // a key without rotation, never due
        f.kms.enableKeyRotation(new EnableKeyRotationRequest(key, 90));

        f.clock.advance(Duration.ofDays(89));
        assertThat(f.kms.runDueTasks()).isZero();

        f.clock.advance(Duration.ofDays(1));
        assertThat(f.kms.runDueTasks()).isEqualTo(1);
        assertThat(f.kms.runDueTasks()).as("done once").isZero();

        List<RotationsListEntry> rotations = rotations(key, null, null).rotations();
        assertThat(rotations).singleElement().satisfies(r -> {
            assertThat(r.rotationType()).isEqualTo(RotationType.AUTOMATIC);
            assertThat(r.rotationDate()).isEqualTo(start.plus(Duration.ofDays(90)));
        });
        assertThat(status(key).nextRotationDate()).isEqualTo(start.plus(Duration.ofDays(180)));
    }

    @Test
    void aDisabledKeyDoesNotRotateAndRotatesWhenEnabledAgainIfDue() {
        Instant start = f.clock.instant();
        String key = f.symmetricKey();
        f.kms.enableKeyRotation(new EnableKeyRotationRequest(key, 90));
        f.kms.disableKey(new DisableKeyRequest(key));
        String before = currentMaterial(key);

        f.clock.advance(Duration.ofDays(100));
        f.kms.runDueTasks();
        assertThat(rotations(key, null, null).rotations()).isEmpty();
        assertThat(currentMaterial(key)).isEqualTo(before);
        assertThat(status(key).keyRotationEnabled()).as("disabling the key keeps its rotation status").isTrue();

        f.kms.enableKey(new EnableKeyRequest(key));

        assertThat(rotations(key, null, null).rotations()).singleElement()
                .satisfies(r -> assertThat(r.rotationType()).isEqualTo(RotationType.AUTOMATIC));
        assertThat(currentMaterial(key)).isNotEqualTo(before);
        assertThat(status(key).nextRotationDate()).isAfter(f.clock.instant());
        assertThat(status(key).nextRotationDate()).isEqualTo(start.plus(Duration.ofDays(180)));
    }

    @Test
    void aKeyNotYetDueDoesNotRotateWhenEnabledAgain() {
        String key = f.symmetricKey();
        f.kms.enableKeyRotation(new EnableKeyRotationRequest(key, 90));
        f.kms.disableKey(new DisableKeyRequest(key));
        f.clock.advance(Duration.ofDays(30));
        f.kms.enableKey(new EnableKeyRequest(key));
        assertThat(rotations(key, null, null).rotations()).isEmpty();
    }

    @Test
    void statusReadsFalseWhilePendingDeletionAndComesBackAfterCancel() {
        String key = f.symmetricKey();
        f.kms.enableKeyRotation(new EnableKeyRotationRequest(key, 180));

        f.kms.scheduleKeyDeletion(new ScheduleKeyDeletionRequest(key, 7));
        GetKeyRotationStatusResponse pending = status(key);
        assertThat(pending.keyRotationEnabled()).isFalse();
        assertThat(pending.rotationPeriodInDays()).isNull();
        assertThat(pending.nextRotationDate()).isNull();

        f.kms.cancelKeyDeletion(new CancelKeyDeletionRequest(key));
        GetKeyRotationStatusResponse back = status(key);
        assertThat(back.keyRotationEnabled()).isTrue();
        assertThat(back.rotationPeriodInDays()).isEqualTo(180);
    }

    @Test
    void rotateKeyOnDemandUpTo25Times() {
        String key = f.symmetricKey();
        Set<String> seen = new HashSet<>();
        seen.add(currentMaterial(key));
        for (int i = 1; i <= 25; i++) {
            assertThat(f.kms.rotateKeyOnDemand(new RotateKeyOnDemandRequest(key)).keyId()).isEqualTo(arn(key));
            assertThat(seen.add(currentMaterial(key))).as("rotation %d gives new material", i).isTrue();
        }
        List<RotationsListEntry> rotations = rotations(key, 1000, null).rotations();
        assertThat(rotations).hasSize(25).allSatisfy(r -> {
            assertThat(r.rotationType()).isEqualTo(RotationType.ON_DEMAND);
            assertThat(r.rotationDate()).isEqualTo(f.clock.instant());
        });

        KmsException limit = assertError(() -> f.kms.rotateKeyOnDemand(new RotateKeyOnDemandRequest(key)),
                LimitExceededException.class, "LimitExceededException");
        assertThat(limit.getMessage()).contains(arn(key));
        assertThat(rotations(key, 1000, null).rotations()).hasSize(25);
    }

    @Test
    void onDemandAndAutomaticRotationsAreListedTogether() {
        String key = f.symmetricKey();
        f.kms.enableKeyRotation(new EnableKeyRotationRequest(key, 90));
        f.kms.rotateKeyOnDemand(new RotateKeyOnDemandRequest(key));
        f.clock.advance(Duration.ofDays(90));
        f.kms.runDueTasks();
        assertThat(rotations(key, null, null).rotations()).extracting(RotationsListEntry::rotationType)
                .containsExactly(RotationType.ON_DEMAND, RotationType.AUTOMATIC);
    }

    @Test
    void rotationOfHmacRsaAndExternalKeysIsUnsupported() {
        String hmac = f.create(KeySpec.HMAC_256, KeyUsage.GENERATE_VERIFY_MAC).keyId();
        String rsa = f.create(KeySpec.RSA_2048, KeyUsage.ENCRYPT_DECRYPT).keyId();
        String external = f.createExternal(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT).keyId();
        ImportHelper.importMaterial(f.kms, external, ImportHelper.randomBytes(32)); // Enabled, so only the origin is wrong

        for (String key : List.of(hmac, rsa, external)) {
            unsupported(key, () -> f.kms.enableKeyRotation(new EnableKeyRotationRequest(key, null)));
            unsupported(key, () -> f.kms.disableKeyRotation(new DisableKeyRotationRequest(key)));
            unsupported(key, () -> f.kms.rotateKeyOnDemand(new RotateKeyOnDemandRequest(key)));
            assertThat(status(key).keyRotationEnabled()).as("status of a key that cannot rotate").isFalse();
        }
        unsupported(hmac, () -> rotations(hmac, null, null));
        unsupported(rsa, () -> rotations(rsa, null, null));
        assertThat(rotations(external, null, null).rotations()).as("imported material never rotates").isEmpty();
    }

    // ---------------------------------------------------------------------------------------------

    private void unsupported(String key, ThrowingCallable call) {
        KmsException e = assertError(call, KmsUnsupportedOperationException.class, "UnsupportedOperationException");
        assertThat(e.getMessage()).contains(arn(key));
    }

    /** The call fails with {@code type} whose AWS error type is {@code errorType}. */
    static KmsException assertError(ThrowingCallable call, Class<? extends KmsException> type, String errorType) {
        KmsException e = catchThrowableOfType(call, KmsException.class);
        assertThat(e).as("expected %s", errorType).isInstanceOf(type);
        assertThat(e.errorType()).isEqualTo(errorType);
        return e;
    }

    private GetKeyRotationStatusResponse status(String key) {
        return f.kms.getKeyRotationStatus(new GetKeyRotationStatusRequest(key));
    }

    private ListKeyRotationsResponse rotations(String key, Integer limit, String marker) {
        return f.kms.listKeyRotations(ListKeyRotationsRequest.builder().keyId(key).limit(limit).marker(marker).build());
    }

    private byte[] encrypt(String key, byte[] plaintext) {
        return f.kms.encrypt(EncryptRequest.builder().keyId(key).plaintext(plaintext).build()).ciphertextBlob();
    }

    private String currentMaterial(String key) {
        return f.kms.describeKey(new DescribeKeyRequest(key, null)).keyMetadata().currentKeyMaterialId();
    }

    private static String arn(String key) {
        return EngineFixture.SETTINGS.keyArn(key);
    }
}
