package io.keywarden.kms.engine;

import io.keywarden.kms.api.DeriveSharedSecretRequest;
import io.keywarden.kms.api.DeriveSharedSecretResponse;
import io.keywarden.kms.api.GenerateMacRequest;
import io.keywarden.kms.api.GenerateMacResponse;
import io.keywarden.kms.api.GenerateRandomRequest;
import io.keywarden.kms.api.GenerateRandomResponse;
import io.keywarden.kms.api.GetPublicKeyRequest;
import io.keywarden.kms.api.GetPublicKeyResponse;
import io.keywarden.kms.api.KeyAgreementAlgorithmSpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.MacAlgorithmSpec;
import io.keywarden.kms.api.MessageType;
import io.keywarden.kms.api.RsaParameters;
import io.keywarden.kms.api.SignRequest;
import io.keywarden.kms.api.SignResponse;
import io.keywarden.kms.api.SigningAlgorithmSpec;
import io.keywarden.kms.api.VerifyMacRequest;
import io.keywarden.kms.api.VerifyMacResponse;
import io.keywarden.kms.api.VerifyRequest;
import io.keywarden.kms.api.VerifyResponse;
import io.keywarden.kms.api.errors.InvalidKeyUsageException;
import io.keywarden.kms.api.errors.KMSInvalidMacException;
import io.keywarden.kms.api.errors.KMSInvalidSignatureException;
import io.keywarden.kms.api.errors.KmsUnsupportedOperationException;
import io.keywarden.kms.crypto.KeySpecStrategies;
import io.keywarden.kms.crypto.KeySpecStrategy;
import io.keywarden.kms.crypto.RsaSchemes;
import io.keywarden.kms.store.KeyRecord;
import java.security.MessageDigest;
import java.util.List;

/** Sign, Verify, GetPublicKey, GenerateMac, VerifyMac, DeriveSharedSecret, GenerateRandom. */
final class SigningOperations {

    static final int MAX_MESSAGE = 4096;
    /**
     * Keywarden extension: GenerateMac/VerifyMac take an empty message (AWS KMS: 1 to 4096 bytes).
     * The HMAC of the empty message is well defined, and JCA {@code Mac} users rely on it (docs/engine.md).
     */
    static final int MIN_MAC_MESSAGE = 0;
    static final int MAX_SIGNATURE = 6144;

    private final EngineContext ctx;

    SigningOperations(EngineContext ctx) {
        this.ctx = ctx;
    }

    SignResponse sign(SignRequest request) {
        byte[] message = Validate.length(request.message(), "message", 1, MAX_MESSAGE);
        SigningAlgorithmSpec algorithm = Validate.required(request.signingAlgorithm(), "signingAlgorithm");
        MessageType type = request.messageType() == null ? MessageType.RAW : request.messageType();
        RsaParameters parameters = request.keywardenRsaParameters();
        RsaSchemes.check(algorithm, parameters);
        return ctx.readKey(Operation.SIGN, request.keyId(), (tx, key) -> {
            KeySpecStrategy strategy = signingStrategy(key, algorithm, Operation.SIGN);
            byte[] signature = strategy.sign(key.keySpec(), Materials.current(tx, key), algorithm, parameters, type,
                    message);
            return new SignResponse(key.arn(), signature, algorithm);
        });
    }

    VerifyResponse verify(VerifyRequest request) {
        byte[] message = Validate.length(request.message(), "message", 1, MAX_MESSAGE);
        byte[] signature = Validate.length(request.signature(), "signature", 1, MAX_SIGNATURE);
        SigningAlgorithmSpec algorithm = Validate.required(request.signingAlgorithm(), "signingAlgorithm");
        MessageType type = request.messageType() == null ? MessageType.RAW : request.messageType();
        RsaParameters parameters = request.keywardenRsaParameters();
        RsaSchemes.check(algorithm, parameters);
        return ctx.readKey(Operation.VERIFY, request.keyId(), (tx, key) -> {
            KeySpecStrategy strategy = signingStrategy(key, algorithm, Operation.VERIFY);
            if (!strategy.verify(key.keySpec(), Materials.current(tx, key), algorithm, parameters, type, message,
                    signature)) {
                throw new KMSInvalidSignatureException("The signature is not valid.");
            }
            return new VerifyResponse(key.arn(), true, algorithm);
        });
    }

    private static KeySpecStrategy signingStrategy(KeyRecord key, SigningAlgorithmSpec algorithm, Operation op) {
        KeyChecks.usage(key, KeyUsage.SIGN_VERIFY, op);
        KeySpecStrategy strategy = KeySpecStrategies.forSpec(key.keySpec());
        if (!strategy.signingAlgorithms(key.keySpec(), key.keyUsage()).contains(algorithm)) {
            throw new InvalidKeyUsageException("The signing algorithm " + algorithm + " is not compatible with "
                    + key.arn() + " (key spec " + key.keySpec() + ").");
        }
        return strategy;
    }

    GetPublicKeyResponse getPublicKey(GetPublicKeyRequest request) {
        return ctx.readKey(Operation.GET_PUBLIC_KEY, request.keyId(), (tx, key) -> {
            byte[] publicKey = Materials.current(tx, key).publicKey();
            if (publicKey == null) {
                throw new KmsUnsupportedOperationException(key.arn() + " key spec is " + key.keySpec()
                        + ": GetPublicKey is supported only for asymmetric KMS keys.");
            }
            KeySpecStrategy s = KeySpecStrategies.forSpec(key.keySpec());
            return new GetPublicKeyResponse(key.arn(), publicKey, key.keySpec(), key.keySpec(), key.keyUsage(),
                    orNull(s.encryptionAlgorithms(key.keySpec(), key.keyUsage())),
                    orNull(s.signingAlgorithms(key.keySpec(), key.keyUsage())),
                    orNull(s.keyAgreementAlgorithms(key.keySpec(), key.keyUsage())));
        });
    }

    GenerateMacResponse generateMac(GenerateMacRequest request) {
        byte[] message = Validate.length(request.message(), "message", MIN_MAC_MESSAGE, MAX_MESSAGE);
        MacAlgorithmSpec algorithm = Validate.required(request.macAlgorithm(), "macAlgorithm");
        return ctx.readKey(Operation.GENERATE_MAC, request.keyId(), (tx, key) -> {
            byte[] mac = mac(tx, key, algorithm, message, Operation.GENERATE_MAC);
            return new GenerateMacResponse(mac, algorithm, key.arn());
        });
    }

    VerifyMacResponse verifyMac(VerifyMacRequest request) {
        byte[] message = Validate.length(request.message(), "message", MIN_MAC_MESSAGE, MAX_MESSAGE);
        byte[] given = Validate.length(request.mac(), "mac", 1, 6144);
        MacAlgorithmSpec algorithm = Validate.required(request.macAlgorithm(), "macAlgorithm");
        return ctx.readKey(Operation.VERIFY_MAC, request.keyId(), (tx, key) -> {
            byte[] expected = mac(tx, key, algorithm, message, Operation.VERIFY_MAC);
            if (!MessageDigest.isEqual(expected, given)) {
                throw new KMSInvalidMacException("The MAC is not valid.");
            }
            return new VerifyMacResponse(key.arn(), true, algorithm);
        });
    }

    private static byte[] mac(io.keywarden.kms.store.StoreTransaction tx, KeyRecord key, MacAlgorithmSpec algorithm,
            byte[] message, Operation op) {
        return macStrategy(key, algorithm, op).mac(key.keySpec(), Materials.current(tx, key), algorithm, message);
    }

    /** The strategy of an HMAC key that takes {@code algorithm}; refuses other keys and algorithms. */
    static KeySpecStrategy macStrategy(KeyRecord key, MacAlgorithmSpec algorithm, Operation op) {
        KeyChecks.usage(key, KeyUsage.GENERATE_VERIFY_MAC, op);
        KeySpecStrategy strategy = KeySpecStrategies.forSpec(key.keySpec());
        if (!strategy.macAlgorithms(key.keySpec(), key.keyUsage()).contains(algorithm)) {
            throw new InvalidKeyUsageException("The MAC algorithm " + algorithm + " is not compatible with "
                    + key.arn() + " (key spec " + key.keySpec() + ").");
        }
        return strategy;
    }

    DeriveSharedSecretResponse deriveSharedSecret(DeriveSharedSecretRequest request) {
        KeyAgreementAlgorithmSpec algorithm = Validate.required(request.keyAgreementAlgorithm(), "keyAgreementAlgorithm");
        byte[] peer = Validate.length(request.publicKey(), "publicKey", 1, 8192);
        return ctx.readKey(Operation.DERIVE_SHARED_SECRET, request.keyId(), (tx, key) -> {
            KeyChecks.usage(key, KeyUsage.KEY_AGREEMENT, Operation.DERIVE_SHARED_SECRET);
            KeySpecStrategy strategy = KeySpecStrategies.forSpec(key.keySpec());
            if (!strategy.keyAgreementAlgorithms(key.keySpec(), key.keyUsage()).contains(algorithm)) {
                throw new InvalidKeyUsageException("The key agreement algorithm " + algorithm
                        + " is not compatible with " + key.arn() + ".");
            }
            byte[] secret = strategy.deriveSharedSecret(key.keySpec(), Materials.current(tx, key), peer);
            return new DeriveSharedSecretResponse(key.arn(), secret, algorithm, key.origin());
        });
    }

    GenerateRandomResponse generateRandom(GenerateRandomRequest request) {
        int n = Validate.range(Validate.required(request.numberOfBytes(), "numberOfBytes"), "numberOfBytes", 1, 1024, 0);
        ctx.store.read(tx -> {
            ctx.authorizeAccount(tx, Operation.GENERATE_RANDOM);
            return null;
        });
        byte[] out = new byte[n];
        ctx.random.nextBytes(out);
        return new GenerateRandomResponse(out);
    }

    private static <T> List<T> orNull(List<T> list) {
        return list.isEmpty() ? null : list;
    }
}
