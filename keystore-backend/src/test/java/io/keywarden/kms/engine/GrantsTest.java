package io.keywarden.kms.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.Caller;
import io.keywarden.kms.api.CreateGrantRequest;
import io.keywarden.kms.api.CreateGrantResponse;
import io.keywarden.kms.api.CreateKeyRequest;
import io.keywarden.kms.api.DecryptRequest;
import io.keywarden.kms.api.EncryptRequest;
import io.keywarden.kms.api.GrantConstraints;
import io.keywarden.kms.api.GrantListEntry;
import io.keywarden.kms.api.GrantOperation;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.ListGrantsRequest;
import io.keywarden.kms.api.ListRetirableGrantsRequest;
import io.keywarden.kms.api.RetireGrantRequest;
import io.keywarden.kms.api.RevokeGrantRequest;
import io.keywarden.kms.api.errors.AccessDeniedException;
import io.keywarden.kms.api.errors.InvalidGrantIdException;
import io.keywarden.kms.api.errors.InvalidGrantTokenException;
import io.keywarden.kms.api.errors.LimitExceededException;
import io.keywarden.kms.api.errors.NotFoundException;
import io.keywarden.kms.api.errors.ValidationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grants through the engine with several callers: the key policy lets the root do everything, a
 * key administrator manage the key, and nobody else anything — so BOB and CAROL act only by grants.
 */
class GrantsTest {

    static final String ACCT = EngineFixture.ACCOUNT;
    static final String ROOT = "arn:aws:iam::" + ACCT + ":root";
    static final String ADMIN = "arn:aws:iam::" + ACCT + ":role/KeyAdmin";
    static final String BOB = "arn:aws:iam::" + ACCT + ":user/bob";
    static final String CAROL = "arn:aws:iam::" + ACCT + ":user/carol";
    static final byte[] DATA = "granted data".getBytes(StandardCharsets.UTF_8);
    static final Map<String, String> FINANCE = Map.of("dept", "finance");

    static final String POLICY = """
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "Root", "Effect": "Allow", "Principal": {"AWS": "%s"}, "Action": "kms:*", "Resource": "*"},
              {"Sid": "Admins", "Effect": "Allow", "Principal": {"AWS": "%s"},
               "Action": ["kms:Create*", "kms:Describe*", "kms:List*", "kms:Revoke*", "kms:Get*"], "Resource": "*"}
            ]}""".formatted(ROOT, ADMIN);

    @TempDir
    Path dir;
    EngineFixture f;
    KmsBackend admin;
    KmsBackend bob;
    KmsBackend carol;
    String keyId;

    void open(EngineSettings settings) {
        f = new EngineFixture(dir, settings);
        admin = f.kms.forCaller(Caller.of(ADMIN));
        bob = f.kms.forCaller(Caller.of(BOB));
        carol = f.kms.forCaller(Caller.of(CAROL));
        keyId = f.kms.createKey(CreateKeyRequest.builder().policy(POLICY).build()).keyMetadata().keyId();
    }

    void open() {
        open(EngineFixture.SETTINGS);
    }

    @AfterEach
    void close() {
        f.close();
    }

    CreateGrantResponse grant(KmsBackend as, String grantee, GrantConstraints c, GrantOperation... ops) {
        return as.createGrant(CreateGrantRequest.builder().keyId(keyId).granteePrincipal(grantee).operations(ops)
                .constraints(c).build());
    }

    byte[] encrypt(KmsBackend as, Map<String, String> context, String... tokens) {
        return as.encrypt(EncryptRequest.builder().keyId(keyId).plaintext(DATA).encryptionContext(context)
                .grantTokens(tokens.length == 0 ? null : List.of(tokens)).build()).ciphertextBlob();
    }

    byte[] decrypt(KmsBackend as, byte[] blob, Map<String, String> context) {
        return as.decrypt(DecryptRequest.builder().ciphertextBlob(blob).encryptionContext(context).build()).plaintext();
    }

    List<String> grantIds() {
        return f.kms.listGrants(ListGrantsRequest.builder().keyId(keyId).build()).grants().stream()
                .map(GrantListEntry::grantId).toList();
    }

    @Test
    void aGranteeEncryptsAndDecryptsOnlyWithTheRightContext() {
        open();
        assertThatThrownBy(() -> encrypt(bob, FINANCE)).isInstanceOf(AccessDeniedException.class);
        grant(f.kms, BOB, GrantConstraints.builder().encryptionContextSubset(FINANCE).build(),
                GrantOperation.Encrypt, GrantOperation.Decrypt);
        grant(f.kms, CAROL, GrantConstraints.builder().encryptionContextEquals(FINANCE).build(),
                GrantOperation.Encrypt);

        Map<String, String> wider = Map.of("dept", "finance", "app", "ledger");
        byte[] blob = encrypt(bob, wider);
        assertThat(decrypt(bob, blob, wider)).isEqualTo(DATA);
        assertThatThrownBy(() -> encrypt(bob, Map.of("dept", "hr")))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("User: " + BOB + " is not authorized to perform: kms:Encrypt on resource: "
                        + EngineFixture.SETTINGS.keyArn(keyId) + " because no identity-based policy allows the "
                        + "kms:Encrypt action");
        assertThatThrownBy(() -> encrypt(bob, null)).isInstanceOf(AccessDeniedException.class);

        assertThatCode(() -> encrypt(carol, FINANCE)).doesNotThrowAnyException();
        assertThatThrownBy(() -> encrypt(carol, wider)).as("EncryptionContextEquals is exact")
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> decrypt(carol, blob, wider)).as("carol's grant lists Encrypt only")
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aRetiredOrRevokedGrantStopsWorking() {
        open();
        String retirable = f.kms.createGrant(CreateGrantRequest.builder().keyId(keyId).granteePrincipal(BOB)
                .retiringPrincipal(CAROL).operations(GrantOperation.Encrypt).build()).grantId();
        encrypt(bob, null);
        assertThatThrownBy(() -> carol.listRetirableGrants(ListRetirableGrantsRequest.builder()
                .retiringPrincipal(CAROL).build())).as("an account-level action: identity policies decide")
                .isInstanceOf(AccessDeniedException.class);
        assertThat(f.kms.listRetirableGrants(ListRetirableGrantsRequest.builder().retiringPrincipal(CAROL).build())
                .grants()).extracting(GrantListEntry::grantId).containsExactly(retirable);

        RetireGrantRequest byId = RetireGrantRequest.builder().keyId(keyId).grantId(retirable).build();
        assertThatThrownBy(() -> bob.retireGrant(byId)).as("a grantee without RetireGrant may not")
                .isInstanceOf(AccessDeniedException.class);
        carol.retireGrant(byId);
        assertThatThrownBy(() -> encrypt(bob, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> carol.retireGrant(byId)).isInstanceOf(NotFoundException.class);

        String revocable = grant(f.kms, BOB, null, GrantOperation.Encrypt).grantId();
        encrypt(bob, null);
        assertThatThrownBy(() -> bob.revokeGrant(new RevokeGrantRequest(keyId, revocable)))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("kms:RevokeGrant");
        admin.revokeGrant(new RevokeGrantRequest(keyId, revocable));
        assertThatThrownBy(() -> encrypt(bob, null)).isInstanceOf(AccessDeniedException.class);
        assertThat(grantIds()).isEmpty();

        // a grantee whose grant lists RetireGrant retires it with its token
        CreateGrantResponse own = grant(f.kms, BOB, null, GrantOperation.Encrypt, GrantOperation.RetireGrant);
        bob.retireGrant(RetireGrantRequest.builder().grantToken(own.grantToken()).build());
        assertThatThrownBy(() -> encrypt(bob, null, own.grantToken())).isInstanceOf(AccessDeniedException.class);

        assertThatThrownBy(() -> admin.revokeGrant(new RevokeGrantRequest(keyId, "not-a-grant")))
                .isInstanceOf(InvalidGrantIdException.class);
        assertThatThrownBy(() -> admin.revokeGrant(new RevokeGrantRequest(keyId, "ab".repeat(32))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theTokenWorksBeforeListGrantsShowsIt() {
        open(EngineFixture.SETTINGS.withGrants(EngineSettings.DEFAULT_GRANTS_PER_KEY, Duration.ofMinutes(5)));
        CreateGrantResponse g = grant(f.kms, BOB, null, GrantOperation.Encrypt);
        assertThat(g.toString()).doesNotContain(g.grantToken());

        assertThatCode(() -> encrypt(bob, null, g.grantToken())).doesNotThrowAnyException();
        assertThat(grantIds()).as("not yet visible").isEmpty();
        assertThatThrownBy(() -> encrypt(bob, null)).as("not yet effective without the token")
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> encrypt(carol, null, g.grantToken())).as("a token serves its grantee only")
                .isInstanceOf(AccessDeniedException.class);

        String forged = GrantTokenCodec.issue(g.grantId(), new java.security.SecureRandom());
        assertThatThrownBy(() -> encrypt(bob, null, forged)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> encrypt(bob, null, "not a token!"))
                .isInstanceOf(InvalidGrantTokenException.class)
                .hasMessageNotContaining("not a token");
        assertThatThrownBy(() -> encrypt(bob, null, Collections.nCopies(11, g.grantToken()).toArray(String[]::new)))
                .isInstanceOf(ValidationException.class)
                .hasMessageNotContaining(g.grantToken());

        f.clock.advance(Duration.ofMinutes(5));
        assertThat(grantIds()).containsExactly(g.grantId());
        assertThatCode(() -> encrypt(bob, null)).doesNotThrowAnyException();
    }

    @Test
    void aGranteeCannotEscalate() {
        open();
        GrantConstraints finance = GrantConstraints.builder().encryptionContextSubset(FINANCE).build();
        grant(f.kms, BOB, finance, GrantOperation.Encrypt, GrantOperation.CreateGrant);

        GrantConstraints stricter = GrantConstraints.builder()
                .encryptionContextSubset(Map.of("dept", "finance", "team", "a")).build();
        grant(bob, CAROL, stricter, GrantOperation.Encrypt);
        assertThatCode(() -> encrypt(carol, Map.of("dept", "finance", "team", "a"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> encrypt(carol, FINANCE)).isInstanceOf(AccessDeniedException.class);

        assertThatThrownBy(() -> grant(bob, CAROL, finance, GrantOperation.Encrypt, GrantOperation.Decrypt))
                .as("more operations than its own").isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("kms:CreateGrant");
        assertThatThrownBy(() -> grant(bob, CAROL, null, GrantOperation.Encrypt))
                .as("weaker constraints").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> grant(bob, CAROL, GrantConstraints.builder()
                .encryptionContextSubset(Map.of("dept", "hr")).build(), GrantOperation.Encrypt))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> bob.listGrants(ListGrantsRequest.builder().keyId(keyId).build()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> carol.createGrant(CreateGrantRequest.builder().keyId(keyId).granteePrincipal(CAROL)
                .operations(GrantOperation.Encrypt).constraints(stricter).build()))
                .as("carol's grant does not list CreateGrant").isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void operationsMustFitTheKeyAndConstraintsTheOperations() {
        open();
        assertThatThrownBy(() -> grant(f.kms, BOB, null, GrantOperation.Sign))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("[Sign]").hasMessageContaining("SYMMETRIC_DEFAULT");
        String signing = f.create(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY).keyId();
        assertThatCode(() -> f.kms.createGrant(CreateGrantRequest.builder().keyId(signing).granteePrincipal(BOB)
                .operations(GrantOperation.Sign, GrantOperation.GetPublicKey).build())).doesNotThrowAnyException();
        assertThatThrownBy(() -> f.kms.createGrant(CreateGrantRequest.builder().keyId(signing).granteePrincipal(BOB)
                .operations(GrantOperation.Sign).constraints(GrantConstraints.builder()
                        .encryptionContextEquals(FINANCE).build()).build()))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> grant(f.kms, "bob", null, GrantOperation.Encrypt))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> f.kms.createGrant(CreateGrantRequest.builder().keyId(keyId).granteePrincipal(BOB)
                .operations(List.of()).build())).isInstanceOf(ValidationException.class);
    }

    @Test
    void aNameMakesCreateGrantIdempotent() {
        open();
        CreateGrantRequest named = CreateGrantRequest.builder().keyId(keyId).granteePrincipal(BOB).name("app-1")
                .operations(GrantOperation.Encrypt, GrantOperation.Decrypt).build();
        CreateGrantResponse first = f.kms.createGrant(named);
        CreateGrantResponse retry = f.kms.createGrant(named);
        assertThat(retry.grantId()).isEqualTo(first.grantId());
        assertThat(retry.grantToken()).isNotEqualTo(first.grantToken());
        assertThat(grantIds()).containsExactly(first.grantId());
        f.kms.retireGrant(RetireGrantRequest.builder().grantToken(first.grantToken()).build());
        assertThat(grantIds()).isEmpty();

        CreateGrantResponse a = f.kms.createGrant(named);
        CreateGrantResponse b = f.kms.createGrant(CreateGrantRequest.builder().keyId(keyId).granteePrincipal(BOB)
                .name("app-1").operations(GrantOperation.Encrypt).build());
        assertThat(b.grantId()).as("same name, another grant").isNotEqualTo(a.grantId());
        GrantListEntry entry = f.kms.listGrants(ListGrantsRequest.builder().keyId(keyId).grantId(a.grantId()).build())
                .grants().get(0);
        assertThat(entry.name()).isEqualTo("app-1");
        assertThat(entry.issuingAccount()).isEqualTo(ACCT);
        assertThat(entry.operations()).containsExactly(GrantOperation.Decrypt, GrantOperation.Encrypt);
    }

    @Test
    void grantsPerKeyIsAQuotaAndListGrantsPages() {
        open(EngineFixture.SETTINGS.withGrants(3, Duration.ZERO));
        for (int i = 0; i < 3; i++) {
            grant(f.kms, BOB, null, GrantOperation.DescribeKey);
        }
        assertThatThrownBy(() -> grant(f.kms, BOB, null, GrantOperation.DescribeKey))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("3 grants per key");
        var page = f.kms.listGrants(ListGrantsRequest.builder().keyId(keyId).limit(2).build());
        assertThat(page.grants()).hasSize(2);
        assertThat(page.truncated()).isTrue();
        var rest = f.kms.listGrants(ListGrantsRequest.builder().keyId(keyId).limit(2).marker(page.nextMarker()).build());
        assertThat(rest.grants()).hasSize(1);
        assertThat(rest.truncated()).isFalse();
        assertThat(f.kms.listGrants(ListGrantsRequest.builder().keyId(keyId).granteePrincipal(CAROL).build())
                .grants()).isEmpty();
    }
}
