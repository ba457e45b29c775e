package io.keywarden.kms.engine;

import io.keywarden.kms.api.DataKeyPairSpec;
import io.keywarden.kms.api.DataKeySpec;
import io.keywarden.kms.api.DecryptRequest;
import io.keywarden.kms.api.DecryptResponse;
import io.keywarden.kms.api.EncryptRequest;
import io.keywarden.kms.api.EncryptResponse;
import io.keywarden.kms.api.EncryptionAlgorithmSpec;
import io.keywarden.kms.api.GenerateDataKeyPairRequest;
import io.keywarden.kms.api.GenerateDataKeyPairResponse;
import io.keywarden.kms.api.GenerateDataKeyPairWithoutPlaintextRequest;
import io.keywarden.kms.api.GenerateDataKeyPairWithoutPlaintextResponse;
import io.keywarden.kms.api.GenerateDataKeyRequest;
import io.keywarden.kms.api.GenerateDataKeyResponse;
import io.keywarden.kms.api.GenerateDataKeyWithoutPlaintextRequest;
import io.keywarden.kms.api.GenerateDataKeyWithoutPlaintextResponse;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.ReEncryptRequest;
import io.keywarden.kms.api.ReEncryptResponse;
import io.keywarden.kms.api.RsaParameters;
import io.keywarden.kms.api.errors.IncorrectKeyException;
import io.keywarden.kms.api.errors.InvalidCiphertextException;
import io.keywarden.kms.api.errors.ValidationException;
import io.keywarden.kms.crypto.GeneratedMaterial;
import io.keywarden.kms.crypto.KeyMaterial;
import io.keywarden.kms.crypto.KeySpecStrategies;
import io.keywarden.kms.crypto.RsaSchemes;
import io.keywarden.kms.crypto.SymmetricCiphertextFormat;
import io.keywarden.kms.store.KeyRecord;
import java.util.Arrays;
import java.util.Map;

/** Encrypt, Decrypt, ReEncrypt, and data keys and data key pairs under a symmetric key. */
final class EncryptionOperations {

    static final int MAX_PLAINTEXT = 4096;
    static final int MAX_CIPHERTEXT = 6144;

    private final EngineContext ctx;

    EncryptionOperations(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** What one encryption produced: the blob, the key's ARN and the material version used. */
    private record Sealed(byte[] blob, String keyArn, EncryptionAlgorithmSpec algorithm, int version) {
    }

    /** What one decryption produced. */
    private record Opened(byte[] plaintext, String keyArn, EncryptionAlgorithmSpec algorithm, int version) {
    }

    EncryptResponse encrypt(EncryptRequest request) {
        byte[] plaintext = Validate.length(request.plaintext(), "plaintext", 1, MAX_PLAINTEXT);
        RsaSchemes.check(request.encryptionAlgorithm(), request.keywardenRsaParameters());
        Sealed s = seal(Operation.ENCRYPT, request.keyId(), request.encryptionAlgorithm(),
                request.keywardenRsaParameters(), plaintext, request.encryptionContext());
        return new EncryptResponse(s.blob(), s.keyArn(), s.algorithm());
    }

    DecryptResponse decrypt(DecryptRequest request) {
        RsaSchemes.check(request.encryptionAlgorithm(), request.keywardenRsaParameters());
        Opened o = open(Operation.DECRYPT, request.keyId(), request.encryptionAlgorithm(),
                request.keywardenRsaParameters(), request.ciphertextBlob(), request.encryptionContext());
        return new DecryptResponse(o.keyArn(), o.plaintext(), o.algorithm(),
                Materials.keyMaterialId(keyIdOf(o.keyArn()), o.version()));
    }

    ReEncryptResponse reEncrypt(ReEncryptRequest request) {
        Validate.required(request.destinationKeyId(), "destinationKeyId");
        Opened o = open(Operation.RE_ENCRYPT_FROM, request.sourceKeyId(), request.sourceEncryptionAlgorithm(), null,
                request.ciphertextBlob(), request.sourceEncryptionContext());
        try {
            Sealed s = seal(Operation.RE_ENCRYPT_TO, request.destinationKeyId(), request.destinationEncryptionAlgorithm(),
                    null, o.plaintext(), request.destinationEncryptionContext());
            return new ReEncryptResponse(s.blob(), o.keyArn(), s.keyArn(), o.algorithm(), s.algorithm(),
                    Materials.keyMaterialId(keyIdOf(o.keyArn()), o.version()),
                    Materials.keyMaterialId(keyIdOf(s.keyArn()), s.version()));
        } finally {
            Arrays.fill(o.plaintext(), (byte) 0);
        }
    }

    GenerateDataKeyResponse generateDataKey(GenerateDataKeyRequest request) {
        int length = dataKeyLength(request.keySpec(), request.numberOfBytes());
        byte[] dataKey = new byte[length];
        ctx.random.nextBytes(dataKey);
        Sealed s = sealSymmetric(Operation.GENERATE_DATA_KEY, request.keyId(), dataKey, request.encryptionContext());
        return new GenerateDataKeyResponse(s.blob(), dataKey, s.keyArn(),
                Materials.keyMaterialId(keyIdOf(s.keyArn()), s.version()));
    }

    GenerateDataKeyWithoutPlaintextResponse generateDataKeyWithoutPlaintext(
            GenerateDataKeyWithoutPlaintextRequest request) {
        int length = dataKeyLength(request.keySpec(), request.numberOfBytes());
        byte[] dataKey = new byte[length];
        ctx.random.nextBytes(dataKey);
        try {
            Sealed s = sealSymmetric(Operation.GENERATE_DATA_KEY_WITHOUT_PLAINTEXT, request.keyId(), dataKey,
                    request.encryptionContext());
            return new GenerateDataKeyWithoutPlaintextResponse(s.blob(), s.keyArn(),
                    Materials.keyMaterialId(keyIdOf(s.keyArn()), s.version()));
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    GenerateDataKeyPairResponse generateDataKeyPair(GenerateDataKeyPairRequest request) {
        DataKeyPairSpec spec = Validate.required(request.keyPairSpec(), "keyPairSpec");
        checkPairKey(Operation.GENERATE_DATA_KEY_PAIR, request.keyId());
        GeneratedMaterial pair = KeySpecStrategies.forSpec(KeySpecStrategies.keySpecOf(spec))
                .generate(KeySpecStrategies.keySpecOf(spec));
        Sealed s = sealSymmetric(Operation.GENERATE_DATA_KEY_PAIR, request.keyId(), pair.secret(),
                request.encryptionContext());
        return new GenerateDataKeyPairResponse(s.blob(), pair.secret(), pair.publicKey(), s.keyArn(), spec,
                Materials.keyMaterialId(keyIdOf(s.keyArn()), s.version()));
    }

    GenerateDataKeyPairWithoutPlaintextResponse generateDataKeyPairWithoutPlaintext(
            GenerateDataKeyPairWithoutPlaintextRequest request) {
        DataKeyPairSpec spec = Validate.required(request.keyPairSpec(), "keyPairSpec");
        checkPairKey(Operation.GENERATE_DATA_KEY_PAIR_WITHOUT_PLAINTEXT, request.keyId());
        GeneratedMaterial pair = KeySpecStrategies.forSpec(KeySpecStrategies.keySpecOf(spec))
                .generate(KeySpecStrategies.keySpecOf(spec));
        try {
            Sealed s = sealSymmetric(Operation.GENERATE_DATA_KEY_PAIR_WITHOUT_PLAINTEXT, request.keyId(),
                    pair.secret(), request.encryptionContext());
            return new GenerateDataKeyPairWithoutPlaintextResponse(s.blob(), pair.publicKey(), s.keyArn(), spec,
                    Materials.keyMaterialId(keyIdOf(s.keyArn()), s.version()));
        } finally {
            Arrays.fill(pair.secret(), (byte) 0);
        }
    }

    /** Refuses early (before an expensive key pair generation) what the sealing would refuse. */
    private void checkPairKey(Operation op, String keyId) {
        ctx.readKey(op, keyId, (tx, key) -> {
            KeyChecks.usage(key, KeyUsage.ENCRYPT_DECRYPT, op);
            KeyChecks.symmetric(key, op);
            return null;
        });
    }

    private static int dataKeyLength(DataKeySpec keySpec, Integer numberOfBytes) {
        if (keySpec != null && numberOfBytes != null) {
            throw new ValidationException("Please specify either number of bytes or key spec.");
        }
        if (keySpec == null && numberOfBytes == null) {
            throw new ValidationException("Please specify either number of bytes or key spec.");
        }
        if (keySpec != null) {
            return keySpec == DataKeySpec.AES_128 ? 16 : 32;
        }
        return Validate.range(numberOfBytes, "numberOfBytes", 1, 1024, 0);
    }

    private Sealed sealSymmetric(Operation op, String keyId, byte[] plaintext, Map<String, String> context) {
        return ctx.readKey(op, keyId, (tx, key) -> {
            KeyChecks.symmetric(key, op);
            return sealWith(op, tx, key, EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT, null, plaintext, context);
        });
    }

    private Sealed seal(Operation op, String keyId, EncryptionAlgorithmSpec algorithm, RsaParameters parameters,
            byte[] plaintext, Map<String, String> context) {
        Validate.required(keyId, "keyId");
        return ctx.readKey(op, keyId, (tx, key) -> sealWith(op, tx, key, algorithm, parameters, plaintext, context));
    }

    private Sealed sealWith(Operation op, io.keywarden.kms.store.StoreTransaction tx, KeyRecord key,
            EncryptionAlgorithmSpec requested, RsaParameters parameters, byte[] plaintext, Map<String, String> context) {
        KeyChecks.usage(key, KeyUsage.ENCRYPT_DECRYPT, op);
        EncryptionAlgorithmSpec algorithm = KeyChecks.encryptionAlgorithm(key, requested);
        Map<String, String> ec = KeyChecks.context(key, context);
        KeyMaterial material = Materials.current(tx, key);
        byte[] blob = KeySpecStrategies.forSpec(key.keySpec())
                .encrypt(key.keySpec(), material, algorithm, parameters, plaintext, ec);
        return new Sealed(blob, key.arn(), algorithm, material.version());
    }

    private Opened open(Operation op, String keyId, EncryptionAlgorithmSpec requested, RsaParameters parameters,
            byte[] ciphertext, Map<String, String> context) {
        Validate.length(ciphertext, "ciphertextBlob", 1, MAX_CIPHERTEXT);
        EncryptionAlgorithmSpec algorithm = requested == null ? EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT : requested;
        if (algorithm == EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT) {
            return openSymmetric(op, keyId, ciphertext, context);
        }
        Validate.required(keyId, "keyId");
        return ctx.readKey(op, keyId, (tx, key) -> {
            KeyChecks.usage(key, KeyUsage.ENCRYPT_DECRYPT, op);
            KeyChecks.encryptionAlgorithm(key, algorithm);
            Map<String, String> ec = KeyChecks.context(key, context);
            KeyMaterial material = Materials.current(tx, key);
            byte[] plaintext = KeySpecStrategies.forSpec(key.keySpec())
                    .decrypt(key.keySpec(), material, algorithm, parameters, ciphertext, ec);
            return new Opened(plaintext, key.arn(), algorithm, material.version());
        });
    }

    private Opened openSymmetric(Operation op, String keyId, byte[] ciphertext, Map<String, String> context) {
        if (keyId == null) {
            SymmetricCiphertextFormat.Header header = SymmetricCiphertextFormat.peek(ciphertext);
            return ctx.readKey(op, header.keyId(), (tx, key) -> openSymmetricWith(op, tx, key, header, ciphertext, context));
        }
        // One read, authorized once on the key as the request names it (an alias name counts for
        // kms:RequestAlias). Then, before the key's state: a named asymmetric key with the default
        // algorithm is a usage error whatever the bytes look like (checked only once the caller is
        // authorized, so that one without access learns nothing of the key's type), and the
        // ciphertext must be the named key's.
        return ctx.readKey(op, keyId, (tx, key) -> {
            KeyChecks.encryptionAlgorithm(key, EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT);
            if (!key.keyId().equals(SymmetricCiphertextFormat.peek(ciphertext).keyId())) {
                throw new IncorrectKeyException("The key ID in the request does not identify a KMS key that can "
                        + "perform this operation.");
            }
        }, (tx, key) -> openSymmetricWith(op, tx, key, SymmetricCiphertextFormat.peek(ciphertext), ciphertext, context));
    }

    private static Opened openSymmetricWith(Operation op, io.keywarden.kms.store.StoreTransaction tx, KeyRecord key,
            SymmetricCiphertextFormat.Header header, byte[] ciphertext, Map<String, String> context) {
        KeyChecks.usage(key, KeyUsage.ENCRYPT_DECRYPT, op);
        KeyChecks.symmetric(key, op);
        Map<String, String> ec = KeyChecks.context(context);
        KeyMaterial material = tx.findMaterial(key.keyId(), header.materialVersion())
                .map(m -> new KeyMaterial(m.keyId(), m.version(), m.secret(), m.publicKey()))
                .orElseThrow(() -> new InvalidCiphertextException(null));
        byte[] plaintext = KeySpecStrategies.forSpec(key.keySpec())
                .decrypt(key.keySpec(), material, EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT, ciphertext, ec);
        return new Opened(plaintext, key.arn(), EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT, material.version());
    }

    private static String keyIdOf(String keyArn) {
        return keyArn.substring(keyArn.lastIndexOf('/') + 1);
    }
}
