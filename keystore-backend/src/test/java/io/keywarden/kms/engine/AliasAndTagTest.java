package io.keywarden.kms.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.AliasListEntry;
import io.keywarden.kms.api.CreateAliasRequest;
import io.keywarden.kms.api.DecryptRequest;
import io.keywarden.kms.api.DeleteAliasRequest;
import io.keywarden.kms.api.DescribeKeyRequest;
import io.keywarden.kms.api.DisableKeyRequest;
import io.keywarden.kms.api.EnableKeyRequest;
import io.keywarden.kms.api.EncryptRequest;
import io.keywarden.kms.api.KeyListEntry;
import io.keywarden.kms.api.KeyMetadata;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyState;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.ListAliasesRequest;
import io.keywarden.kms.api.ListAliasesResponse;
import io.keywarden.kms.api.ListKeysRequest;
import io.keywarden.kms.api.ListKeysResponse;
import io.keywarden.kms.api.ListResourceTagsRequest;
import io.keywarden.kms.api.ListResourceTagsResponse;
import io.keywarden.kms.api.Tag;
import io.keywarden.kms.api.TagResourceRequest;
import io.keywarden.kms.api.UntagResourceRequest;
import io.keywarden.kms.api.UpdateAliasRequest;
import io.keywarden.kms.api.UpdateKeyDescriptionRequest;
import io.keywarden.kms.api.errors.AlreadyExistsException;
import io.keywarden.kms.api.errors.DisabledException;
import io.keywarden.kms.api.errors.InvalidAliasNameException;
import io.keywarden.kms.api.errors.InvalidMarkerException;
import io.keywarden.kms.api.errors.LimitExceededException;
import io.keywarden.kms.api.errors.NotFoundException;
import io.keywarden.kms.api.errors.TagException;
import io.keywarden.kms.api.errors.ValidationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Aliases, tags, descriptions, ListKeys paging and Enable/DisableKey. */
class AliasAndTagTest {

    private static final String PREFIX = "arn:aws:kms:us-east-1:" + EngineFixture.ACCOUNT + ":";

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

    private void alias(String name, String keyId) {
        f.kms.createAlias(CreateAliasRequest.builder().aliasName(name).targetKeyId(keyId).build());
    }

    private List<AliasListEntry> aliases(String keyId) {
        return f.kms.listAliases(ListAliasesRequest.builder().keyId(keyId).build()).aliases();
    }

    // ---------------------------------------------------------------- aliases

    @Test
    void aliasesAreCreatedListedMovedAndDeleted() {
        String first = f.symmetricKey();
        String second = f.symmetricKey();
        alias("alias/app", first);
        alias("alias/app:v2/x_y-z", first);

        assertThat(aliases(first)).extracting(AliasListEntry::aliasName)
                .containsExactly("alias/app", "alias/app:v2/x_y-z");
        AliasListEntry entry = aliases(first).get(0);
        assertThat(entry.aliasArn()).isEqualTo(PREFIX + "alias/app");
        assertThat(entry.targetKeyId()).isEqualTo(first);
        assertThat(entry.creationDate()).isEqualTo(f.clock.instant());
        assertThat(aliases(second)).isEmpty();

        f.clock.advance(Duration.ofMinutes(5));
        f.kms.updateAlias(UpdateAliasRequest.builder().aliasName("alias/app").targetKeyId(second).build());
        assertThat(aliases(second)).singleElement().satisfies(a -> {
            assertThat(a.aliasName()).isEqualTo("alias/app");
            assertThat(a.lastUpdatedDate()).isAfter(a.creationDate());
        });
        assertThat(aliases(first)).extracting(AliasListEntry::aliasName).containsExactly("alias/app:v2/x_y-z");

        f.kms.deleteAlias(DeleteAliasRequest.builder().aliasName("alias/app").build());
        assertThat(aliases(second)).isEmpty();
        assertThatThrownBy(() -> f.kms.deleteAlias(DeleteAliasRequest.builder().aliasName("alias/app").build()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.kms.updateAlias(UpdateAliasRequest.builder().aliasName("alias/app")
                .targetKeyId(second).build())).isInstanceOf(NotFoundException.class);
        // The name is free again.
        alias("alias/app", second);
    }

    @Test
    void aliasNamesFollowAwsRules() {
        String keyId = f.symmetricKey();
        alias("alias/" + "a".repeat(250), keyId);
        for (String bad : List.of("app", "alias/", "Alias/app", "alias/with space", "alias/ü", "alias/a.b",
                "alias/aws/mine", "alias/" + "a".repeat(251))) {
            assertThatThrownBy(() -> alias(bad, keyId)).as(bad)
                    .isInstanceOfAny(InvalidAliasNameException.class, ValidationException.class);
        }
        assertThatThrownBy(() -> alias("alias/aws/mine", keyId)).isInstanceOf(InvalidAliasNameException.class);
        assertThatThrownBy(() -> alias("no-prefix", keyId)).isInstanceOf(InvalidAliasNameException.class);
        assertThatThrownBy(() -> alias("alias/bad*char", keyId)).isInstanceOf(InvalidAliasNameException.class);
        assertThat(aliases(keyId)).hasSize(1);
    }

    @Test
    void aDuplicateAliasIsAlreadyExists() {
        String keyId = f.symmetricKey();
        alias("alias/dup", keyId);
        assertThatThrownBy(() -> alias("alias/dup", f.symmetricKey())).isInstanceOf(AlreadyExistsException.class);
        assertThatThrownBy(() -> alias("alias/dup", keyId)).isInstanceOf(AlreadyExistsException.class);
    }

    @Test
    void anAliasTargetsAKeyByIdOrKeyArnOnly() {
        String keyId = f.symmetricKey();
        alias("alias/by-arn", PREFIX + "key/" + keyId);
        assertThat(aliases(keyId)).hasSize(1);
        assertThatThrownBy(() -> alias("alias/by-alias", "alias/by-arn")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> alias("alias/nowhere", UUID.randomUUID().toString()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void updateAliasStaysWithinOneKeyTypeAndUsage() {
        String sym = f.symmetricKey();
        alias("alias/moving", sym);
        String hmac = f.create(KeySpec.HMAC_256, KeyUsage.GENERATE_VERIFY_MAC).keyId();
        String ecc = f.create(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY).keyId();
        String rsaEncrypt = f.create(KeySpec.RSA_2048, KeyUsage.ENCRYPT_DECRYPT).keyId();
        for (String other : List.of(hmac, ecc, rsaEncrypt)) {
            assertThatThrownBy(() -> f.kms.updateAlias(UpdateAliasRequest.builder().aliasName("alias/moving")
                    .targetKeyId(other).build())).isInstanceOf(ValidationException.class);
        }
        assertThat(aliases(sym)).hasSize(1);
    }

    @Test
    void aKeyHasAtMostTheConfiguredNumberOfAliases(@TempDir Path other) {
        EngineSettings small = new EngineSettings(EngineFixture.SETTINGS.principal(), EngineFixture.ACCOUNT,
                "us-east-1", 100, 2);
        try (EngineFixture limited = new EngineFixture(other, small)) {
            String keyId = limited.symmetricKey();
            String second = limited.symmetricKey();
            limited.kms.createAlias(CreateAliasRequest.builder().aliasName("alias/one").targetKeyId(keyId).build());
            limited.kms.createAlias(CreateAliasRequest.builder().aliasName("alias/two").targetKeyId(keyId).build());
            assertThatThrownBy(() -> limited.kms.createAlias(CreateAliasRequest.builder().aliasName("alias/three")
                    .targetKeyId(keyId).build())).isInstanceOf(LimitExceededException.class);
            limited.kms.createAlias(CreateAliasRequest.builder().aliasName("alias/three").targetKeyId(second).build());
            assertThatThrownBy(() -> limited.kms.updateAlias(UpdateAliasRequest.builder().aliasName("alias/three")
                    .targetKeyId(keyId).build())).isInstanceOf(LimitExceededException.class);
        }
    }

    @Test
    void aKeyIsNamedByIdKeyArnAliasNameOrAliasArn() {
        String keyId = f.symmetricKey();
        alias("alias/named", keyId);
        byte[] plaintext = "named".getBytes(StandardCharsets.UTF_8);
        for (String name : List.of(keyId, PREFIX + "key/" + keyId, "alias/named", PREFIX + "alias/named")) {
            assertThat(f.kms.describeKey(DescribeKeyRequest.builder().keyId(name).build()).keyMetadata().keyId())
                    .as(name).isEqualTo(keyId);
            var sealed = f.kms.encrypt(EncryptRequest.builder().keyId(name).plaintext(plaintext).build());
            assertThat(sealed.keyId()).isEqualTo(PREFIX + "key/" + keyId);
            assertThat(f.kms.decrypt(DecryptRequest.builder().keyId(name).ciphertextBlob(sealed.ciphertextBlob())
                    .build()).plaintext()).isEqualTo(plaintext);
        }
        assertThatThrownBy(() -> f.kms.describeKey(DescribeKeyRequest.builder()
                .keyId("arn:aws:kms:eu-west-1:" + EngineFixture.ACCOUNT + ":key/" + keyId).build()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void listAliasesPagesThroughAllAliases() {
        String a = f.symmetricKey();
        String b = f.symmetricKey();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String name = String.format("alias/k%02d", i);
            alias(name, i % 2 == 0 ? a : b);
            expected.add(name);
        }
        List<String> seen = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            ListAliasesResponse page = f.kms.listAliases(ListAliasesRequest.builder().limit(3).marker(marker).build());
            assertThat(page.aliases()).hasSizeLessThanOrEqualTo(3);
            assertThat(page.truncated()).isEqualTo(page.nextMarker() != null);
            page.aliases().forEach(e -> seen.add(e.aliasName()));
            marker = page.nextMarker();
            pages++;
        } while (marker != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(expected);

        ListAliasesResponse ofA = f.kms.listAliases(ListAliasesRequest.builder().keyId(a).limit(2).build());
        assertThat(ofA.aliases()).extracting(AliasListEntry::aliasName).containsExactly("alias/k00", "alias/k02");
        assertThat(ofA.truncated()).isTrue();
        ListAliasesResponse rest = f.kms.listAliases(ListAliasesRequest.builder().keyId(a).limit(2)
                .marker(ofA.nextMarker()).build());
        assertThat(rest.aliases()).extracting(AliasListEntry::aliasName).containsExactly("alias/k04", "alias/k06");
        assertThat(rest.truncated()).isFalse();
        assertThat(rest.nextMarker()).isNull();
        assertThat(f.kms.listAliases(ListAliasesRequest.builder().keyId("alias/k01").build()).aliases())
                .extracting(AliasListEntry::targetKeyId).containsOnly(b);
    }

    // ---------------------------------------------------------------- tags and descriptions

    @Test
    void tagsAreAddedReplacedListedAndRemoved() {
        String keyId = f.symmetricKey();
        f.kms.tagResource(TagResourceRequest.builder().keyId(keyId)
                .tags(List.of(new Tag("env", "dev"), new Tag("team", "core"))).build());
        f.kms.tagResource(TagResourceRequest.builder().keyId(keyId)
                .tags(List.of(new Tag("env", "prod"), new Tag("cost", ""))).build());
        assertThat(tags(keyId)).containsExactly(new Tag("cost", ""), new Tag("env", "prod"), new Tag("team", "core"));

        f.kms.untagResource(UntagResourceRequest.builder().keyId(keyId).tagKeys(List.of("team", "absent")).build());
        assertThat(tags(keyId)).containsExactly(new Tag("cost", ""), new Tag("env", "prod"));

        assertThatThrownBy(() -> f.kms.tagResource(TagResourceRequest.builder().keyId(keyId)
                .tags(List.of(new Tag("aws:x", "y"))).build())).isInstanceOf(TagException.class);
        assertThatThrownBy(() -> f.kms.tagResource(TagResourceRequest.builder().keyId(keyId)
                .tags(List.of(new Tag("k".repeat(129), "y"))).build())).isInstanceOf(TagException.class);
        assertThatThrownBy(() -> f.kms.tagResource(TagResourceRequest.builder().keyId(keyId)
                .tags(List.of(new Tag("ok", "v".repeat(257)))).build())).isInstanceOf(TagException.class);
        assertThat(tags(keyId)).hasSize(2);
    }

    @Test
    void listResourceTagsPagesAndTheTagLimitIsFifty() {
        String keyId = f.symmetricKey();
        List<Tag> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(new Tag(String.format("t%02d", i), "v" + i));
        }
        f.kms.tagResource(TagResourceRequest.builder().keyId(keyId).tags(fifty).build());
        assertThatThrownBy(() -> f.kms.tagResource(TagResourceRequest.builder().keyId(keyId)
                .tags(List.of(new Tag("one-more", "x"))).build())).isInstanceOf(TagException.class);
        // Replacing an existing tag's value is not a new tag.
        f.kms.tagResource(TagResourceRequest.builder().keyId(keyId).tags(List.of(new Tag("t00", "new"))).build());

        List<Tag> seen = new ArrayList<>();
        String marker = null;
        do {
            ListResourceTagsResponse page = f.kms.listResourceTags(ListResourceTagsRequest.builder().keyId(keyId)
                    .limit(20).marker(marker).build());
            seen.addAll(page.tags());
            marker = page.nextMarker();
        } while (marker != null);
        assertThat(seen).hasSize(50).doesNotHaveDuplicates().contains(new Tag("t00", "new"), new Tag("t49", "v49"));
    }

    private List<Tag> tags(String keyId) {
        return f.kms.listResourceTags(ListResourceTagsRequest.builder().keyId(keyId).build()).tags();
    }

    @Test
    void updateKeyDescription() {
        String keyId = f.symmetricKey();
        f.kms.updateKeyDescription(UpdateKeyDescriptionRequest.builder().keyId(keyId).description("new").build());
        assertThat(describe(keyId).description()).isEqualTo("new");
        f.kms.updateKeyDescription(UpdateKeyDescriptionRequest.builder().keyId(keyId).description("").build());
        assertThat(describe(keyId).description()).isEmpty();
        assertThatThrownBy(() -> f.kms.updateKeyDescription(UpdateKeyDescriptionRequest.builder().keyId(keyId)
                .description("d".repeat(8193)).build())).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> f.kms.updateKeyDescription(UpdateKeyDescriptionRequest.builder().keyId(keyId)
                .build())).isInstanceOf(ValidationException.class);
    }

    private KeyMetadata describe(String keyId) {
        return f.kms.describeKey(DescribeKeyRequest.builder().keyId(keyId).build()).keyMetadata();
    }

    // ---------------------------------------------------------------- ListKeys, Enable/DisableKey

    @Test
    void listKeysPagesWithoutDuplicatesOrGaps() {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 25; i++) {
            created.add(f.symmetricKey());
        }
        List<String> seen = new ArrayList<>();
        String marker = null;
        List<Integer> sizes = new ArrayList<>();
        do {
            ListKeysResponse page = f.kms.listKeys(ListKeysRequest.builder().limit(10).marker(marker).build());
            assertThat(page.truncated()).isEqualTo(page.nextMarker() != null);
            sizes.add(page.keys().size());
            for (KeyListEntry e : page.keys()) {
                assertThat(e.keyArn()).isEqualTo(PREFIX + "key/" + e.keyId());
                seen.add(e.keyId());
            }
            marker = page.nextMarker();
        } while (marker != null);
        assertThat(sizes).containsExactly(10, 10, 5);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);

        assertThat(f.kms.listKeys(ListKeysRequest.builder().build()).keys()).hasSize(25);
        assertThatThrownBy(() -> f.kms.listKeys(ListKeysRequest.builder().limit(0).build()))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> f.kms.listKeys(ListKeysRequest.builder().limit(1001).build()))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void aForgedMarkerIsInvalidMarker() {
        f.symmetricKey();
        String plainBase64 = Base64.getUrlEncoder().encodeToString("some-key-id".getBytes(StandardCharsets.UTF_8));
        for (String forged : List.of("not a marker!", plainBase64, "%%%")) {
            assertThatThrownBy(() -> f.kms.listKeys(ListKeysRequest.builder().marker(forged).build())).as(forged)
                    .isInstanceOf(InvalidMarkerException.class);
            assertThatThrownBy(() -> f.kms.listAliases(ListAliasesRequest.builder().marker(forged).build())).as(forged)
                    .isInstanceOf(InvalidMarkerException.class);
        }
    }

    @Test
    void disableAndEnableKey() {
        String keyId = f.symmetricKey();
        byte[] blob = f.kms.encrypt(EncryptRequest.builder().keyId(keyId).plaintext(new byte[] {7}).build())
                .ciphertextBlob();
        f.kms.disableKey(DisableKeyRequest.builder().keyId(keyId).build());
        assertThat(describe(keyId).keyState()).isEqualTo(KeyState.Disabled);
        assertThat(describe(keyId).enabled()).isFalse();
        assertThatThrownBy(() -> f.kms.encrypt(EncryptRequest.builder().keyId(keyId).plaintext(new byte[] {7}).build()))
                .isInstanceOf(DisabledException.class);
        assertThatThrownBy(() -> f.kms.decrypt(DecryptRequest.builder().ciphertextBlob(blob).build()))
                .isInstanceOf(DisabledException.class);
        f.kms.disableKey(DisableKeyRequest.builder().keyId(keyId).build());

        f.kms.enableKey(EnableKeyRequest.builder().keyId(keyId).build());
        assertThat(describe(keyId).keyState()).isEqualTo(KeyState.Enabled);
        assertThat(describe(keyId).enabled()).isTrue();
        assertThat(f.kms.decrypt(DecryptRequest.builder().ciphertextBlob(blob).build()).plaintext())
                .containsExactly(7);
        f.kms.enableKey(EnableKeyRequest.builder().keyId(keyId).build());
    }
}
