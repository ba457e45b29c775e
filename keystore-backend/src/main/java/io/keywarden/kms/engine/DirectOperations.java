package io.keywarden.kms.engine;

import io.keywarden.kms.api.DirectDecryptRequest;
import io.keywarden.kms.api.DirectDecryptResponse;
import io.keywarden.kms.api.DirectEncryptRequest;
import io.keywarden.kms.api.DirectEncryptResponse;
import io.keywarden.kms.api.DirectUnwrapKeyRequest;
import io.keywarden.kms.api.DirectUnwrapKeyResponse;
import io.keywarden.kms.api.DirectWrapKeyRequest;
import io.keywarden.kms.api.DirectWrapKeyResponse;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.errors.InvalidKeyUsageException;
import io.keywarden.kms.crypto.DirectAesStrategy;
import io.keywarden.kms.crypto.KeySpecStrategies;
import io.keywarden.kms.store.KeyRecord;

/**
 * <b>Keywarden extensions</b> DirectEncrypt, DirectDecrypt, DirectWrapKey and DirectUnwrapKey on
 * imported KEYWARDEN_AES_* keys (see {@link DirectAesStrategy}). They follow the key state table's
 * row of Encrypt and Decrypt (the same cells: disabled, pending deletion and pending import keys are
 * refused), and are checked against the state table as Encrypt (encrypt, wrap) and Decrypt
 * (decrypt, unwrap).
 */
final class DirectOperations {

    private final EngineContext ctx;

    DirectOperations(EngineContext ctx) {
        this.ctx = ctx;
    }

    DirectEncryptResponse directEncrypt(DirectEncryptRequest request) {
        int tag = tagLength(request.tagLength());
        return ctx.readKey(Operation.ENCRYPT, request.keyId(), (tx, key) -> {
            byte[] out = strategy(key, "DirectEncrypt").gcmEncrypt(key.keySpec(), Materials.current(tx, key),
                    request.iv(), request.aad(), request.plaintext(), tag);
            return new DirectEncryptResponse(key.arn(), out);
        });
    }

    DirectDecryptResponse directDecrypt(DirectDecryptRequest request) {
        int tag = tagLength(request.tagLength());
        return ctx.readKey(Operation.DECRYPT, request.keyId(), (tx, key) -> {
            byte[] out = strategy(key, "DirectDecrypt").gcmDecrypt(key.keySpec(), Materials.current(tx, key),
                    request.iv(), request.aad(), request.ciphertext(), tag);
            return new DirectDecryptResponse(key.arn(), out);
        });
    }

    DirectWrapKeyResponse directWrapKey(DirectWrapKeyRequest request) {
        return ctx.readKey(Operation.ENCRYPT, request.keyId(), (tx, key) -> {
            byte[] out = strategy(key, "DirectWrapKey").wrap(key.keySpec(), Materials.current(tx, key),
                    request.wrappingAlgorithm(), request.plaintextKey());
            return new DirectWrapKeyResponse(key.arn(), out, request.wrappingAlgorithm());
        });
    }

    DirectUnwrapKeyResponse directUnwrapKey(DirectUnwrapKeyRequest request) {
        return ctx.readKey(Operation.DECRYPT, request.keyId(), (tx, key) -> {
            byte[] out = strategy(key, "DirectUnwrapKey").unwrap(key.keySpec(), Materials.current(tx, key),
                    request.wrappingAlgorithm(), request.wrappedKey());
            return new DirectUnwrapKeyResponse(key.arn(), out, request.wrappingAlgorithm());
        });
    }

    private static int tagLength(Integer bits) {
        return bits == null ? 128 : bits;
    }

    private static DirectAesStrategy strategy(KeyRecord key, String operation) {
        if (key.keyUsage() != KeyUsage.ENCRYPT_DECRYPT
                || !(KeySpecStrategies.forSpec(key.keySpec()) instanceof DirectAesStrategy s)) {
            throw new InvalidKeyUsageException(key.arn() + " key spec is " + key.keySpec() + " which is not valid for "
                    + operation + " (a Keywarden extension): it needs an imported KEYWARDEN_AES_128/192/256 key.");
        }
        return s;
    }
}
