package io.keywarden.kms.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.keywarden.kms.api.CreateGrantRequest;
import io.keywarden.kms.api.GrantListEntry;
import io.keywarden.kms.api.GrantOperation;
import io.keywarden.kms.api.ListGrantsRequest;
import io.keywarden.kms.api.RetireGrantRequest;
import io.keywarden.kms.api.RevokeGrantRequest;
import io.keywarden.kms.api.CancelKeyDeletionRequest;
import io.keywarden.kms.api.CreateAliasRequest;
import io.keywarden.kms.api.DataKeyPairSpec;
import io.keywarden.kms.api.DataKeySpec;
import io.keywarden.kms.api.DecryptRequest;
import io.keywarden.kms.api.DeleteAliasRequest;
import io.keywarden.kms.api.DeleteImportedKeyMaterialRequest;
import io.keywarden.kms.api.DeriveSharedSecretRequest;
import io.keywarden.kms.api.DescribeKeyRequest;
import io.keywarden.kms.api.DisableKeyRequest;
import io.keywarden.kms.api.DisableKeyRotationRequest;
import io.keywarden.kms.api.EnableKeyRequest;
import io.keywarden.kms.api.EnableKeyRotationRequest;
import io.keywarden.kms.api.EncryptRequest;
import io.keywarden.kms.api.GenerateDataKeyPairRequest;
import io.keywarden.kms.api.GenerateDataKeyPairWithoutPlaintextRequest;
import io.keywarden.kms.api.GenerateDataKeyRequest;
import io.keywarden.kms.api.GenerateDataKeyWithoutPlaintextRequest;
import io.keywarden.kms.api.GenerateMacRequest;
import io.keywarden.kms.api.GetKeyRotationStatusRequest;
import io.keywarden.kms.api.GetPublicKeyRequest;
import io.keywarden.kms.api.KeyAgreementAlgorithmSpec;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyState;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.ListAliasesRequest;
import io.keywarden.kms.api.ListKeyRotationsRequest;
import io.keywarden.kms.api.ListResourceTagsRequest;
import io.keywarden.kms.api.MacAlgorithmSpec;
import io.keywarden.kms.api.ReEncryptRequest;
import io.keywarden.kms.api.RotateKeyOnDemandRequest;
import io.keywarden.kms.api.ScheduleKeyDeletionRequest;
import io.keywarden.kms.api.SignRequest;
import io.keywarden.kms.api.SigningAlgorithmSpec;
import io.keywarden.kms.api.Tag;
import io.keywarden.kms.api.TagResourceRequest;
import io.keywarden.kms.api.UntagResourceRequest;
import io.keywarden.kms.api.UpdateAliasRequest;
import io.keywarden.kms.api.UpdateKeyDescriptionRequest;
import io.keywarden.kms.api.VerifyMacRequest;
import io.keywarden.kms.api.VerifyRequest;
import io.keywarden.kms.api.errors.KmsException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every cell of AWS KMS's key state table (reference: aws-kms-api.md §3, "Key states and what they
 * allow") for the states Enabled, Disabled, PendingDeletion and PendingImport, and every operation
 * that acts on an existing key. The expected grid is written here from AWS's table, not derived
 * from {@link KeyStateRules}.
 *
 * <p>Each cell gets a fresh key of the type the operation needs. What the call needs (a
 * ciphertext, a signature, a MAC, an alias, an import token) is prepared while the key is still
 * Enabled; then the key is moved to the state and the operation called. A PendingImport key is an
 * EXTERNAL key: where something had to be prepared with the key's material (Decrypt, ReEncrypt,
 * Verify, VerifyMac) and for the import operations, its material was imported and then deleted
 * with DeleteImportedKeyMaterial; for the other operations its material was never imported (this
 * keeps the number of RSA wrapping keys the engine generates, and so the runtime, down).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyStateTableTest {

    static final String OK = "ok";

    /** AWS KMS's key state table. Rotation rows: symmetric AWS_KMS keys; import rows: EXTERNAL keys. */
    static final String EXPECTED = """
            Operation                           | Enabled | Disabled          | PendingDeletion          | PendingImport
            Encrypt                             | ok      | DisabledException | KMSInvalidStateException | KMSInvalidStateException
            Decrypt                             | ok      | DisabledException | KMSInvalidStateException | KMSInvalidStateException
            ReEncrypt                           | ok      | DisabledException | KMSInvalidStateException | KMSInvalidStateException
            GenerateDataKey                     | ok      | DisabledException | KMSInvalidStateException | KMSInvalidStateException
            GenerateDataKeyWithoutPlaintext     | ok      | DisabledException | KMSInvalidStateException | KMSInvalidStateException
            GenerateDataKeyPair                 | ok      | DisabledException | KMSInvalidStateException | KMSInvalidStateException
            GenerateDataKeyPairWithoutPlaintext | ok      | DisabledException | KMSInvalidStateException | KMSInvalidStateException
            Sign                                | ok      | DisabledException | KMSInvalidStateException | KMSInvalidStateException
            Verify                              | ok      | DisabledException | KMSInvalidStateException | KMSInvalidStateException
            GenerateMac                         | ok      | DisabledException | KMSInvalidStateException | KMSInvalidStateException
            VerifyMac                           | ok      | DisabledException | KMSInvalidStateException | KMSInvalidStateException
            DeriveSharedSecret                  | ok      | DisabledException | KMSInvalidStateException | KMSInvalidStateException
            GetPublicKey                        | ok      | DisabledException | KMSInvalidStateException | KMSInvalidStateException
            EnableKey                           | ok      | ok                | KMSInvalidStateException | KMSInvalidStateException
            DisableKey                          | ok      | ok                | KMSInvalidStateException | KMSInvalidStateException
            ScheduleKeyDeletion                 | ok      | ok                | KMSInvalidStateException | ok
            CancelKeyDeletion                   | KMSInvalidStateException | KMSInvalidStateException | ok | KMSInvalidStateException
            EnableKeyRotation                   | ok      | DisabledException | KMSInvalidStateException | UnsupportedOperationException
            DisableKeyRotation                  | ok      | DisabledException | KMSInvalidStateException | UnsupportedOperationException
            RotateKeyOnDemand                   | ok      | DisabledException | KMSInvalidStateException | UnsupportedOperationException
            GetParametersForImport              | ok      | ok                | KMSInvalidStateException | ok
            ImportKeyMaterial                   | ok      | ok                | KMSInvalidStateException | ok
            DeleteImportedKeyMaterial           | ok      | ok                | KMSInvalidStateException | ok
            CreateAlias                         | ok      | ok                | KMSInvalidStateException | ok
            UpdateAlias                         | ok      | ok                | KMSInvalidStateException | ok
            TagResource                         | ok      | ok                | KMSInvalidStateException | ok
            UntagResource                       | ok      | ok                | KMSInvalidStateException | ok
            UpdateKeyDescription                | ok      | ok                | KMSInvalidStateException | ok
            DescribeKey                         | ok      | ok                | ok                       | ok
            GetKeyRotationStatus                | ok      | ok                | ok                       | ok
            ListKeyRotations                    | ok      | ok                | ok                       | ok
            ListAliases                         | ok      | ok                | ok                       | ok
            ListResourceTags                    | ok      | ok                | ok                       | ok
            DeleteAlias                         | ok      | ok                | ok                       | ok
            PutKeyPolicy                        | ok      | ok                | ok                       | ok
            GetKeyPolicy                        | ok      | ok                | ok                       | ok
            ListKeyPolicies                     | ok      | ok                | ok                       | ok
            CreateGrant                         | ok      | DisabledException | KMSInvalidStateException | KMSInvalidStateException
            ListGrants                          | ok      | ok                | ok                       | ok
            RetireGrant                         | ok      | ok                | ok                       | ok
            RevokeGrant                         | ok      | ok                | ok                       | ok
            """;

    static final List<String> OUTCOMES = List.of(OK, "DisabledException", "KMSInvalidStateException",
            "UnsupportedOperationException");

    /** The grid: operation → (state → expected outcome), in the order written. */
    static Map<String, Map<KeyState, String>> expectedTable() {
        List<String> lines = EXPECTED.lines().filter(l -> !l.isBlank()).toList();
        List<KeyState> states = Arrays.stream(lines.get(0).split("\\|")).skip(1).map(String::trim)
                .map(KeyState::valueOf).toList();
        Map<String, Map<KeyState, String>> table = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\\|");
            Map<KeyState, String> row = new LinkedHashMap<>();
            for (int i = 0; i < states.size(); i++) {
                row.put(states.get(i), cells[i + 1].trim());
            }
            table.put(cells[0].trim(), row);
        }
        return table;
    }

    static Stream<Arguments> cells() {
        List<Arguments> out = new ArrayList<>();
        expectedTable().forEach((op, row) -> row.forEach((state, outcome) -> out.add(Arguments.of(op, state, outcome))));
        return out.stream();
    }

    // ---------------------------------------------------------------------------------------------

    /** The key an operation needs. */
    enum Kind {
        SYMMETRIC(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT),
        SIGN_VERIFY(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY),
        HMAC(KeySpec.HMAC_256, KeyUsage.GENERATE_VERIFY_MAC),
        KEY_AGREEMENT(KeySpec.ECC_NIST_P256, KeyUsage.KEY_AGREEMENT);

        final KeySpec spec;
        final KeyUsage usage;

        Kind(KeySpec spec, KeyUsage usage) {
            this.spec = spec;
            this.usage = usage;
        }

        byte[] newMaterial() {
            return switch (this) {
                case SYMMETRIC, HMAC -> ImportHelper.randomBytes(32);
                case SIGN_VERIFY, KEY_AGREEMENT -> ImportHelper.p256Pkcs8();
            };
        }
    }

    /** The call of a cell, made after the key was moved to the state. */
    interface Call {
        void run();
    }

    /** Prepares (while the key is Enabled, or never-imported PendingImport) and returns the call. */
    interface Preparation {
        Call prepare(String keyId);
    }

    /**
     * How one operation is exercised. {@code usesMaterial}: the key has imported material when
     * PendingImport is reached by deleting it; {@code externalAlways}: the operation needs an
     * EXTERNAL key in every state (the import operations).
     */
    record Scenario(Kind kind, boolean usesMaterial, boolean externalAlways, Preparation preparation) {
    }

    static final byte[] DATA = "key state table".getBytes(StandardCharsets.UTF_8);

    EngineFixture f;
    byte[] peerPublicKey;
    /** The material each EXTERNAL key of this class was given, by key id. */
    final Map<String, byte[]> importedMaterial = new HashMap<>();

    @BeforeAll
    void open(@TempDir Path dir) {
        f = new EngineFixture(dir);
        peerPublicKey = ImportHelper.ecKeyPair("secp256r1").getPublic().getEncoded();
    }

    @AfterAll
    void close() {
        f.close();
    }

    @Test
    void theGridCoversEveryOperationOfTheEngineInFourStates() {
        Map<String, Map<KeyState, String>> table = expectedTable();
        assertThat(table.keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Operation.values()).filter(o -> o.group() != Operation.Group.ACCOUNT)
                        .map(Operation::apiName).distinct().toList());
        table.forEach((op, row) -> {
            assertThat(row.keySet()).as(op).containsExactly(KeyState.Enabled, KeyState.Disabled,
                    KeyState.PendingDeletion, KeyState.PendingImport);
            assertThat(OUTCOMES).as(op).containsAll(row.values());
        });
    }

    @ParameterizedTest(name = "{0} on a {1} key → {2}")
    @MethodSource("cells")
    void cell(String operation, KeyState state, String expected) {
        Scenario scenario = scenario(operation);
        String keyId = newKey(scenario, state);
        Call call = scenario.preparation().prepare(keyId);
        moveTo(keyId, state, scenario);
        assertThat(describe(keyId)).as("key state before the call").isEqualTo(state);

        if (expected.equals(OK)) {
            assertThatCode(call::run).doesNotThrowAnyException();
            return;
        }
        KmsException error = catchThrowableOfType(call::run, KmsException.class);
        assertThat(error).as("%s on a %s key", operation, state).isNotNull();
        assertThat(error.errorType()).isEqualTo(expected);
        String arn = EngineFixture.SETTINGS.keyArn(keyId);
        assertThat(error.getMessage()).contains(arn);
        assertThat(error.getMessage()).contains(expectedPhrase(operation, state, expected));
    }

    /** The words of AWS's message after the ARN, where the table gives them. */
    private static String expectedPhrase(String operation, KeyState state, String expected) {
        if (expected.equals("DisabledException")) {
            return " is disabled.";
        }
        if (expected.equals("KMSInvalidStateException")) {
            if (operation.equals("CancelKeyDeletion")) {
                return " is not pending deletion.";
            }
            return state == KeyState.PendingDeletion ? " is pending deletion." : " is pending import.";
        }
        return "";
    }

    // --- keys and states -------------------------------------------------------------------------

    private String newKey(Scenario s, KeyState state) {
        boolean external = s.externalAlways() || state == KeyState.PendingImport;
        if (!external) {
            return f.create(s.kind().spec, s.kind().usage).keyId();
        }
        String keyId = f.createExternal(s.kind().spec, s.kind().usage).keyId();
        if (s.externalAlways() || s.usesMaterial()) {
            byte[] material = s.kind().newMaterial();
            ImportHelper.importMaterial(f.kms, keyId, material);
            importedMaterial.put(keyId, material);
        }
        return keyId;
    }

    private void moveTo(String keyId, KeyState state, Scenario s) {
        switch (state) {
            case Enabled -> { }
            case Disabled -> f.kms.disableKey(new DisableKeyRequest(keyId));
            case PendingDeletion -> f.kms.scheduleKeyDeletion(new ScheduleKeyDeletionRequest(keyId, 7));
            case PendingImport -> {
                if (s.externalAlways() || s.usesMaterial()) {
                    f.kms.deleteImportedKeyMaterial(new DeleteImportedKeyMaterialRequest(keyId));
                }
            }
        }
    }

    private KeyState describe(String keyId) {
        return f.kms.describeKey(new DescribeKeyRequest(keyId, null)).keyMetadata().keyState();
    }

    // --- the operations --------------------------------------------------------------------------

    /** A cryptographic operation that needs nothing prepared: PendingImport is a never-imported key. */
    private static Scenario crypto(Kind kind, Preparation p) {
        return new Scenario(kind, false, false, p);
    }

    /** A cryptographic operation that needs a ciphertext, signature or MAC: PendingImport by deletion. */
    private static Scenario cryptoPrepared(Kind kind, Preparation p) {
        return new Scenario(kind, true, false, p);
    }

    private static Scenario manage(Preparation p) {
        return new Scenario(Kind.SYMMETRIC, false, false, p);
    }

    /** A grant operation: the grant is made first, so PendingImport is reached by deleting imported material. */
    private static Scenario granted(Preparation p) {
        return new Scenario(Kind.SYMMETRIC, true, false, p);
    }

    private static Scenario imports(Preparation p) {
        return new Scenario(Kind.SYMMETRIC, true, true, p);
    }

    private Scenario scenario(String operation) {
        var kms = f.kms;
        return switch (operation) {
            case "Encrypt" -> crypto(Kind.SYMMETRIC, k -> () ->
                    kms.encrypt(EncryptRequest.builder().keyId(k).plaintext(DATA).build()));
            case "Decrypt" -> cryptoPrepared(Kind.SYMMETRIC, k -> {
                byte[] blob = encrypt(k);
                return () -> kms.decrypt(DecryptRequest.builder().ciphertextBlob(blob).keyId(k).build());
            });
            case "ReEncrypt" -> cryptoPrepared(Kind.SYMMETRIC, k -> {
                byte[] blob = encrypt(k);
                return () -> kms.reEncrypt(ReEncryptRequest.builder().ciphertextBlob(blob).sourceKeyId(k)
                        .destinationKeyId(k).build());
            });
            case "GenerateDataKey" -> crypto(Kind.SYMMETRIC, k -> () ->
                    kms.generateDataKey(GenerateDataKeyRequest.builder().keyId(k).keySpec(DataKeySpec.AES_256).build()));
            case "GenerateDataKeyWithoutPlaintext" -> crypto(Kind.SYMMETRIC, k -> () ->
                    kms.generateDataKeyWithoutPlaintext(GenerateDataKeyWithoutPlaintextRequest.builder().keyId(k)
                            .keySpec(DataKeySpec.AES_256).build()));
            case "GenerateDataKeyPair" -> crypto(Kind.SYMMETRIC, k -> () ->
                    kms.generateDataKeyPair(GenerateDataKeyPairRequest.builder().keyId(k)
                            .keyPairSpec(DataKeyPairSpec.ECC_NIST_P256).build()));
            case "GenerateDataKeyPairWithoutPlaintext" -> crypto(Kind.SYMMETRIC, k -> () ->
                    kms.generateDataKeyPairWithoutPlaintext(GenerateDataKeyPairWithoutPlaintextRequest.builder()
                            .keyId(k).keyPairSpec(DataKeyPairSpec.ECC_NIST_P256).build()));
            case "Sign" -> crypto(Kind.SIGN_VERIFY, k -> () -> sign(k));
            case "Verify" -> cryptoPrepared(Kind.SIGN_VERIFY, k -> {
                byte[] signature = sign(k);
                return () -> kms.verify(VerifyRequest.builder().keyId(k).message(DATA).signature(signature)
                        .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256).build());
            });
            case "GenerateMac" -> crypto(Kind.HMAC, k -> () -> mac(k));
            case "VerifyMac" -> cryptoPrepared(Kind.HMAC, k -> {
                byte[] mac = mac(k);
                return () -> kms.verifyMac(VerifyMacRequest.builder().keyId(k).message(DATA).mac(mac)
                        .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256).build());
            });
            case "DeriveSharedSecret" -> crypto(Kind.KEY_AGREEMENT, k -> () ->
                    kms.deriveSharedSecret(DeriveSharedSecretRequest.builder().keyId(k)
                            .keyAgreementAlgorithm(KeyAgreementAlgorithmSpec.ECDH).publicKey(peerPublicKey).build()));
            case "GetPublicKey" -> crypto(Kind.SIGN_VERIFY, k -> () ->
                    kms.getPublicKey(new GetPublicKeyRequest(k, null)));
            case "EnableKey" -> manage(k -> () -> kms.enableKey(new EnableKeyRequest(k)));
            case "DisableKey" -> manage(k -> () -> kms.disableKey(new DisableKeyRequest(k)));
            case "ScheduleKeyDeletion" -> manage(k -> () ->
                    kms.scheduleKeyDeletion(new ScheduleKeyDeletionRequest(k, 7)));
            case "CancelKeyDeletion" -> manage(k -> () -> kms.cancelKeyDeletion(new CancelKeyDeletionRequest(k)));
            case "EnableKeyRotation" -> manage(k -> () -> kms.enableKeyRotation(new EnableKeyRotationRequest(k, null)));
            case "DisableKeyRotation" -> manage(k -> () -> kms.disableKeyRotation(new DisableKeyRotationRequest(k)));
            case "RotateKeyOnDemand" -> manage(k -> () -> kms.rotateKeyOnDemand(new RotateKeyOnDemandRequest(k)));
            case "GetParametersForImport" -> imports(k -> () -> ImportHelper.params(kms, k));
            case "ImportKeyMaterial" -> imports(k -> {
                // Only the material imported first is accepted again; the token is taken while Enabled.
                byte[] material = importedMaterial.get(k);
                ImportHelper.Params params = ImportHelper.params(kms, k);
                return () -> kms.importKeyMaterial(params.request(material));
            });
            case "DeleteImportedKeyMaterial" -> imports(k -> () ->
                    kms.deleteImportedKeyMaterial(new DeleteImportedKeyMaterialRequest(k)));
            case "CreateAlias" -> manage(k -> () -> kms.createAlias(new CreateAliasRequest(aliasFor(k), k)));
            case "UpdateAlias" -> manage(k -> {
                String alias = aliasFor(k);
                kms.createAlias(new CreateAliasRequest(alias, f.symmetricKey()));
                return () -> kms.updateAlias(new UpdateAliasRequest(alias, k));
            });
            case "TagResource" -> manage(k -> () ->
                    kms.tagResource(new TagResourceRequest(k, List.of(new Tag("team", "kms")))));
            case "UntagResource" -> manage(k -> {
                kms.tagResource(new TagResourceRequest(k, List.of(new Tag("team", "kms"))));
                return () -> kms.untagResource(new UntagResourceRequest(k, List.of("team")));
            });
            case "UpdateKeyDescription" -> manage(k -> () ->
                    kms.updateKeyDescription(new UpdateKeyDescriptionRequest(k, "described")));
            case "DescribeKey" -> manage(k -> () -> kms.describeKey(new DescribeKeyRequest(k, null)));
            case "GetKeyRotationStatus" -> manage(k -> () ->
                    kms.getKeyRotationStatus(new GetKeyRotationStatusRequest(k)));
            case "ListKeyRotations" -> manage(k -> () ->
                    kms.listKeyRotations(ListKeyRotationsRequest.builder().keyId(k).build()));
            case "ListAliases" -> manage(k -> {
                kms.createAlias(new CreateAliasRequest(aliasFor(k), k));
                return () -> assertThat(kms.listAliases(ListAliasesRequest.builder().keyId(k).build()).aliases())
                        .hasSize(1);
            });
            case "ListResourceTags" -> manage(k -> {
                kms.tagResource(new TagResourceRequest(k, List.of(new Tag("team", "kms"))));
                return () -> assertThat(kms.listResourceTags(ListResourceTagsRequest.builder().keyId(k).build())
                        .tags()).containsExactly(new Tag("team", "kms"));
            });
            case "DeleteAlias" -> manage(k -> {
                String alias = aliasFor(k);
                kms.createAlias(new CreateAliasRequest(alias, k));
                return () -> kms.deleteAlias(new DeleteAliasRequest(alias));
            });
            case "PutKeyPolicy" -> manage(k -> () -> kms.putKeyPolicy(new io.keywarden.kms.api.PutKeyPolicyRequest(k,
                    "default", kms.getKeyPolicy(new io.keywarden.kms.api.GetKeyPolicyRequest(k, null)).policy(), null)));
            case "GetKeyPolicy" -> manage(k -> () ->
                    kms.getKeyPolicy(new io.keywarden.kms.api.GetKeyPolicyRequest(k, "default")));
            case "ListKeyPolicies" -> manage(k -> () -> assertThat(kms.listKeyPolicies(
                    new io.keywarden.kms.api.ListKeyPoliciesRequest(k, null, null)).policyNames()).containsExactly("default"));
            case "CreateGrant" -> manage(k -> () -> kms.createGrant(CreateGrantRequest.builder().keyId(k)
                    .granteePrincipal(GRANTEE).operations(GrantOperation.DescribeKey).build()));
            case "ListGrants" -> granted(k -> {
                String grantId = grant(k);
                return () -> assertThat(kms.listGrants(ListGrantsRequest.builder().keyId(k).build()).grants())
                        .extracting(GrantListEntry::grantId).containsExactly(grantId);
            });
            case "RetireGrant" -> granted(k -> {
                String grantId = grant(k);
                return () -> kms.retireGrant(RetireGrantRequest.builder().keyId(k).grantId(grantId).build());
            });
            case "RevokeGrant" -> granted(k -> {
                String grantId = grant(k);
                return () -> kms.revokeGrant(new RevokeGrantRequest(k, grantId));
            });
            default -> throw new IllegalArgumentException("No scenario for " + operation);
        };
    }

    private byte[] encrypt(String keyId) {
        return f.kms.encrypt(EncryptRequest.builder().keyId(keyId).plaintext(DATA).build()).ciphertextBlob();
    }

    private byte[] sign(String keyId) {
        return f.kms.sign(SignRequest.builder().keyId(keyId).message(DATA)
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256).build()).signature();
    }

    private byte[] mac(String keyId) {
        return f.kms.generateMac(GenerateMacRequest.builder().keyId(keyId).message(DATA)
                .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256).build()).mac();
    }

    static final String GRANTEE = "arn:aws:iam::" + EngineFixture.ACCOUNT + ":user/grantee";

    /** A grant on the key, made while the key is still enabled. */
    private String grant(String keyId) {
        return f.kms.createGrant(CreateGrantRequest.builder().keyId(keyId).granteePrincipal(GRANTEE)
                .operations(GrantOperation.DescribeKey).build()).grantId();
    }

    private static String aliasFor(String keyId) {
        return "alias/state-table-" + keyId;
    }
}
