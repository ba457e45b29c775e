package io.keywarden.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.crypto.ImportWrapping;
import io.keywarden.server.protocol.OperationTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.KeyAgreement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AlgorithmSpec;
import software.amazon.awssdk.services.kms.model.AlreadyExistsException;
import software.amazon.awssdk.services.kms.model.DataKeyPairSpec;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.ExpirationModelType;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyPairResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.CreateGrantResponse;
import software.amazon.awssdk.services.kms.model.GrantListEntry;
import software.amazon.awssdk.services.kms.model.GrantOperation;
import software.amazon.awssdk.services.kms.model.GetParametersForImportResponse;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.KeyAgreementAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.KmsInvalidMacException;
import software.amazon.awssdk.services.kms.model.KmsInvalidSignatureException;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.ListKeysResponse;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.Tag;
import software.amazon.awssdk.services.kms.model.WrappingKeySpec;

/**
 * Every operation of the backend through the real AWS SDK for Java v2 {@code KmsClient}, against one
 * server on a temporary embedded store; at the end, the server's metrics show that each operation of
 * the {@link OperationTable} was served at least once.
 */
class SdkOperationsTest {

    @TempDir
    static Path dir;
    static TestServer server;
    static KmsClient kms;

    @BeforeAll
    static void start() {
        server = TestServer.plaintext(dir);
        kms = server.client();
    }

    @AfterAll
    static void everyOperationWasServed() {
        try {
            String scrape = server.server.metrics().scrape();
            Set<String> served = new HashSet<>();
            Matcher m = Pattern.compile("keywarden_requests_total\\{operation=\"(\\w+)\"").matcher(scrape);
            while (m.find()) {
                served.add(m.group(1));
            }
            assertThat(served).containsAll(new OperationTable().all().keySet());
        } finally {
            kms.close();
            server.close();
        }
    }

    private static String symmetricKey() {
        return kms.createKey(r -> r.description("test")).keyMetadata().keyId();
    }

    private static SdkBytes utf8(String s) {
        return SdkBytes.fromString(s, StandardCharsets.UTF_8);
    }

    @Test
    void keyLifecycle() {
        KeyMetadata md = kms.createKey(r -> r.description("first").tags(Tag.builder().tagKey("env").tagValue("dev").build()))
                .keyMetadata();
        assertThat(md.keyState()).isEqualTo(KeyState.ENABLED);
        assertThat(md.keySpec()).isEqualTo(KeySpec.SYMMETRIC_DEFAULT);
        assertThat(md.awsAccountId()).isEqualTo("111122223333");
        assertThat(md.creationDate()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
        assertThat(md.arn()).endsWith(":key/" + md.keyId());

        kms.updateKeyDescription(r -> r.keyId(md.keyId()).description("second"));
        assertThat(kms.describeKey(r -> r.keyId(md.keyId())).keyMetadata().description()).isEqualTo("second");

        kms.disableKey(r -> r.keyId(md.keyId()));
        assertThat(kms.describeKey(r -> r.keyId(md.keyId())).keyMetadata().enabled()).isFalse();
        assertThatThrownBy(() -> kms.encrypt(r -> r.keyId(md.keyId()).plaintext(utf8("x"))))
                .isInstanceOf(DisabledException.class);
        kms.enableKey(r -> r.keyId(md.keyId()));

        Instant deletion = kms.scheduleKeyDeletion(r -> r.keyId(md.keyId()).pendingWindowInDays(7)).deletionDate();
        assertThat(deletion).isAfter(Instant.now().plusSeconds(6 * 86400));
        assertThatThrownBy(() -> kms.encrypt(r -> r.keyId(md.keyId()).plaintext(utf8("x"))))
                .isInstanceOf(KmsInvalidStateException.class);
        assertThat(kms.cancelKeyDeletion(r -> r.keyId(md.keyId())).keyId()).contains(md.keyId());
        assertThat(kms.describeKey(r -> r.keyId(md.keyId())).keyMetadata().keyState()).isEqualTo(KeyState.DISABLED);

        assertThatThrownBy(() -> kms.describeKey(r -> r.keyId("00000000-0000-0000-0000-000000000000")))
                .isInstanceOf(NotFoundException.class)
                .satisfies(e -> assertThat(((NotFoundException) e).awsErrorDetails().errorCode()).isEqualTo("NotFoundException"));
    }

    @Test
    void concurrentCallers() throws Exception {
        String key = symmetricKey();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int n = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        String text = "caller " + n + " message " + i;
                        SdkBytes blob = kms.encrypt(r -> r.keyId(key).plaintext(utf8(text))).ciphertextBlob();
                        if (!kms.decrypt(r -> r.ciphertextBlob(blob)).plaintext().asUtf8String().equals(text)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (java.util.concurrent.Future<Boolean> f : results) {
                assertThat(f.get(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void listKeysPages() {
        for (int i = 0; i < 3; i++) {
            symmetricKey();
        }
        List<String> ids = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            String m = marker;
            ListKeysResponse page = kms.listKeys(r -> r.limit(2).marker(m));
            page.keys().forEach(k -> ids.add(k.keyId()));
            marker = page.truncated() ? page.nextMarker() : null;
            pages++;
        } while (marker != null);
        assertThat(pages).isGreaterThanOrEqualTo(2);
        assertThat(ids).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void encryptDecryptReEncryptWithContext() {
        String a = symmetricKey();
        String b = symmetricKey();
        Map<String, String> ctx = Map.of("dept", "eng");
        SdkBytes blob = kms.encrypt(r -> r.keyId(a).plaintext(utf8("hello")).encryptionContext(ctx)).ciphertextBlob();
        assertThat(kms.decrypt(r -> r.ciphertextBlob(blob).encryptionContext(ctx)).plaintext().asUtf8String()).isEqualTo("hello");
        assertThatThrownBy(() -> kms.decrypt(r -> r.ciphertextBlob(blob).encryptionContext(Map.of("dept", "ops"))))
                .isInstanceOf(InvalidCiphertextException.class);

        SdkBytes moved = kms.reEncrypt(r -> r.ciphertextBlob(blob).sourceEncryptionContext(ctx).destinationKeyId(b))
                .ciphertextBlob();
        var dec = kms.decrypt(r -> r.ciphertextBlob(moved));
        assertThat(dec.plaintext().asUtf8String()).isEqualTo("hello");
        assertThat(dec.keyId()).endsWith(b);
    }

    @Test
    void dataKeys() {
        String key = symmetricKey();
        GenerateDataKeyResponse dk = kms.generateDataKey(r -> r.keyId(key).keySpec(DataKeySpec.AES_256));
        assertThat(dk.plaintext().asByteArray()).hasSize(32);
        assertThat(kms.decrypt(r -> r.ciphertextBlob(dk.ciphertextBlob())).plaintext()).isEqualTo(dk.plaintext());

        SdkBytes wp = kms.generateDataKeyWithoutPlaintext(r -> r.keyId(key).numberOfBytes(16)).ciphertextBlob();
        assertThat(kms.decrypt(r -> r.ciphertextBlob(wp)).plaintext().asByteArray()).hasSize(16);

        GenerateDataKeyPairResponse pair = kms.generateDataKeyPair(r -> r.keyId(key).keyPairSpec(DataKeyPairSpec.ECC_NIST_P256));
        assertThat(pair.publicKey().asByteArray()).isNotEmpty();
        assertThat(kms.decrypt(r -> r.ciphertextBlob(pair.privateKeyCiphertextBlob())).plaintext())
                .isEqualTo(pair.privateKeyPlaintext());
        var pairWp = kms.generateDataKeyPairWithoutPlaintext(r -> r.keyId(key).keyPairSpec(DataKeyPairSpec.ECC_NIST_P256));
        assertThat(pairWp.privateKeyCiphertextBlob().asByteArray()).isNotEmpty();

        assertThat(kms.generateRandom(r -> r.numberOfBytes(24)).plaintext().asByteArray()).hasSize(24);
    }

    @Test
    void signVerifyAndPublicKey() {
        String key = kms.createKey(r -> r.keySpec(KeySpec.ECC_NIST_P256).keyUsage(KeyUsageType.SIGN_VERIFY)).keyMetadata().keyId();
        SdkBytes message = utf8("message");
        SdkBytes sig = kms.sign(r -> r.keyId(key).message(message).messageType(MessageType.RAW)
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)).signature();
        assertThat(kms.verify(r -> r.keyId(key).message(message).signature(sig)
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)).signatureValid()).isTrue();
        assertThatThrownBy(() -> kms.verify(r -> r.keyId(key).message(utf8("other")).signature(sig)
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)))
                .isInstanceOf(KmsInvalidSignatureException.class);
        var pub = kms.getPublicKey(r -> r.keyId(key));
        assertThat(pub.keySpec()).isEqualTo(KeySpec.ECC_NIST_P256);
        assertThat(pub.signingAlgorithms()).contains(SigningAlgorithmSpec.ECDSA_SHA_256);
    }

    @Test
    void macs() {
        String key = kms.createKey(r -> r.keySpec(KeySpec.HMAC_256).keyUsage(KeyUsageType.GENERATE_VERIFY_MAC)).keyMetadata().keyId();
        SdkBytes mac = kms.generateMac(r -> r.keyId(key).message(utf8("m")).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)).mac();
        assertThat(kms.verifyMac(r -> r.keyId(key).message(utf8("m")).mac(mac).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256))
                .macValid()).isTrue();
        assertThatThrownBy(() -> kms.verifyMac(r -> r.keyId(key).message(utf8("n")).mac(mac)
                .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)))
                .isInstanceOf(KmsInvalidMacException.class);
    }

    @Test
    void deriveSharedSecret() throws Exception {
        String key = kms.createKey(r -> r.keySpec(KeySpec.ECC_NIST_P256).keyUsage(KeyUsageType.KEY_AGREEMENT)).keyMetadata().keyId();
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair mine = g.generateKeyPair();
        byte[] secret = kms.deriveSharedSecret(r -> r.keyId(key).keyAgreementAlgorithm(KeyAgreementAlgorithmSpec.ECDH)
                .publicKey(SdkBytes.fromByteArray(mine.getPublic().getEncoded()))).sharedSecret().asByteArray();
        PublicKey theirs = KeyFactory.getInstance("EC").generatePublic(
                new X509EncodedKeySpec(kms.getPublicKey(r -> r.keyId(key)).publicKey().asByteArray()));
        KeyAgreement ka = KeyAgreement.getInstance("ECDH");
        ka.init(mine.getPrivate());
        ka.doPhase(theirs, true);
        assertThat(secret).isEqualTo(ka.generateSecret());
    }

    @Test
    void rotation() {
        String key = symmetricKey();
        kms.enableKeyRotation(r -> r.keyId(key).rotationPeriodInDays(90));
        var status = kms.getKeyRotationStatus(r -> r.keyId(key));
        assertThat(status.keyRotationEnabled()).isTrue();
        assertThat(status.rotationPeriodInDays()).isEqualTo(90);
        assertThat(status.nextRotationDate()).isAfter(Instant.now());
        SdkBytes before = kms.encrypt(r -> r.keyId(key).plaintext(utf8("old"))).ciphertextBlob();
        assertThat(kms.rotateKeyOnDemand(r -> r.keyId(key)).keyId()).isEqualTo(key);
        assertThat(kms.listKeyRotations(r -> r.keyId(key)).rotations()).isNotEmpty();
        assertThat(kms.decrypt(r -> r.ciphertextBlob(before)).plaintext().asUtf8String()).isEqualTo("old");
        kms.disableKeyRotation(r -> r.keyId(key));
        assertThat(kms.getKeyRotationStatus(r -> r.keyId(key)).keyRotationEnabled()).isFalse();
    }

    @Test
    void aliases() {
        String a = symmetricKey();
        String b = symmetricKey();
        kms.createAlias(r -> r.aliasName("alias/server-test").targetKeyId(a));
        assertThatThrownBy(() -> kms.createAlias(r -> r.aliasName("alias/server-test").targetKeyId(b)))
                .isInstanceOf(AlreadyExistsException.class);
        assertThat(kms.describeKey(r -> r.keyId("alias/server-test")).keyMetadata().keyId()).isEqualTo(a);
        kms.updateAlias(r -> r.aliasName("alias/server-test").targetKeyId(b));
        assertThat(kms.listAliases(r -> r.keyId(b)).aliases()).anySatisfy(e -> assertThat(e.aliasName()).isEqualTo("alias/server-test"));
        kms.deleteAlias(r -> r.aliasName("alias/server-test"));
        assertThatThrownBy(() -> kms.describeKey(r -> r.keyId("alias/server-test"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void tags() {
        String key = symmetricKey();
        kms.tagResource(r -> r.keyId(key).tags(Tag.builder().tagKey("a").tagValue("1").build(),
                Tag.builder().tagKey("b").tagValue("2").build()));
        kms.untagResource(r -> r.keyId(key).tagKeys("a"));
        assertThat(kms.listResourceTags(r -> r.keyId(key)).tags())
                .extracting(Tag::tagKey).containsExactly("b");
    }

    @Test
    void importKeyMaterial() throws Exception {
        String key = kms.createKey(r -> r.origin(OriginType.EXTERNAL)).keyMetadata().keyId();
        assertThat(kms.describeKey(r -> r.keyId(key)).keyMetadata().keyState()).isEqualTo(KeyState.PENDING_IMPORT);
        GetParametersForImportResponse params = kms.getParametersForImport(r -> r.keyId(key)
                .wrappingAlgorithm(AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_256).wrappingKeySpec(WrappingKeySpec.RSA_2048));
        assertThat(params.parametersValidTo()).isAfter(Instant.now());
        PublicKey wrapping = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(params.publicKey().asByteArray()));
        byte[] material = new byte[32];
        new java.security.SecureRandom().nextBytes(material);
        byte[] wrapped = ImportWrapping.wrap(io.keywarden.kms.api.AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_256, wrapping, material);
        kms.importKeyMaterial(r -> r.keyId(key).importToken(params.importToken())
                .encryptedKeyMaterial(SdkBytes.fromByteArray(wrapped))
                .expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE));
        assertThat(kms.describeKey(r -> r.keyId(key)).keyMetadata().keyState()).isEqualTo(KeyState.ENABLED);
        SdkBytes blob = kms.encrypt(r -> r.keyId(key).plaintext(utf8("imported"))).ciphertextBlob();
        assertThat(kms.decrypt(r -> r.ciphertextBlob(blob)).plaintext().asUtf8String()).isEqualTo("imported");

        kms.deleteImportedKeyMaterial(r -> r.keyId(key));
        assertThat(kms.describeKey(r -> r.keyId(key)).keyMetadata().keyState()).isEqualTo(KeyState.PENDING_IMPORT);
        assertThatThrownBy(() -> kms.decrypt(r -> r.ciphertextBlob(blob))).isInstanceOf(KmsInvalidStateException.class);
    }

    @Test
    void keyPolicies() {
        String key = symmetricKey();
        assertThat(kms.listKeyPolicies(r -> r.keyId(key)).policyNames()).contains("default");
        String before = kms.getKeyPolicy(r -> r.keyId(key).policyName("default")).policy();
        assertThat(before).contains("arn:aws:iam::111122223333:root");
        // keeps the default policy's root statement (so the test principal's identity policy still
        // applies) and names the test principal too
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Sid\":\"Enable IAM User Permissions\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"},"
                + "{\"Sid\":\"Tester\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + TestServer.PRINCIPAL + "\"},"
                + "\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
        kms.putKeyPolicy(r -> r.keyId(key).policyName("default").policy(policy));
        var got = kms.getKeyPolicy(r -> r.keyId(key).policyName("default"));
        assertThat(got.policy()).isEqualTo(policy);
        assertThat(got.policyName()).isEqualTo("default");
        assertThat(kms.listKeyPolicies(r -> r.keyId(key)).policyNames()).containsExactly("default");
        SdkBytes blob = kms.encrypt(r -> r.keyId(key).plaintext(utf8("still mine"))).ciphertextBlob();
        assertThat(kms.decrypt(r -> r.ciphertextBlob(blob)).plaintext().asUtf8String()).isEqualTo("still mine");
    }

    @Test
    void grants() {
        String key = symmetricKey();
        String other = "arn:aws:iam::111122223333:user/other";
        CreateGrantResponse created = kms.createGrant(r -> r.keyId(key).granteePrincipal(other)
                .retiringPrincipal(TestServer.PRINCIPAL).name("server-test")
                .operations(GrantOperation.ENCRYPT, GrantOperation.DECRYPT)
                .constraints(c -> c.encryptionContextSubset(Map.of("dept", "eng"))));
        assertThat(created.grantId()).isNotEmpty();
        assertThat(created.grantToken()).isNotEmpty();

        List<GrantListEntry> listed = kms.listGrants(r -> r.keyId(key).grantId(created.grantId())).grants();
        assertThat(listed).hasSize(1);
        GrantListEntry g = listed.get(0);
        assertThat(g.grantId()).isEqualTo(created.grantId());
        assertThat(g.keyId()).endsWith(key);
        assertThat(g.name()).isEqualTo("server-test");
        assertThat(g.granteePrincipal()).isEqualTo(other);
        assertThat(g.retiringPrincipal()).isEqualTo(TestServer.PRINCIPAL);
        assertThat(g.issuingAccount()).contains("111122223333");
        assertThat(g.creationDate()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
        assertThat(g.operations()).containsExactlyInAnyOrder(GrantOperation.ENCRYPT, GrantOperation.DECRYPT);
        assertThat(g.constraints().encryptionContextSubset()).isEqualTo(Map.of("dept", "eng"));
        assertThat(g.constraints().hasEncryptionContextEquals()).isFalse();

        assertThat(kms.listRetirableGrants(r -> r.retiringPrincipal(TestServer.PRINCIPAL)).grants())
                .anySatisfy(e -> assertThat(e.grantId()).isEqualTo(created.grantId()));

        kms.retireGrant(r -> r.keyId(key).grantId(created.grantId()));
        assertThat(kms.listGrants(r -> r.keyId(key).grantId(created.grantId())).grants()).isEmpty();
        assertThat(kms.listRetirableGrants(r -> r.retiringPrincipal(TestServer.PRINCIPAL)).grants())
                .noneSatisfy(e -> assertThat(e.grantId()).isEqualTo(created.grantId()));

        String second = kms.createGrant(r -> r.keyId(key).granteePrincipal(other)
                .operations(GrantOperation.ENCRYPT)).grantId();
        assertThat(kms.listGrants(r -> r.keyId(key)).grants()).extracting(GrantListEntry::grantId).containsExactly(second);
        kms.revokeGrant(r -> r.keyId(key).grantId(second));
        assertThat(kms.listGrants(r -> r.keyId(key)).grants()).isEmpty();
    }

    @Test
    void tableServesAwsDefaultOperationsButNotKeywardenExtensions() {
        Set<String> table = new OperationTable().all().keySet();
        assertThat(table).contains("PutKeyPolicy", "GetKeyPolicy", "ListKeyPolicies", "CreateGrant", "ListGrants",
                "ListRetirableGrants", "RetireGrant", "RevokeGrant", "Encrypt", "CreateKey");
        assertThat(table).doesNotContain("PutIdentityPolicy", "GetIdentityPolicy", "PutCertificateEntry",
                "GetCertificateEntry", "ListCertificateEntries", "DeleteCertificateEntry", "DirectEncrypt",
                "DirectDecrypt", "DirectWrapKey", "DirectUnwrapKey", "Close");
        assertThat(table).hasSize(45);
    }
}
