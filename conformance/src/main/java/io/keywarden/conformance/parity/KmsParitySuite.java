package io.keywarden.conformance.parity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keywarden.kms.api.AlgorithmSpec;
import io.keywarden.kms.api.CancelKeyDeletionRequest;
import io.keywarden.kms.api.CreateAliasRequest;
import io.keywarden.kms.api.CreateKeyRequest;
import io.keywarden.kms.api.DecryptRequest;
import io.keywarden.kms.api.DecryptResponse;
import io.keywarden.kms.api.DeleteImportedKeyMaterialRequest;
import io.keywarden.kms.api.DescribeKeyRequest;
import io.keywarden.kms.api.DisableKeyRequest;
import io.keywarden.kms.api.EnableKeyRequest;
import io.keywarden.kms.api.EnableKeyRotationRequest;
import io.keywarden.kms.api.EncryptRequest;
import io.keywarden.kms.api.GenerateDataKeyRequest;
import io.keywarden.kms.api.GenerateDataKeyResponse;
import io.keywarden.kms.api.GenerateMacRequest;
import io.keywarden.kms.api.GetKeyRotationStatusRequest;
import io.keywarden.kms.api.GetParametersForImportRequest;
import io.keywarden.kms.api.GetParametersForImportResponse;
import io.keywarden.kms.api.GetPublicKeyRequest;
import io.keywarden.kms.api.ImportKeyMaterialRequest;
import io.keywarden.kms.api.KeyMetadata;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyState;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.ListResourceTagsRequest;
import io.keywarden.kms.api.MacAlgorithmSpec;
import io.keywarden.kms.api.MessageType;
import io.keywarden.kms.api.OriginType;
import io.keywarden.kms.api.ReEncryptRequest;
import io.keywarden.kms.api.RotateKeyOnDemandRequest;
import io.keywarden.kms.api.ScheduleKeyDeletionRequest;
import io.keywarden.kms.api.SignRequest;
import io.keywarden.kms.api.SigningAlgorithmSpec;
import io.keywarden.kms.api.Tag;
import io.keywarden.kms.api.TagResourceRequest;
import io.keywarden.kms.api.UpdateKeyDescriptionRequest;
import io.keywarden.kms.api.VerifyMacRequest;
import io.keywarden.kms.api.WrappingKeySpec;
import io.keywarden.kms.api.errors.AlreadyExistsException;
import io.keywarden.kms.api.errors.IncorrectKeyException;
import io.keywarden.kms.api.errors.IncorrectKeyMaterialException;
import io.keywarden.kms.api.errors.InvalidAliasNameException;
import io.keywarden.kms.api.errors.InvalidCiphertextException;
import io.keywarden.kms.api.errors.KMSInvalidMacException;
import io.keywarden.kms.api.errors.KmsException;
import io.keywarden.kms.api.errors.ValidationException;
import io.keywarden.kms.crypto.ImportWrapping;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * KMS behaviour parity: the behaviours a KMS user relies on, written once against {@link KmsBackend}
 * and run against every backend (the embedded engine, the server through the AWS SDK). Everything
 * goes through the backend API only: keys are created, moved between states, imported into and
 * used with KMS operations, and results are checked with exact error types ({@link
 * KmsException#errorType()}) and, for signatures and MACs, with the JDK's own providers.
 *
 * <p>Subclasses provide {@link #backend()}; they may override {@link #moveTo} if a backend needs
 * a different way to reach a state, but the default uses the API only.
 */
public abstract class KmsParitySuite {

    /** The backend under test. Called for every operation; may return the same instance each time. */
    protected abstract KmsBackend backend();

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String OK = "ok";
    private static final String DISABLED = "DisabledException";
    private static final String INVALID_STATE = "KMSInvalidStateException";
    private static final String UNSUPPORTED = "UnsupportedOperationException";
    private static final List<KeyState> STATES =
            List.of(KeyState.Enabled, KeyState.Disabled, KeyState.PendingDeletion, KeyState.PendingImport);

    // ---------------------------------------------------------------------------------------------
    // Key states

    /** The kind of key an operation of the state table needs. */
    protected enum Kind {
        SYMMETRIC(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, false),
        SIGN(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY, false),
        HMAC(KeySpec.HMAC_256, KeyUsage.GENERATE_VERIFY_MAC, false),
        /** Import rows: always an EXTERNAL symmetric key (with material unless PendingImport). */
        IMPORTED(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, true);

        final KeySpec spec;
        final KeyUsage usage;
        final boolean alwaysExternal;

        Kind(KeySpec spec, KeyUsage usage, boolean alwaysExternal) {
            this.spec = spec;
            this.usage = usage;
            this.alwaysExternal = alwaysExternal;
        }

        byte[] material() {
            return this == SIGN ? p256Pkcs8() : randomBytes(32);
        }
    }

    /** One row of the state table: what it needs, how the call is prepared, and the expected outcomes. */
    private record Row(String operation, Kind kind, boolean preparedWithMaterial, Preparation preparation,
            List<String> expected) {
    }

    /** Prepares the call while the key is Enabled (or a never-imported PendingImport) and returns it. */
    private interface Preparation {
        Runnable prepare(String keyId, byte[] material);
    }

    private static List<String> outcomes(String enabled, String disabled, String pendingDeletion,
            String pendingImport) {
        return List.of(enabled, disabled, pendingDeletion, pendingImport);
    }

    /**
     * A sample of every row group of AWS KMS's key state table (crypto, enable/disable,
     * schedule/cancel deletion, rotation, import, key management, any-state) for the states
     * Enabled, Disabled, PendingDeletion and PendingImport. Key policy and grant operations are
     * not sampled: the server does not serve them (its operation table skips the interface's
     * default methods) and the remote backend does not implement them.
     */
    private List<Row> rows() {
        List<String> crypto = outcomes(OK, DISABLED, INVALID_STATE, INVALID_STATE);
        List<String> enableDisable = outcomes(OK, OK, INVALID_STATE, INVALID_STATE);
        List<String> rotation = outcomes(OK, DISABLED, INVALID_STATE, UNSUPPORTED);
        List<String> manage = outcomes(OK, OK, INVALID_STATE, OK);
        List<String> any = outcomes(OK, OK, OK, OK);
        byte[] message = "parity".getBytes(StandardCharsets.UTF_8);
        KmsBackend kms = backend();
        List<Row> rows = new ArrayList<>();
        // crypto
        rows.add(new Row("Encrypt", Kind.SYMMETRIC, false, (k, m) -> () -> kms.encrypt(
                EncryptRequest.builder().keyId(k).plaintext(message).build()), crypto));
        rows.add(new Row("Decrypt", Kind.SYMMETRIC, true, (k, m) -> {
            byte[] blob = encrypt(k, message, null);
            return () -> kms.decrypt(DecryptRequest.builder().keyId(k).ciphertextBlob(blob).build());
        }, crypto));
        rows.add(new Row("ReEncrypt", Kind.SYMMETRIC, true, (k, m) -> {
            byte[] blob = encrypt(k, message, null);
            return () -> kms.reEncrypt(ReEncryptRequest.builder().ciphertextBlob(blob).sourceKeyId(k)
                    .destinationKeyId(k).build());
        }, crypto));
        rows.add(new Row("GenerateDataKey", Kind.SYMMETRIC, false, (k, m) -> () -> kms.generateDataKey(
                GenerateDataKeyRequest.builder().keyId(k).numberOfBytes(32).build()), crypto));
        rows.add(new Row("Sign", Kind.SIGN, false, (k, m) -> () -> kms.sign(SignRequest.builder().keyId(k)
                .message(message).messageType(MessageType.RAW)
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256).build()), crypto));
        rows.add(new Row("GetPublicKey", Kind.SIGN, false, (k, m) -> () -> kms.getPublicKey(
                GetPublicKeyRequest.builder().keyId(k).build()), crypto));
        rows.add(new Row("GenerateMac", Kind.HMAC, false, (k, m) -> () -> kms.generateMac(
                GenerateMacRequest.builder().keyId(k).message(message).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)
                        .build()), crypto));
        rows.add(new Row("VerifyMac", Kind.HMAC, true, (k, m) -> {
            byte[] mac = kms.generateMac(GenerateMacRequest.builder().keyId(k).message(message)
                    .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256).build()).mac();
            return () -> kms.verifyMac(VerifyMacRequest.builder().keyId(k).message(message).mac(mac)
                    .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256).build());
        }, crypto));
        // enable / disable
        rows.add(new Row("EnableKey", Kind.SYMMETRIC, false, (k, m) -> () -> kms.enableKey(
                EnableKeyRequest.builder().keyId(k).build()), enableDisable));
        rows.add(new Row("DisableKey", Kind.SYMMETRIC, false, (k, m) -> () -> kms.disableKey(
                DisableKeyRequest.builder().keyId(k).build()), enableDisable));
        // schedule / cancel deletion
        rows.add(new Row("ScheduleKeyDeletion", Kind.SYMMETRIC, false, (k, m) -> () -> kms.scheduleKeyDeletion(
                ScheduleKeyDeletionRequest.builder().keyId(k).pendingWindowInDays(7).build()), manage));
        rows.add(new Row("CancelKeyDeletion", Kind.SYMMETRIC, false, (k, m) -> () -> kms.cancelKeyDeletion(
                CancelKeyDeletionRequest.builder().keyId(k).build()),
                outcomes(INVALID_STATE, INVALID_STATE, OK, INVALID_STATE)));
        // rotation (AWS_KMS keys; the PendingImport column is an EXTERNAL key)
        rows.add(new Row("EnableKeyRotation", Kind.SYMMETRIC, false, (k, m) -> () -> kms.enableKeyRotation(
                EnableKeyRotationRequest.builder().keyId(k).build()), rotation));
        rows.add(new Row("RotateKeyOnDemand", Kind.SYMMETRIC, false, (k, m) -> () -> kms.rotateKeyOnDemand(
                RotateKeyOnDemandRequest.builder().keyId(k).build()), rotation));
        // import (EXTERNAL keys)
        rows.add(new Row("GetParametersForImport", Kind.IMPORTED, false, (k, m) -> () -> importParameters(k),
                manage));
        rows.add(new Row("ImportKeyMaterial", Kind.IMPORTED, true, (k, m) -> {
            ImportKeyMaterialRequest request = importRequest(k, m);
            return () -> kms.importKeyMaterial(request);
        }, manage));
        rows.add(new Row("DeleteImportedKeyMaterial", Kind.IMPORTED, false, (k, m) -> () ->
                kms.deleteImportedKeyMaterial(DeleteImportedKeyMaterialRequest.builder().keyId(k).build()), manage));
        // key management
        rows.add(new Row("CreateAlias", Kind.SYMMETRIC, false, (k, m) -> {
            String alias = uniqueAlias();
            return () -> kms.createAlias(CreateAliasRequest.builder().aliasName(alias).targetKeyId(k).build());
        }, manage));
        rows.add(new Row("UpdateKeyDescription", Kind.SYMMETRIC, false, (k, m) -> () -> kms.updateKeyDescription(
                UpdateKeyDescriptionRequest.builder().keyId(k).description("changed").build()), manage));
        rows.add(new Row("TagResource", Kind.SYMMETRIC, false, (k, m) -> () -> kms.tagResource(
                TagResourceRequest.builder().keyId(k).tags(List.of(new Tag("team", "parity"))).build()), manage));
        // any state
        rows.add(new Row("DescribeKey", Kind.SYMMETRIC, false, (k, m) -> () -> kms.describeKey(
                DescribeKeyRequest.builder().keyId(k).build()), any));
        rows.add(new Row("GetKeyRotationStatus", Kind.SYMMETRIC, false, (k, m) -> () -> kms.getKeyRotationStatus(
                GetKeyRotationStatusRequest.builder().keyId(k).build()), any));
        rows.add(new Row("ListResourceTags", Kind.SYMMETRIC, false, (k, m) -> () -> kms.listResourceTags(
                ListResourceTagsRequest.builder().keyId(k).build()), any));
        return rows;
    }

    @TestFactory
    Stream<DynamicTest> keyStateTable() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : rows()) {
            for (int i = 0; i < STATES.size(); i++) {
                KeyState state = STATES.get(i);
                String expected = row.expected().get(i);
                tests.add(DynamicTest.dynamicTest(row.operation() + " in " + state + " -> " + expected,
                        () -> assertEquals(expected, cell(row, state), row.operation() + " in " + state)));
            }
        }
        return tests.stream();
    }

    /** Prepares a fresh key for the row, moves it to the state and returns the outcome of the call. */
    private String cell(Row row, KeyState state) {
        boolean external = row.kind().alwaysExternal || state == KeyState.PendingImport;
        String keyId = createKey(row.kind().spec, row.kind().usage, external ? OriginType.EXTERNAL : OriginType.AWS_KMS)
                .keyId();
        byte[] material = null;
        if (external && (state != KeyState.PendingImport || row.preparedWithMaterial())) {
            material = row.kind().material();
            importMaterial(keyId, material);
        }
        Runnable call = row.preparation().prepare(keyId, material);
        moveTo(keyId, state);
        assertEquals(state, describe(keyId).keyState(), "the key did not reach " + state);
        try {
            call.run();
            return OK;
        } catch (KmsException e) {
            return e.errorType();
        }
    }

    /**
     * Moves an Enabled key (or an EXTERNAL key without material, for PendingImport) to the state,
     * through the API only: DisableKey, ScheduleKeyDeletion, DeleteImportedKeyMaterial.
     */
    protected void moveTo(String keyId, KeyState state) {
        KmsBackend kms = backend();
        switch (state) {
            case Enabled -> { }
            case Disabled -> kms.disableKey(DisableKeyRequest.builder().keyId(keyId).build());
            case PendingDeletion -> kms.scheduleKeyDeletion(ScheduleKeyDeletionRequest.builder().keyId(keyId)
                    .pendingWindowInDays(7).build());
            case PendingImport -> {
                if (describe(keyId).keyState() != KeyState.PendingImport) {
                    kms.deleteImportedKeyMaterial(DeleteImportedKeyMaterialRequest.builder().keyId(keyId).build());
                }
            }
            default -> throw new IllegalArgumentException("not a state of the parity table: " + state);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Limits

    @Test
    void plaintextSizes() {
        String key = symmetricKey();
        assertEquals(ValidationException.class, errorOf(() -> encrypt(key, new byte[0], null)));
        for (int n : new int[] {1, 4096}) {
            byte[] plaintext = randomBytes(n);
            assertArrayEquals(plaintext, decrypt(encrypt(key, plaintext, null), null, null).plaintext(), n + " bytes");
        }
        assertEquals(ValidationException.class, errorOf(() -> encrypt(key, new byte[4097], null)));
    }

    @Test
    void dataKeySizes() {
        String key = symmetricKey();
        for (int n : new int[] {0, 1025}) {
            assertEquals(ValidationException.class, errorOf(() -> backend().generateDataKey(
                    GenerateDataKeyRequest.builder().keyId(key).numberOfBytes(n).build())), n + " bytes");
        }
        for (int n : new int[] {1, 1024}) {
            GenerateDataKeyResponse r = backend().generateDataKey(
                    GenerateDataKeyRequest.builder().keyId(key).numberOfBytes(n).build());
            assertEquals(n, r.plaintext().length);
            assertArrayEquals(r.plaintext(), decrypt(r.ciphertextBlob(), null, null).plaintext());
        }
    }

    @Test
    void aliasRules() {
        String key = symmetricKey();
        String good = "alias/Parity:ok_/-" + UUID.randomUUID();
        backend().createAlias(CreateAliasRequest.builder().aliasName(good).targetKeyId(key).build());
        assertEquals(key, backend().describeKey(DescribeKeyRequest.builder().keyId(good).build()).keyMetadata().keyId());
        assertArrayEquals(new byte[] {7}, decrypt(encrypt(good, new byte[] {7}, null), null, null).plaintext());
        assertEquals(AlreadyExistsException.class, errorOf(() -> backend().createAlias(
                CreateAliasRequest.builder().aliasName(good).targetKeyId(symmetricKey()).build())));
        for (String bad : List.of("alias/aws/reserved-" + UUID.randomUUID(), "alias/aws/", "parity-no-prefix",
                "alias/with space", "alias/bang!", "alias/dot.name", "ALIAS/upper-prefix")) {
            assertEquals(InvalidAliasNameException.class, errorOf(() -> backend().createAlias(
                    CreateAliasRequest.builder().aliasName(bad).targetKeyId(key).build())), bad);
        }
        String tooLong = "alias/" + "a".repeat(251);
        assertEquals(ValidationException.class, errorOf(() -> backend().createAlias(
                CreateAliasRequest.builder().aliasName(tooLong).targetKeyId(key).build())));
        String longest = "alias/" + "b".repeat(244) + UUID.randomUUID().toString().substring(0, 6);
        assertEquals(256, longest.length());
        backend().createAlias(CreateAliasRequest.builder().aliasName(longest).targetKeyId(key).build());
    }

    @Test
    void descriptionLength() {
        String max = "d".repeat(8192);
        KeyMetadata created = backend().createKey(CreateKeyRequest.builder().description(max).build()).keyMetadata();
        assertEquals(max, describe(created.keyId()).description());
        assertEquals(ValidationException.class, errorOf(() -> backend().createKey(
                CreateKeyRequest.builder().description(max + "d").build())));
        assertEquals(ValidationException.class, errorOf(() -> backend().updateKeyDescription(
                UpdateKeyDescriptionRequest.builder().keyId(created.keyId()).description(max + "d").build())));
        backend().updateKeyDescription(UpdateKeyDescriptionRequest.builder().keyId(created.keyId())
                .description("short").build());
        assertEquals("short", describe(created.keyId()).description());
    }

    // ---------------------------------------------------------------------------------------------
    // Rotation, encryption context, wrong keys

    @Test
    void rotationKeepsOldMaterialUsable() {
        String key = symmetricKey();
        byte[] before = encrypt(key, "before".getBytes(StandardCharsets.UTF_8), Map.of("v", "1"));
        DecryptResponse oldBefore = decrypt(before, Map.of("v", "1"), key);
        backend().rotateKeyOnDemand(RotateKeyOnDemandRequest.builder().keyId(key).build());
        byte[] after = encrypt(key, "after".getBytes(StandardCharsets.UTF_8), Map.of("v", "2"));
        DecryptResponse old = decrypt(before, Map.of("v", "1"), key);
        DecryptResponse fresh = decrypt(after, Map.of("v", "2"), key);
        assertEquals("before", new String(old.plaintext(), StandardCharsets.UTF_8));
        assertEquals("after", new String(fresh.plaintext(), StandardCharsets.UTF_8));
        assertEquals(oldBefore.keyMaterialId(), old.keyMaterialId());
        assertNotEquals(old.keyMaterialId(), fresh.keyMaterialId(), "rotation made new key material");
    }

    @Test
    void encryptionContextIsBound() {
        String key = symmetricKey();
        Map<String, String> ctx = new LinkedHashMap<>();
        ctx.put("tenant", "a");
        ctx.put("purpose", "parity");
        byte[] blob = encrypt(key, new byte[] {1, 2, 3}, ctx);
        assertArrayEquals(new byte[] {1, 2, 3}, decrypt(blob, new TreeMap<>(ctx), null).plaintext(),
                "the context's order does not matter");
        for (Map<String, String> wrong : List.of(Map.<String, String>of(), Map.of("tenant", "a"),
                Map.of("tenant", "b", "purpose", "parity"), Map.of("tenant", "a", "purpose", "parity", "extra", "x"),
                Map.of("TENANT", "a", "purpose", "parity"))) {
            assertEquals(InvalidCiphertextException.class, errorOf(() -> decrypt(blob, wrong, null)), wrong.toString());
        }
        GenerateDataKeyResponse dataKey = backend().generateDataKey(GenerateDataKeyRequest.builder().keyId(key)
                .numberOfBytes(32).encryptionContext(ctx).build());
        assertArrayEquals(dataKey.plaintext(), decrypt(dataKey.ciphertextBlob(), ctx, key).plaintext());
        assertEquals(InvalidCiphertextException.class, errorOf(() -> decrypt(dataKey.ciphertextBlob(), null, key)));
    }

    @Test
    void ciphertextOfOneKeyIsRefusedByAnother() {
        String a = symmetricKey();
        String b = symmetricKey();
        byte[] blob = encrypt(a, new byte[] {9}, null);
        assertEquals(IncorrectKeyException.class, errorOf(() -> decrypt(blob, null, b)));
        assertEquals(IncorrectKeyException.class, errorOf(() -> backend().reEncrypt(ReEncryptRequest.builder()
                .ciphertextBlob(blob).sourceKeyId(b).destinationKeyId(b).build())));
        assertArrayEquals(new byte[] {9}, decrypt(blob, null, a).plaintext());
        byte[] tampered = blob.clone();
        tampered[tampered.length - 1] ^= 1;
        assertEquals(InvalidCiphertextException.class, errorOf(() -> decrypt(tampered, null, a)));
        byte[] garbage = randomBytes(64);
        garbage[0] = 0; // no blob version: random bytes alone start like a v1 blob one time in 512, and
                        // then name a key that does not exist (NotFoundException, as for a deleted key)
        assertEquals(InvalidCiphertextException.class, errorOf(() -> decrypt(garbage, null, null)));
    }

    // ---------------------------------------------------------------------------------------------
    // Imported material

    @Test
    void importedMaterialThatDoesNotMatchIsRefused() {
        String symmetric = createKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, OriginType.EXTERNAL).keyId();
        for (int n : new int[] {16, 31, 33}) {
            assertEquals(IncorrectKeyMaterialException.class, errorOf(() -> backend().importKeyMaterial(
                    importRequest(symmetric, randomBytes(n)))), n + " bytes for SYMMETRIC_DEFAULT");
        }
        assertEquals(KeyState.PendingImport, describe(symmetric).keyState());
        String hmac = createKey(KeySpec.HMAC_256, KeyUsage.GENERATE_VERIFY_MAC, OriginType.EXTERNAL).keyId();
        assertEquals(IncorrectKeyMaterialException.class, errorOf(() -> backend().importKeyMaterial(
                importRequest(hmac, randomBytes(16)))), "16 bytes for HMAC_256");

        // once imported, only the same material can be imported again
        byte[] material = randomBytes(32);
        importMaterial(symmetric, material);
        byte[] blob = encrypt(symmetric, new byte[] {5}, null);
        backend().deleteImportedKeyMaterial(DeleteImportedKeyMaterialRequest.builder().keyId(symmetric).build());
        assertEquals(IncorrectKeyMaterialException.class, errorOf(() -> backend().importKeyMaterial(
                importRequest(symmetric, randomBytes(32)))));
        importMaterial(symmetric, material);
        assertArrayEquals(new byte[] {5}, decrypt(blob, null, symmetric).plaintext(),
                "re-imported material decrypts what it encrypted before");
    }

    // ---------------------------------------------------------------------------------------------
    // Signatures and MACs checked by the JDK

    @Test
    void ecdsaP256SignaturesVerifyWithTheJdk() throws Exception {
        String key = createKey(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY, OriginType.AWS_KMS).keyId();
        PublicKey publicKey = publicKey("EC", key);
        byte[] message = "signed by kms, checked by the jdk".getBytes(StandardCharsets.UTF_8);
        byte[] raw = sign(key, message, MessageType.RAW, SigningAlgorithmSpec.ECDSA_SHA_256);
        byte[] digest = sign(key, java.security.MessageDigest.getInstance("SHA-256").digest(message),
                MessageType.DIGEST, SigningAlgorithmSpec.ECDSA_SHA_256);
        for (byte[] signature : List.of(raw, digest)) {
            assertTrue(jdkVerify("SHA256withECDSA", null, publicKey, message, signature));
            assertFalse(jdkVerify("SHA256withECDSA", null, publicKey, "other".getBytes(StandardCharsets.UTF_8),
                    signature));
        }
    }

    @Test
    void rsaPssSignaturesVerifyWithTheJdk() throws Exception {
        String key = createKey(KeySpec.RSA_2048, KeyUsage.SIGN_VERIFY, OriginType.AWS_KMS).keyId();
        PublicKey publicKey = publicKey("RSA", key);
        byte[] message = "pss".getBytes(StandardCharsets.UTF_8);
        byte[] signature = sign(key, message, MessageType.RAW, SigningAlgorithmSpec.RSASSA_PSS_SHA_256);
        PSSParameterSpec pss = new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);
        assertTrue(jdkVerify("RSASSA-PSS", pss, publicKey, message, signature));
        byte[] flipped = signature.clone();
        flipped[0] ^= 1;
        assertFalse(jdkVerify("RSASSA-PSS", pss, publicKey, message, flipped));
    }

    @Test
    void hmacOfImportedMaterialMatchesTheJdk() throws Exception {
        String key = createKey(KeySpec.HMAC_256, KeyUsage.GENERATE_VERIFY_MAC, OriginType.EXTERNAL).keyId();
        byte[] material = randomBytes(32);
        importMaterial(key, material);
        byte[] message = "mac me".getBytes(StandardCharsets.UTF_8);
        byte[] kmsMac = backend().generateMac(GenerateMacRequest.builder().keyId(key).message(message)
                .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256).build()).mac();
        Mac jdk = Mac.getInstance("HmacSHA256");
        jdk.init(new SecretKeySpec(material, "HmacSHA256"));
        byte[] jdkMac = jdk.doFinal(message);
        assertArrayEquals(jdkMac, kmsMac);
        assertTrue(backend().verifyMac(VerifyMacRequest.builder().keyId(key).message(message).mac(jdkMac)
                .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256).build()).macValid());
        byte[] wrong = jdkMac.clone();
        wrong[0] ^= 1;
        assertEquals(KMSInvalidMacException.class, errorOf(() -> backend().verifyMac(VerifyMacRequest.builder()
                .keyId(key).message(message).mac(wrong).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256).build())));
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers (API only)

    protected KeyMetadata createKey(KeySpec spec, KeyUsage usage, OriginType origin) {
        return backend().createKey(CreateKeyRequest.builder().keySpec(spec).keyUsage(usage).origin(origin).build())
                .keyMetadata();
    }

    private String symmetricKey() {
        return createKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, OriginType.AWS_KMS).keyId();
    }

    private KeyMetadata describe(String keyId) {
        return backend().describeKey(DescribeKeyRequest.builder().keyId(keyId).build()).keyMetadata();
    }

    private byte[] encrypt(String keyId, byte[] plaintext, Map<String, String> context) {
        return backend().encrypt(EncryptRequest.builder().keyId(keyId).plaintext(plaintext)
                .encryptionContext(context).build()).ciphertextBlob();
    }

    private DecryptResponse decrypt(byte[] blob, Map<String, String> context, String keyId) {
        return backend().decrypt(DecryptRequest.builder().ciphertextBlob(blob).encryptionContext(context)
                .keyId(keyId).build());
    }

    private byte[] sign(String keyId, byte[] message, MessageType type, SigningAlgorithmSpec algorithm) {
        return backend().sign(SignRequest.builder().keyId(keyId).message(message).messageType(type)
                .signingAlgorithm(algorithm).build()).signature();
    }

    private GetParametersForImportResponse importParameters(String keyId) {
        return backend().getParametersForImport(GetParametersForImportRequest.builder().keyId(keyId)
                .wrappingAlgorithm(AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_256).wrappingKeySpec(WrappingKeySpec.RSA_2048)
                .build());
    }

    /** GetParametersForImport and the material wrapped client-side under its public key. */
    private ImportKeyMaterialRequest importRequest(String keyId, byte[] material) {
        GetParametersForImportResponse params = importParameters(keyId);
        PublicKey wrappingKey = decodePublicKey("RSA", params.publicKey());
        byte[] wrapped = ImportWrapping.wrap(AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_256, wrappingKey, material);
        return ImportKeyMaterialRequest.builder().keyId(keyId).importToken(params.importToken())
                .encryptedKeyMaterial(wrapped).build();
    }

    private void importMaterial(String keyId, byte[] material) {
        backend().importKeyMaterial(importRequest(keyId, material));
    }

    private PublicKey publicKey(String algorithm, String keyId) {
        return decodePublicKey(algorithm, backend().getPublicKey(GetPublicKeyRequest.builder().keyId(keyId).build())
                .publicKey());
    }

    private static PublicKey decodePublicKey(String algorithm, byte[] x509) {
        try {
            return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean jdkVerify(String algorithm, PSSParameterSpec params, PublicKey key, byte[] message,
            byte[] signature) throws GeneralSecurityException {
        Signature verifier = Signature.getInstance(algorithm);
        if (params != null) {
            verifier.setParameter(params);
        }
        verifier.initVerify(key);
        verifier.update(message);
        return verifier.verify(signature);
    }

    /** The class of the KMS error the call threw; fails if it returned or threw something else. */
    private static Class<? extends KmsException> errorOf(Runnable call) {
        KmsException e = assertThrows(KmsException.class, call::run);
        return e.getClass();
    }

    private static String uniqueAlias() {
        return "alias/parity-" + UUID.randomUUID();
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static byte[] p256Pkcs8() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return g.generateKeyPair().getPrivate().getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
