package io.keywarden.kms.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.Caller;
import io.keywarden.kms.api.CreateAliasRequest;
import io.keywarden.kms.api.CreateKeyRequest;
import io.keywarden.kms.api.DecryptRequest;
import io.keywarden.kms.api.DescribeKeyRequest;
import io.keywarden.kms.api.DisableKeyRequest;
import io.keywarden.kms.api.EnableKeyRequest;
import io.keywarden.kms.api.EncryptRequest;
import io.keywarden.kms.api.GenerateRandomRequest;
import io.keywarden.kms.api.GetIdentityPolicyRequest;
import io.keywarden.kms.api.GetKeyPolicyRequest;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.ListKeysRequest;
import io.keywarden.kms.api.PutIdentityPolicyRequest;
import io.keywarden.kms.api.PutKeyPolicyRequest;
import io.keywarden.kms.api.ScheduleKeyDeletionRequest;
import io.keywarden.kms.api.UpdateKeyDescriptionRequest;
import io.keywarden.kms.api.errors.AccessDeniedException;
import io.keywarden.kms.api.errors.MalformedPolicyDocumentException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Authorization through the engine with several callers on one store: a key usable by its users
 * but not manageable by them, and manageable by its administrators but not usable by them; identity
 * policies, explicit denies, the lockout check, conditions on the caller and the request.
 */
class AuthorizationTest {

    static final String ACCT = EngineFixture.ACCOUNT;
    static final String ROOT = "arn:aws:iam::" + ACCT + ":root";
    static final String USER = "arn:aws:iam::" + ACCT + ":user/app";
    static final String ADMIN = "arn:aws:iam::" + ACCT + ":role/KeyAdmin";
    static final String BOB = "arn:aws:iam::" + ACCT + ":user/bob";
    static final byte[] DATA = "secret data".getBytes(StandardCharsets.UTF_8);

    static final String POLICY = """
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "Root", "Effect": "Allow", "Principal": {"AWS": "%s"}, "Action": "kms:*", "Resource": "*"},
              {"Sid": "Users", "Effect": "Allow", "Principal": {"AWS": "%s"},
               "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
               "Resource": "*"},
              {"Sid": "Admins", "Effect": "Allow", "Principal": {"AWS": "%s"},
               "Action": ["kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*",
                          "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:TagResource",
                          "kms:UntagResource", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion"],
               "Resource": "*"}
            ]}""".formatted(ROOT, USER, ADMIN);

    @TempDir
    Path dir;
    EngineFixture f;
    KmsBackend user;
    KmsBackend admin;
    KmsBackend bob;
    String keyId;

    @BeforeEach
    void open() {
        f = new EngineFixture(dir);
        user = f.kms.forCaller(Caller.of(USER));
        admin = f.kms.forCaller(Caller.of(ADMIN));
        bob = f.kms.forCaller(Caller.of(BOB));
        keyId = f.kms.createKey(CreateKeyRequest.builder().policy(POLICY).build()).keyMetadata().keyId();
    }

    @AfterEach
    void close() {
        f.close();
    }

    String arn() {
        return EngineFixture.SETTINGS.keyArn(keyId);
    }

    byte[] encryptAs(KmsBackend kms, Map<String, String> context) {
        return kms.encrypt(EncryptRequest.builder().keyId(keyId).plaintext(DATA).encryptionContext(context).build())
                .ciphertextBlob();
    }

    @Test
    void usersUseTheKeyButCannotManageIt() {
        byte[] blob = encryptAs(user, null);
        assertThat(user.decrypt(DecryptRequest.builder().ciphertextBlob(blob).build()).plaintext()).isEqualTo(DATA);
        assertThat(user.describeKey(new DescribeKeyRequest(keyId, null)).keyMetadata().keyId()).isEqualTo(keyId);

        assertThatThrownBy(() -> user.scheduleKeyDeletion(new ScheduleKeyDeletionRequest(keyId, 7)))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("User: " + USER + " is not authorized to perform: kms:ScheduleKeyDeletion on resource: "
                        + arn() + " because no identity-based policy allows the kms:ScheduleKeyDeletion action");
        assertThatThrownBy(() -> user.disableKey(new DisableKeyRequest(keyId))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> user.putKeyPolicy(new PutKeyPolicyRequest(keyId, null, POLICY, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> user.getKeyPolicy(new GetKeyPolicyRequest(keyId, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> user.createAlias(new CreateAliasRequest("alias/mine", keyId)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void administratorsManageTheKeyButCannotUseIt() {
        byte[] blob = encryptAs(user, null);
        admin.disableKey(new DisableKeyRequest(keyId));
        admin.enableKey(new EnableKeyRequest(keyId));
        admin.updateKeyDescription(new UpdateKeyDescriptionRequest(keyId, "managed"));
        assertThat(admin.getKeyPolicy(new GetKeyPolicyRequest(keyId, null)).policy()).isEqualTo(POLICY);
        admin.createAlias(new CreateAliasRequest("alias/managed", keyId));

        assertThatThrownBy(() -> encryptAs(admin, null))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("User: " + ADMIN + " is not authorized to perform: kms:Encrypt on resource: " + arn()
                        + " because no identity-based policy allows the kms:Encrypt action");
        assertThatThrownBy(() -> admin.decrypt(DecryptRequest.builder().ciphertextBlob(blob).build()))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("kms:Decrypt");
        // naming the key explicitly does not reveal its type before authorization
        assertThatThrownBy(() -> admin.decrypt(DecryptRequest.builder().ciphertextBlob(blob).keyId(keyId).build()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theDefaultCallerIsTheRootAndMayDoEverything() {
        assertThat(f.kms.caller().principalArn()).isEqualTo(ROOT);
        byte[] blob = encryptAs(f.kms, null);
        assertThat(f.kms.decrypt(DecryptRequest.builder().ciphertextBlob(blob).build()).plaintext()).isEqualTo(DATA);
        f.kms.scheduleKeyDeletion(new ScheduleKeyDeletionRequest(keyId, 7));
    }

    @Test
    void identityPoliciesDecideWhereTheKeyPolicyDelegatesToTheAccount() {
        String defaultKey = f.symmetricKey();
        assertThatThrownBy(() -> bob.describeKey(new DescribeKeyRequest(defaultKey, null)))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageEndingWith("because no identity-based policy allows the kms:DescribeKey action");
        assertThatThrownBy(() -> bob.listKeys(ListKeysRequest.builder().build()))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("User: " + BOB + " is not authorized to perform: kms:ListKeys on resource: * because no "
                        + "identity-based policy allows the kms:ListKeys action");

        String identity = """
                {"Statement": [{"Effect": "Allow", "Action": ["kms:DescribeKey", "kms:List*"], "Resource": "*"}]}""";
        f.kms.putIdentityPolicy(new PutIdentityPolicyRequest(BOB, identity));
        assertThat(bob.getIdentityPolicy(new GetIdentityPolicyRequest(BOB)).policy()).isEqualTo(identity);
        assertThat(bob.describeKey(new DescribeKeyRequest(defaultKey, null)).keyMetadata().keyId()).isEqualTo(defaultKey);
        assertThat(bob.listKeys(ListKeysRequest.builder().build()).keys()).hasSize(2);
        assertThatThrownBy(() -> bob.generateRandom(new GenerateRandomRequest(16)))
                .isInstanceOf(AccessDeniedException.class);
        // the key whose policy names bob's role and user but not bob: delegation alone is not enough
        assertThat(bob.describeKey(new DescribeKeyRequest(keyId, null)).keyMetadata().keyId()).isEqualTo(keyId);

        // only the account root manages identity policies
        assertThatThrownBy(() -> bob.putIdentityPolicy(new PutIdentityPolicyRequest(BOB, identity)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> bob.getIdentityPolicy(new GetIdentityPolicyRequest(USER)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.kms.putIdentityPolicy(new PutIdentityPolicyRequest(BOB, "{\"Statement\": []}")))
                .isInstanceOf(MalformedPolicyDocumentException.class);

        f.kms.putIdentityPolicy(new PutIdentityPolicyRequest(BOB, null));
        assertThatThrownBy(() -> bob.describeKey(new DescribeKeyRequest(defaultKey, null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anExplicitDenyInTheKeyPolicyWins() {
        String denied = POLICY.replace("\n]}", """
                ,
                  {"Sid": "NoDecrypt", "Effect": "Deny", "Principal": {"AWS": "%s"}, "Action": "kms:Decrypt",
                   "Resource": "*"}
                ]}""".formatted(USER));
        admin.putKeyPolicy(new PutKeyPolicyRequest(keyId, "default", denied, null));
        byte[] blob = encryptAs(user, null);
        assertThatThrownBy(() -> user.decrypt(DecryptRequest.builder().ciphertextBlob(blob).build()))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("User: " + USER + " is not authorized to perform: kms:Decrypt on resource: " + arn()
                        + " with an explicit deny in a resource-based policy");
    }

    @Test
    void theLockoutCheckRefusesAPolicyThatLocksTheCallerOut() {
        String onlyUser = """
                {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "%s"}, "Action": "kms:*", "Resource": "*"}]}"""
                .formatted(USER);
        assertThatThrownBy(() -> admin.putKeyPolicy(new PutKeyPolicyRequest(keyId, null, onlyUser, false)))
                .isInstanceOf(MalformedPolicyDocumentException.class)
                .hasMessage("The new key policy will not allow you to update the key policy in the future.");
        assertThat(admin.getKeyPolicy(new GetKeyPolicyRequest(keyId, null)).policy()).isEqualTo(POLICY);
        assertThatThrownBy(() -> f.kms.createKey(CreateKeyRequest.builder().policy(onlyUser).build()))
                .isInstanceOf(MalformedPolicyDocumentException.class);

        admin.putKeyPolicy(new PutKeyPolicyRequest(keyId, null, onlyUser, true));
        assertThatThrownBy(() -> admin.getKeyPolicy(new GetKeyPolicyRequest(keyId, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.kms.getKeyPolicy(new GetKeyPolicyRequest(keyId, null)))
                .as("the root is locked out too: the policy does not name the account")
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageEndingWith("because no resource-based policy allows the kms:GetKeyPolicy action");
        assertThat(user.getKeyPolicy(new GetKeyPolicyRequest(keyId, null)).policy()).isEqualTo(onlyUser);
    }

    @Test
    void aMalformedPolicyIsNeverStored() {
        int before = f.kms.listKeys(ListKeysRequest.builder().build()).keys().size();
        assertThatThrownBy(() -> f.kms.createKey(CreateKeyRequest.builder().policy("{\"Statement\": {}}").build()))
                .isInstanceOf(MalformedPolicyDocumentException.class)
                .hasMessageContaining("Statement has no Effect");
        assertThat(f.kms.listKeys(ListKeysRequest.builder().build()).keys()).hasSize(before);
        assertThatThrownBy(() -> admin.putKeyPolicy(new PutKeyPolicyRequest(keyId, null, "not json", null)))
                .isInstanceOf(MalformedPolicyDocumentException.class)
                .hasMessageContaining("not valid JSON");
        assertThat(admin.getKeyPolicy(new GetKeyPolicyRequest(keyId, null)).policy()).isEqualTo(POLICY);
    }

    @Test
    void conditionsSeeTheRequestAndTheCaller() {
        String conditional = """
                {"Statement": [
                  {"Effect": "Allow", "Principal": {"AWS": "%s"}, "Action": "kms:*", "Resource": "*"},
                  {"Effect": "Allow", "Principal": {"AWS": "%s"}, "Action": ["kms:Encrypt", "kms:Decrypt"],
                   "Resource": "*", "Condition": {
                     "StringEquals": {"kms:EncryptionContext:dept": "finance"},
                     "Bool": {"aws:SecureTransport": "true"},
                     "IpAddress": {"aws:SourceIp": ["127.0.0.0/8", "10.0.0.0/8"]}}}
                ]}""".formatted(ROOT, USER);
        f.kms.putKeyPolicy(new PutKeyPolicyRequest(keyId, null, conditional, null));
        byte[] blob = encryptAs(user, Map.of("dept", "finance"));
        assertThatThrownBy(() -> encryptAs(user, Map.of("dept", "hr"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> encryptAs(user, null)).isInstanceOf(AccessDeniedException.class);

        KmsBackend plain = f.kms.forCaller(Caller.of(USER).from("10.1.2.3", false));
        assertThatThrownBy(() -> plain.decrypt(DecryptRequest.builder().ciphertextBlob(blob)
                .encryptionContext(Map.of("dept", "finance")).build())).isInstanceOf(AccessDeniedException.class);
        KmsBackend remote = f.kms.forCaller(Caller.of(USER).from("192.168.1.1", true));
        assertThatThrownBy(() -> remote.decrypt(DecryptRequest.builder().ciphertextBlob(blob)
                .encryptionContext(Map.of("dept", "finance")).build())).isInstanceOf(AccessDeniedException.class);
        KmsBackend office = f.kms.forCaller(Caller.of(USER).from("10.1.2.3", true));
        assertThat(office.decrypt(DecryptRequest.builder().ciphertextBlob(blob)
                .encryptionContext(Map.of("dept", "finance")).build()).plaintext()).isEqualTo(DATA);
    }

    @Test
    void requestAliasAndResourceAliases() {
        f.kms.createAlias(new CreateAliasRequest("alias/app", keyId));
        String byAlias = """
                {"Statement": [
                  {"Effect": "Allow", "Principal": {"AWS": "%s"}, "Action": "kms:*", "Resource": "*"},
                  {"Effect": "Allow", "Principal": {"AWS": "%s"}, "Action": "kms:Encrypt", "Resource": "*",
                   "Condition": {"StringEquals": {"kms:RequestAlias": "alias/app"}}},
                  {"Effect": "Allow", "Principal": {"AWS": "%s"}, "Action": "kms:DescribeKey", "Resource": "*",
                   "Condition": {"ForAnyValue:StringEquals": {"kms:ResourceAliases": "alias/app"}}}
                ]}""".formatted(ROOT, USER, USER);
        f.kms.putKeyPolicy(new PutKeyPolicyRequest(keyId, null, byAlias, null));
        assertThatCode(() -> user.encrypt(EncryptRequest.builder().keyId("alias/app").plaintext(DATA).build()))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> encryptAs(user, null)).isInstanceOf(AccessDeniedException.class);
        assertThat(user.describeKey(new DescribeKeyRequest(keyId, null)).keyMetadata().keyId()).isEqualTo(keyId);
    }

    @Test
    void decryptNamingAnAliasIsAuthorizedOnceWithThatAlias() {
        f.kms.createAlias(new CreateAliasRequest("alias/app", keyId));
        byte[] blob = f.kms.encrypt(EncryptRequest.builder().keyId(keyId).plaintext(DATA).build()).ciphertextBlob();
        String byAlias = """
                {"Statement": [
                  {"Effect": "Allow", "Principal": {"AWS": "%s"}, "Action": "kms:*", "Resource": "*"},
                  {"Effect": "Allow", "Principal": {"AWS": "%s"}, "Action": "kms:Decrypt", "Resource": "*",
                   "Condition": {"StringEquals": {"kms:RequestAlias": "alias/app"}}}
                ]}""".formatted(ROOT, USER);
        f.kms.putKeyPolicy(new PutKeyPolicyRequest(keyId, null, byAlias, null));
        assertThat(user.decrypt(DecryptRequest.builder().keyId("alias/app").ciphertextBlob(blob).build()).plaintext())
                .isEqualTo(DATA);
        assertThatThrownBy(() -> user.decrypt(DecryptRequest.builder().keyId(keyId).ciphertextBlob(blob).build()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> user.decrypt(DecryptRequest.builder().ciphertextBlob(blob).build()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aCallerOfAnotherAccountNeedsBothAccounts() {
        String other = "arn:aws:iam::444455556666:user/carol";
        KmsBackend carol = f.kms.forCaller(Caller.of(other));
        assertThatThrownBy(() -> encryptAs(carol, null))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageEndingWith("because no resource-based policy allows the kms:Encrypt action");
        assertThatThrownBy(() -> carol.createKey(CreateKeyRequest.builder().build()))
                .isInstanceOf(AccessDeniedException.class);
    }
}
