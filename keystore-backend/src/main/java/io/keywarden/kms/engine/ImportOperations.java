package io.keywarden.kms.engine;

import io.keywarden.kms.api.AlgorithmSpec;
import io.keywarden.kms.api.DeleteImportedKeyMaterialRequest;
import io.keywarden.kms.api.ExpirationModelType;
import io.keywarden.kms.api.GetParametersForImportRequest;
import io.keywarden.kms.api.GetParametersForImportResponse;
import io.keywarden.kms.api.ImportKeyMaterialRequest;
import io.keywarden.kms.api.ImportKeyMaterialResponse;
import io.keywarden.kms.api.KeyState;
import io.keywarden.kms.api.OriginType;
import io.keywarden.kms.api.WrappingKeySpec;
import io.keywarden.kms.api.errors.ExpiredImportTokenException;
import io.keywarden.kms.api.errors.IncorrectKeyMaterialException;
import io.keywarden.kms.api.errors.InvalidImportTokenException;
import io.keywarden.kms.api.errors.KMSInternalException;
import io.keywarden.kms.api.errors.KmsUnsupportedOperationException;
import io.keywarden.kms.api.errors.ValidationException;
import io.keywarden.kms.crypto.GeneratedMaterial;
import io.keywarden.kms.crypto.ImportWrapping;
import io.keywarden.kms.crypto.KeySpecStrategies;
import io.keywarden.kms.crypto.VerifyOnlyKeys;
import io.keywarden.kms.store.ImportTokenRecord;
import io.keywarden.kms.store.KeyRecord;
import io.keywarden.kms.store.StoreTransaction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Imported key material (BYOK): GetParametersForImport hands out an RSA wrapping public key and an
 * import token valid for 24 hours; ImportKeyMaterial unwraps the material, checks that it fits the
 * key spec (and, after a first import, that it is the same material), and makes the key usable;
 * DeleteImportedKeyMaterial takes it away again (PendingImport). As a Keywarden extension, a
 * SIGN_VERIFY key also takes a DER SubjectPublicKeyInfo and becomes verify-only
 * ({@link VerifyOnlyKeys}).
 */
final class ImportOperations {

    static final Duration TOKEN_LIFETIME = Duration.ofHours(24);
    static final Duration MAX_VALID_TO = Duration.ofDays(365);

    private final EngineContext ctx;
    private final WrappingKeyPairs wrappingKeys;

    ImportOperations(EngineContext ctx) {
        this(ctx, WrappingKeyPairs.fresh());
    }

    ImportOperations(EngineContext ctx, WrappingKeyPairs wrappingKeys) {
        this.ctx = ctx;
        this.wrappingKeys = wrappingKeys;
    }

    GetParametersForImportResponse getParametersForImport(GetParametersForImportRequest request) {
        AlgorithmSpec algorithm = Validate.required(request.wrappingAlgorithm(), "wrappingAlgorithm");
        WrappingKeySpec spec = Validate.required(request.wrappingKeySpec(), "wrappingKeySpec");
        if (algorithm == AlgorithmSpec.RSAES_PKCS1_V1_5) {
            throw new ValidationException("The wrapping algorithm RSAES_PKCS1_V1_5 is no longer supported.");
        }
        ctx.readKey(Operation.GET_PARAMETERS_FOR_IMPORT, request.keyId(), (tx, key) -> requireExternal(key));
        KeyPair wrapping = wrappingKeys.next(spec);
        byte[] token = new byte[32];
        ctx.random.nextBytes(token);
        Instant validTo = ctx.now().plus(TOKEN_LIFETIME).truncatedTo(ChronoUnit.MILLIS);
        return ctx.writeKey(Operation.GET_PARAMETERS_FOR_IMPORT, request.keyId(), (tx, key) -> {
            requireExternal(key);
            tx.putImportToken(new ImportTokenRecord(HexFormat.of().formatHex(token), key.keyId(), algorithm,
                    wrapping.getPrivate().getEncoded(), validTo));
            return new GetParametersForImportResponse(key.arn(), token, wrapping.getPublic().getEncoded(), validTo);
        });
    }

    ImportKeyMaterialResponse importKeyMaterial(ImportKeyMaterialRequest request) {
        byte[] token = Validate.length(request.importToken(), "importToken", 1, 6144);
        byte[] wrapped = Validate.length(request.encryptedKeyMaterial(), "encryptedKeyMaterial", 1, 6144);
        ExpirationModelType model = expirationModel(request);
        Instant validTo = model == ExpirationModelType.KEY_MATERIAL_EXPIRES ? checkValidTo(request.validTo()) : null;
        return ctx.writeKey(Operation.IMPORT_KEY_MATERIAL, request.keyId(), (tx, key) -> {
            requireExternal(key);
            ImportTokenRecord record = tx.findImportToken(HexFormat.of().formatHex(token))
                    .filter(t -> t.keyId().equals(key.keyId()))
                    .orElseThrow(() -> new InvalidImportTokenException("The import token is not valid for "
                            + key.arn() + "."));
            if (!record.validTo().isAfter(ctx.now())) {
                throw new ExpiredImportTokenException("The import token expired at " + record.validTo()
                        + "; call GetParametersForImport again.");
            }
            byte[] material = ImportWrapping.unwrap(record.wrappingAlgorithm(), privateKey(record), wrapped);
            try {
                GeneratedMaterial normalized = VerifyOnlyKeys.isSubjectPublicKeyInfo(material)
                        ? VerifyOnlyKeys.importPublicKey(key.keySpec(), key.keyUsage(), material)
                        : KeySpecStrategies.forSpec(key.keySpec()).importMaterial(key.keySpec(), material);
                return install(tx, key, normalized, validTo, model);
            } finally {
                Arrays.fill(material, (byte) 0);
            }
        });
    }

    private ImportKeyMaterialResponse install(StoreTransaction tx, KeyRecord key, GeneratedMaterial material,
            Instant validTo, ExpirationModelType model) {
        String digest = material.isPublicOnly() ? digest(key.keyId() + ":public", material.publicKey())
                : digest(key.keyId(), material.secret());
        if (key.importedMaterialDigest() != null
                && !MessageDigest.isEqual(key.importedMaterialDigest().getBytes(StandardCharsets.US_ASCII),
                        digest.getBytes(StandardCharsets.US_ASCII))) {
            throw new IncorrectKeyMaterialException("The key material is not the material that was imported into "
                    + key.arn() + " before; only the same key material can be imported again.");
        }
        KeyRecord updated = key.withImportedMaterialDigest(digest).withExpiry(validTo, model);
        if (key.currentVersion() == 0) {
            updated = Materials.addVersion(tx, updated, null, ctx.now().truncatedTo(ChronoUnit.MILLIS), material);
        }
        if (updated.keyState() == KeyState.PendingImport) {
            updated = updated.withState(KeyState.Enabled, null, null);
        }
        tx.putKey(updated);
        tx.deleteImportTokens(key.keyId());
        return new ImportKeyMaterialResponse(key.arn(), Materials.keyMaterialId(key.keyId(), updated.currentVersion()));
    }

    void deleteImportedKeyMaterial(DeleteImportedKeyMaterialRequest request) {
        ctx.writeKey(Operation.DELETE_IMPORTED_KEY_MATERIAL, request.keyId(), (tx, key) -> {
            requireExternal(key);
            tx.deleteMaterials(key.keyId());
            tx.putKey(key.withCurrentVersion(0, key.onDemandRotations()).withExpiry(null, null)
                    .withState(KeyState.PendingImport, null, null));
            return null;
        });
    }

    private static ExpirationModelType expirationModel(ImportKeyMaterialRequest request) {
        ExpirationModelType model = request.expirationModel();
        if (model == null) {
            model = request.validTo() == null
                    ? ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE : ExpirationModelType.KEY_MATERIAL_EXPIRES;
        }
        if (model == ExpirationModelType.KEY_MATERIAL_EXPIRES && request.validTo() == null) {
            throw new ValidationException("ValidTo is required when ExpirationModel is KEY_MATERIAL_EXPIRES.");
        }
        if (model == ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE && request.validTo() != null) {
            throw new ValidationException("ValidTo must be omitted when ExpirationModel is KEY_MATERIAL_DOES_NOT_EXPIRE.");
        }
        return model;
    }

    private Instant checkValidTo(Instant validTo) {
        Instant now = ctx.now();
        if (!validTo.isAfter(now) || validTo.isAfter(now.plus(MAX_VALID_TO))) {
            throw new ValidationException("ValidTo must be in the future and at most 365 days from now.");
        }
        return validTo.truncatedTo(ChronoUnit.MILLIS);
    }

    private static Void requireExternal(KeyRecord key) {
        if (key.origin() != OriginType.EXTERNAL) {
            throw new KmsUnsupportedOperationException(key.arn() + " origin is " + key.origin()
                    + " which is not valid for this operation.");
        }
        return null;
    }

    private static PrivateKey privateKey(ImportTokenRecord record) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(record.wrappingPrivateKey()));
        } catch (GeneralSecurityException e) {
            throw new KMSInternalException("The wrapping key of an import token cannot be read", e);
        }
    }

    private static String digest(String keyId, byte[] secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("keywarden-imported-material:" + keyId + ":").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(secret));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
