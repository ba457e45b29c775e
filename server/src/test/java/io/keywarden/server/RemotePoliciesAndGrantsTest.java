package io.keywarden.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.CreateGrantRequest;
import io.keywarden.kms.api.CreateGrantResponse;
import io.keywarden.kms.api.CreateKeyRequest;
import io.keywarden.kms.api.EncryptRequest;
import io.keywarden.kms.api.GetKeyPolicyRequest;
import io.keywarden.kms.api.GrantConstraints;
import io.keywarden.kms.api.GrantListEntry;
import io.keywarden.kms.api.GrantOperation;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.ListGrantsRequest;
import io.keywarden.kms.api.ListKeyPoliciesRequest;
import io.keywarden.kms.api.ListRetirableGrantsRequest;
import io.keywarden.kms.api.PutKeyPolicyRequest;
import io.keywarden.kms.api.RetireGrantRequest;
import io.keywarden.kms.api.RevokeGrantRequest;
import io.keywarden.kms.api.spi.Backends;
import io.keywarden.kms.config.KeywardenConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key-policy and grant operations through the remote backend: what the remote backend answers
 * equals what the server's engine answers directly, and errors keep their types.
 */
class RemotePoliciesAndGrantsTest {

    static final String APP = "arn:aws:iam::111122223333:user/app";

    @TempDir
    static Path dir;
    static TestServer server;
    static KmsBackend remote;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.plaintext(Files.createDirectories(dir.resolve("server")));
        Path conf = dir.resolve("client.conf");
        Files.writeString(conf, "backend=remote\nremote.endpoint=" + server.endpoint() + "\n"
                + "remote.accessKeyId=" + TestServer.ACCESS_KEY + "\nremote.secretAccessKey=" + TestServer.SECRET + "\n");
        remote = Backends.open(KeywardenConfig.load(conf));
    }

    @AfterAll
    static void stop() {
        remote.close();
        server.close();
    }

    static String key() {
        return remote.createKey(CreateKeyRequest.builder().build()).keyMetadata().keyId();
    }

    @Test
    void keyPolicies() {
        String key = key();
        assertThat(remote.listKeyPolicies(new ListKeyPoliciesRequest(key, null, null)))
                .isEqualTo(server.engine.listKeyPolicies(new ListKeyPoliciesRequest(key, null, null)));
        assertThat(remote.listKeyPolicies(new ListKeyPoliciesRequest(key, null, null)).policyNames())
                .containsExactly("default");
        assertThat(remote.getKeyPolicy(new GetKeyPolicyRequest(key, "default")))
                .isEqualTo(server.engine.getKeyPolicy(new GetKeyPolicyRequest(key, "default")));

        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Set remotely\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
        remote.putKeyPolicy(new PutKeyPolicyRequest(key, "default", policy, null));
        assertThat(server.engine.getKeyPolicy(new GetKeyPolicyRequest(key, "default")).policy()).contains("Set remotely");
        assertThat(remote.getKeyPolicy(new GetKeyPolicyRequest(key, "default")).policy()).contains("Set remotely");

        assertThatThrownBy(() -> remote.putKeyPolicy(new PutKeyPolicyRequest(key, "default", "{not json", null)))
                .isInstanceOf(errorOf(() -> server.engine.putKeyPolicy(new PutKeyPolicyRequest(key, "default", "{not json", null))));
        assertThatThrownBy(() -> remote.getKeyPolicy(new GetKeyPolicyRequest(key, "other")))
                .isInstanceOf(errorOf(() -> server.engine.getKeyPolicy(new GetKeyPolicyRequest(key, "other"))));
    }

    @Test
    void grantsAreCreatedListedRetiredAndRevoked() {
        String key = key();
        CreateGrantResponse created = remote.createGrant(CreateGrantRequest.builder().keyId(key).granteePrincipal(APP)
                .retiringPrincipal(TestServer.PRINCIPAL).operations(List.of(GrantOperation.Encrypt, GrantOperation.Decrypt))
                .constraints(GrantConstraints.builder().encryptionContextSubset(Map.of("app", "billing")).build())
                .name("billing").build());
        assertThat(created.grantId()).isNotBlank();
        assertThat(created.grantToken()).isNotBlank();

        List<GrantListEntry> listed = remote.listGrants(ListGrantsRequest.builder().keyId(key).build()).grants();
        assertThat(listed).usingRecursiveComparison()
                .isEqualTo(server.engine.listGrants(ListGrantsRequest.builder().keyId(key).build()).grants());
        assertThat(listed).singleElement().satisfies(g -> {
            assertThat(g.grantId()).isEqualTo(created.grantId());
            assertThat(g.granteePrincipal()).isEqualTo(APP);
            assertThat(g.operations()).containsExactlyInAnyOrder(GrantOperation.Encrypt, GrantOperation.Decrypt);
            assertThat(g.constraints().encryptionContextSubset()).isEqualTo(Map.of("app", "billing"));
            assertThat(g.name()).isEqualTo("billing");
        });
        assertThat(remote.listRetirableGrants(ListRetirableGrantsRequest.builder()
                .retiringPrincipal(TestServer.PRINCIPAL).build()).grants())
                .extracting(GrantListEntry::grantId).contains(created.grantId());

        remote.retireGrant(RetireGrantRequest.builder().grantToken(created.grantToken()).build());
        assertThat(remote.listGrants(ListGrantsRequest.builder().keyId(key).build()).grants()).isEmpty();

        String second = remote.createGrant(CreateGrantRequest.builder().keyId(key).granteePrincipal(APP)
                .operations(List.of(GrantOperation.Encrypt)).build()).grantId();
        remote.revokeGrant(RevokeGrantRequest.builder().keyId(key).grantId(second).build());
        assertThat(server.engine.listGrants(ListGrantsRequest.builder().keyId(key).build()).grants()).isEmpty();

        assertThatThrownBy(() -> remote.revokeGrant(RevokeGrantRequest.builder().keyId(key).grantId(second).build()))
                .isInstanceOf(errorOf(() -> server.engine.revokeGrant(
                        RevokeGrantRequest.builder().keyId(key).grantId(second).build())));
        assertThatThrownBy(() -> remote.createGrant(CreateGrantRequest.builder().keyId(key).granteePrincipal(APP)
                .operations(List.of(GrantOperation.Sign)).build()))
                .isInstanceOf(errorOf(() -> server.engine.createGrant(CreateGrantRequest.builder().keyId(key)
                        .granteePrincipal(APP).operations(List.of(GrantOperation.Sign)).build())));
        remote.encrypt(EncryptRequest.builder().keyId(key).plaintext(new byte[] {1}).build());
    }

    /** The class of the exception the engine throws for the same request (errors keep their type over the wire). */
    static Class<? extends Throwable> errorOf(Runnable direct) {
        try {
            direct.run();
        } catch (RuntimeException e) {
            return e.getClass();
        }
        throw new AssertionError("the engine accepted the request");
    }
}
