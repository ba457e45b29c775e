package io.keywarden.kms.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.keywarden.kms.api.*;
import io.keywarden.kms.api.errors.KmsException;
import io.keywarden.kms.engine.EngineSettings;
import io.keywarden.kms.engine.KmsEngine;
import io.keywarden.kms.store.RootKeySource;
import io.keywarden.kms.store.SqliteKmsStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The events of a real engine run — every kind of operation, successes and failures, with awkward
 * strings in descriptions, tags, encryption contexts and identifiers — are written by the
 * hand-written writer exactly as the Jackson mapper writes them: the event fields as the builder
 * makes them, the text the builder writes straight from its fields, and the stored text itself
 * (re-read and re-written by Jackson). A success's compact form renders back to the same text.
 */
class CanonicalJsonEventsTest {

    static final String ACCOUNT = "111122223333";
    static final String ROOT = "arn:aws:iam::" + ACCOUNT + ":root";
    static final String ALICE = "arn:aws:iam::" + ACCOUNT + ":user/alice";
    static final EngineSettings SETTINGS = new EngineSettings(ROOT, ACCOUNT, "us-east-1", 100_000, 50);
    static final String NASTY = "q\"uo\\te \u0001\u001f\t\n é \u2028 \ud83d\ude00 </script>";

    @TempDir
    Path dir;

    private final List<Map<String, Object>> built = new ArrayList<>();
    /** The text the builder writes straight from its fields (what the trail stores), beside each built event. */
    private final List<String> written = new ArrayList<>();
    private final Set<String> operations = new LinkedHashSet<>();
    /** Each success's compact form, rendered back (null for a failure, which has none): {@link #written}'s text. */
    private final List<String> compactRendered = new ArrayList<>();
    private Caller caller = Caller.of(ROOT);

    private SqliteKmsStore openStore() {
        return SqliteKmsStore.open(dir.resolve("store"), RootKeySource.keyFile(dir.resolve("store").resolve("root.key")));
    }

    /** Runs {@code op} and keeps the fields of its event as the builder makes them from the real request and result. */
    private <Q, R> R call(Q request, Function<Q, R> op) {
        String name = request.getClass().getSimpleName().replaceFirst("Request$", "");
        operations.add(name);
        AuditEventBuilder b = new AuditEventBuilder(name, request, caller, "us-east-1", ACCOUNT, Instant.now());
        try {
            R result = op.apply(request);
            built.add(b.successEvent(result));
            written.add(b.success(result));
            compactRendered.add(AuditEventBuilder.storedJson(b.compactLater(result).get()));
            return result;
        } catch (KmsException e) {
            built.add(b.failureEvent(e.errorType(), e.getMessage()));
            written.add(b.failure(e.errorType(), e.getMessage()));
            compactRendered.add(null);
            return null;
        }
    }

    private <Q> void run(Q request, java.util.function.Consumer<Q> op) {
        call(request, q -> {
            op.accept(q);
            return null;
        });
    }

    @Test
    void everyOperationsEventIsWrittenAsJacksonWritesIt() {
        try (KmsEngine root = new KmsEngine(openStore(), Clock.systemUTC(), SETTINGS)) {
            exercise(root);
            caller = Caller.of(ALICE);
            KmsBackend alice = root.forCaller(caller);
            call(DescribeKeyRequest.builder().keyId("alias/" + "missing").build(), alice::describeKey);
            call(ListKeysRequest.builder().limit(3).build(), alice::listKeys);
            root.flushAudit();
        }
        assertThat(operations).hasSizeGreaterThan(40);
        assertThat(built).filteredOn(e -> e.get("errorCode") != null).hasSizeBetween(8, 15);
        for (int i = 0; i < built.size(); i++) {
            Map<String, Object> event = built.get(i);
            String jackson = CanonicalJson.writeWithJackson(event);
            assertThat(CanonicalJson.write(event)).isEqualTo(jackson);
            assertThat(written.get(i)).isEqualTo(jackson);
        }
        assertThat(compactRendered).hasSameSizeAs(written).filteredOn(Objects::nonNull).hasSizeGreaterThan(40);
        for (int i = 0; i < written.size(); i++) {
            if (compactRendered.get(i) != null) {
                assertThat(compactRendered.get(i)).isEqualTo(written.get(i));
            }
        }
        List<String> stored = new ArrayList<>();
        try (SqliteKmsStore s = openStore()) {
            AuditTrail.list(s, new AuditTrail.Filter(null, null, null, null, null, false), stored::add);
            assertThat(AuditTrail.verify(s, null)).isEmpty();
        }
        assertThat(stored).hasSizeGreaterThanOrEqualTo(built.size());
        for (String text : stored) {
            Object parsed = read(text);
            assertThat(CanonicalJson.writeWithJackson(parsed)).isEqualTo(text);
            assertThat(CanonicalJson.write(parsed)).isEqualTo(text);
        }
        assertThat(String.join("\n", stored)).contains("\\u0001\\u001F\\t\\n é \u2028 \ud83d\ude00");
    }

    private static Object read(String text) {
        try {
            return CanonicalJson.MAPPER.readValue(text, Object.class);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private void exercise(KmsEngine kms) {
        byte[] msg = "message".getBytes(StandardCharsets.UTF_8);
        Map<String, String> context = Map.of(NASTY, NASTY, "purpose", "test", "k", "");
        CreateKeyResponse created = call(CreateKeyRequest.builder().description(NASTY)
                .tags(List.of(new Tag("team", NASTY), new Tag("a:b", ""))).build(), kms::createKey);
        String key = created.keyMetadata().keyId();
        String arn = created.keyMetadata().arn();
        String rsa = call(CreateKeyRequest.builder().keySpec(KeySpec.RSA_2048).keyUsage(KeyUsage.SIGN_VERIFY).build(),
                kms::createKey).keyMetadata().keyId();
        String hmac = call(CreateKeyRequest.builder().keySpec(KeySpec.HMAC_256).keyUsage(KeyUsage.GENERATE_VERIFY_MAC)
                .build(), kms::createKey).keyMetadata().keyId();
        String ecdh = call(CreateKeyRequest.builder().keySpec(KeySpec.ECC_NIST_P256).keyUsage(KeyUsage.KEY_AGREEMENT)
                .build(), kms::createKey).keyMetadata().keyId();
        String external = call(CreateKeyRequest.builder().origin(OriginType.EXTERNAL).build(), kms::createKey)
                .keyMetadata().keyId();
        call(CreateKeyRequest.builder().keySpec(KeySpec.HMAC_256).build(), kms::createKey); // refused: usage

        run(CreateAliasRequest.builder().aliasName("alias/test-1").targetKeyId(key).build(), kms::createAlias);
        run(CreateAliasRequest.builder().aliasName("alias/" + NASTY).targetKeyId(key).build(), kms::createAlias);
        run(UpdateAliasRequest.builder().aliasName("alias/test-1").targetKeyId(key).build(), kms::updateAlias);
        call(ListAliasesRequest.builder().keyId(key).build(), kms::listAliases);
        run(TagResourceRequest.builder().keyId(arn).tags(List.of(new Tag("x", "y"))).build(), kms::tagResource);
        run(UntagResourceRequest.builder().keyId(key).tagKeys(List.of("x", NASTY)).build(), kms::untagResource);
        call(ListResourceTagsRequest.builder().keyId(key).build(), kms::listResourceTags);
        run(UpdateKeyDescriptionRequest.builder().keyId(key).description("").build(), kms::updateKeyDescription);

        EncryptResponse enc = call(EncryptRequest.builder().keyId("alias/test-1").plaintext(msg)
                .encryptionContext(context).build(), kms::encrypt);
        call(DecryptRequest.builder().ciphertextBlob(enc.ciphertextBlob()).encryptionContext(context).build(),
                kms::decrypt);
        call(DecryptRequest.builder().ciphertextBlob(enc.ciphertextBlob()).build(), kms::decrypt); // wrong context
        call(ReEncryptRequest.builder().ciphertextBlob(enc.ciphertextBlob()).sourceEncryptionContext(context)
                .destinationKeyId(arn).destinationEncryptionContext(Map.of()).build(), kms::reEncrypt);
        call(GenerateDataKeyRequest.builder().keyId(key).numberOfBytes(32).encryptionContext(context).build(),
                kms::generateDataKey);
        call(GenerateDataKeyRequest.builder().keyId(key).keySpec(DataKeySpec.AES_256).build(), kms::generateDataKey);
        call(GenerateDataKeyWithoutPlaintextRequest.builder().keyId(key).numberOfBytes(-1).build(),
                kms::generateDataKeyWithoutPlaintext);
        call(GenerateDataKeyPairRequest.builder().keyId(key).keyPairSpec(DataKeyPairSpec.ECC_NIST_P256).build(),
                kms::generateDataKeyPair);
        call(GenerateDataKeyPairWithoutPlaintextRequest.builder().keyId(key)
                .keyPairSpec(DataKeyPairSpec.ECC_NIST_P256).build(), kms::generateDataKeyPairWithoutPlaintext);
        SignResponse sig = call(SignRequest.builder().keyId(rsa).message(msg).messageType(MessageType.RAW)
                .signingAlgorithm(SigningAlgorithmSpec.RSASSA_PSS_SHA_256).build(), kms::sign);
        call(VerifyRequest.builder().keyId(rsa).message(msg).signature(sig.signature())
                .signingAlgorithm(SigningAlgorithmSpec.RSASSA_PSS_SHA_256).build(), kms::verify);
        call(GetPublicKeyRequest.builder().keyId(rsa).build(), kms::getPublicKey);
        GenerateMacResponse mac = call(GenerateMacRequest.builder().keyId(hmac).message(msg)
                .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256).build(), kms::generateMac);
        call(VerifyMacRequest.builder().keyId(hmac).message(msg).mac(mac.mac())
                .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256).build(), kms::verifyMac);
        byte[] peer = kms.getPublicKey(GetPublicKeyRequest.builder().keyId(ecdh).build()).publicKey();
        call(DeriveSharedSecretRequest.builder().keyId(ecdh).keyAgreementAlgorithm(KeyAgreementAlgorithmSpec.ECDH)
                .publicKey(peer).build(), kms::deriveSharedSecret);
        call(GenerateRandomRequest.builder().numberOfBytes(16).build(), kms::generateRandom);
        call(GetParametersForImportRequest.builder().keyId(external).wrappingAlgorithm(AlgorithmSpec.RSAES_OAEP_SHA_256)
                .wrappingKeySpec(WrappingKeySpec.RSA_2048).build(), kms::getParametersForImport);

        CreateGrantResponse grant = call(CreateGrantRequest.builder().keyId(key).granteePrincipal(ALICE)
                .retiringPrincipal(ROOT).operations(GrantOperation.Decrypt, GrantOperation.Encrypt).name("grant-1")
                .constraints(GrantConstraints.builder().encryptionContextSubset(Map.of("purpose", "test")).build())
                .build(), kms::createGrant);
        call(ListGrantsRequest.builder().keyId(key).limit(10).build(), kms::listGrants);
        call(ListRetirableGrantsRequest.builder().retiringPrincipal(ROOT).build(), kms::listRetirableGrants);
        run(RetireGrantRequest.builder().keyId(key).grantId(grant == null ? "missing" : grant.grantId()).build(),
                kms::retireGrant);
        run(RevokeGrantRequest.builder().keyId(key).grantId("0".repeat(64)).build(), kms::revokeGrant);

        String policy = kms.getKeyPolicy(new GetKeyPolicyRequest(key, null)).policy();
        call(new GetKeyPolicyRequest(key, "default"), kms::getKeyPolicy);
        run(new PutKeyPolicyRequest(key, "default", policy, false), kms::putKeyPolicy);
        call(new ListKeyPoliciesRequest(key, 5, null), kms::listKeyPolicies);
        run(new PutIdentityPolicyRequest(ALICE, "{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Effect\":\"Allow\",\"Action\":\"kms:List*\",\"Resource\":\"*\"}]}"), kms::putIdentityPolicy);
        call(new GetIdentityPolicyRequest(ALICE), kms::getIdentityPolicy);

        run(EnableKeyRotationRequest.builder().keyId(key).rotationPeriodInDays(90).build(), kms::enableKeyRotation);
        call(GetKeyRotationStatusRequest.builder().keyId(key).build(), kms::getKeyRotationStatus);
        call(RotateKeyOnDemandRequest.builder().keyId(key).build(), kms::rotateKeyOnDemand);
        call(ListKeyRotationsRequest.builder().keyId(key).build(), kms::listKeyRotations);
        run(DisableKeyRotationRequest.builder().keyId(key).build(), kms::disableKeyRotation);
        run(DisableKeyRequest.builder().keyId(key).build(), kms::disableKey);
        run(EnableKeyRequest.builder().keyId(key).build(), kms::enableKey);
        call(ScheduleKeyDeletionRequest.builder().keyId(hmac).pendingWindowInDays(7).build(),
                kms::scheduleKeyDeletion);
        call(CancelKeyDeletionRequest.builder().keyId(hmac).build(), kms::cancelKeyDeletion);
        run(DeleteAliasRequest.builder().aliasName("alias/test-1").build(), kms::deleteAlias);
        call(DescribeKeyRequest.builder().keyId(key).build(), kms::describeKey);
        call(DescribeKeyRequest.builder().keyId("arn:aws:kms:us-east-1:" + ACCOUNT + ":alias/" + NASTY).build(),
                kms::describeKey);
        call(DescribeKeyRequest.builder().keyId(NASTY).build(), kms::describeKey);
        call(DescribeKeyRequest.builder().keyId("arn:aws:kms:us-east-1::").build(), kms::describeKey);
        call(ListKeysRequest.builder().limit(2).marker(NASTY).build(), kms::listKeys);
    }
}
