package io.keywarden.provider.cipher;

import io.keywarden.kms.api.DataKeySpec;
import io.keywarden.kms.api.DecryptRequest;
import io.keywarden.kms.api.GenerateDataKeyRequest;
import io.keywarden.kms.api.GenerateDataKeyResponse;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.provider.envelope.DataKeyCache;
import io.keywarden.provider.envelope.EnvelopeFormat;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Data keys for envelopes: GenerateDataKey and Decrypt through the backend, optionally through a
 * {@link DataKeyCache}. KMS errors pass through unchanged (the caller maps them with JcaErrors).
 */
final class DataKeys {

    private DataKeys() {
    }

    /** A data key in use: the holder zeroes {@code dataKey} once derived; {@code entry} counts bytes. */
    record Lease(byte[] dataKey, byte[] wrappedKey, String keyArn, DataKeyCache cache, DataKeyCache.Entry entry) {
        void addBytes(long n) {
            if (cache != null) {
                cache.addBytes(entry, n);
            }
        }

        @Override
        public String toString() {
            return "DataKeys.Lease[keyArn=" + keyArn + "]";
        }
    }

    static Lease generate(KmsBackend backend, String keyId, Map<String, String> context, byte[] canonicalContext,
                          DataKeyCache cache) {
        if (cache == null) {
            DataKeyCache.Fresh f = generateNow(backend, keyId, context);
            return new Lease(f.dataKey(), f.wrappedKey(), f.keyArn(), null, null);
        }
        byte[] cacheKey = cacheKey(keyId, canonicalContext, null);
        DataKeyCache.Lease hit = cache.acquire(cacheKey);
        if (hit == null) {
            DataKeyCache.Fresh f = generateNow(backend, keyId, context);
            hit = cache.put(cacheKey, f.dataKey(), f.wrappedKey(), f.keyArn());
            Arrays.fill(f.dataKey(), (byte) 0);
        } else if (hit.refreshDue()) {
            cache.refreshAhead(cacheKey, hit, () -> generateNow(backend, keyId, context));
        }
        return new Lease(hit.dataKey(), hit.wrappedKey(), hit.keyArn(), cache, hit.entry());
    }

    static Lease decrypt(KmsBackend backend, String keyId, Map<String, String> context, byte[] canonicalContext,
                         byte[] wrappedKey, DataKeyCache cache) {
        if (cache == null) {
            return new Lease(decryptNow(backend, keyId, context, wrappedKey).dataKey(), wrappedKey, keyId, null, null);
        }
        byte[] cacheKey = cacheKey(keyId, canonicalContext, wrappedKey);
        DataKeyCache.Lease hit = cache.acquire(cacheKey);
        if (hit == null) {
            DataKeyCache.Fresh f = decryptNow(backend, keyId, context, wrappedKey);
            hit = cache.put(cacheKey, f.dataKey(), null, keyId);
            Arrays.fill(f.dataKey(), (byte) 0);
        } else if (hit.refreshDue()) {
            cache.refreshAhead(cacheKey, hit, () -> decryptNow(backend, keyId, context, wrappedKey));
        }
        return new Lease(hit.dataKey(), wrappedKey, keyId, cache, hit.entry());
    }

    /** One GenerateDataKey: a data key for a new message, checked for shape. */
    private static DataKeyCache.Fresh generateNow(KmsBackend backend, String keyId, Map<String, String> context) {
        GenerateDataKeyResponse r = backend.generateDataKey(GenerateDataKeyRequest.builder().keyId(keyId)
                .keySpec(DataKeySpec.AES_256).encryptionContext(context).build());
        byte[] plaintext = r.plaintext();
        if (plaintext == null || plaintext.length != EnvelopeFormat.DATA_KEY_LENGTH || r.ciphertextBlob() == null
                || r.ciphertextBlob().length > EnvelopeFormat.MAX_WRAPPED_KEY_LENGTH) {
            if (plaintext != null) {
                Arrays.fill(plaintext, (byte) 0);
            }
            throw new IllegalStateException("the backend returned an unusable data key");
        }
        return new DataKeyCache.Fresh(plaintext, r.ciphertextBlob(), r.keyId());
    }

    /** One Decrypt of a message's wrapped data key, checked for shape. */
    private static DataKeyCache.Fresh decryptNow(KmsBackend backend, String keyId, Map<String, String> context,
                                                 byte[] wrappedKey) {
        byte[] plaintext = backend.decrypt(DecryptRequest.builder().ciphertextBlob(wrappedKey).keyId(keyId)
                .encryptionContext(context).build()).plaintext();
        if (plaintext == null || plaintext.length != EnvelopeFormat.DATA_KEY_LENGTH) {
            if (plaintext != null) {
                Arrays.fill(plaintext, (byte) 0);
            }
            throw new IllegalStateException("the backend returned an unusable data key");
        }
        return new DataKeyCache.Fresh(plaintext, null, keyId);
    }

    /** uint16(len) ‖ UTF-8(keyId) ‖ canonical(context) ‖ wrappedKey (decryption only), in one exact-size array. */
    private static byte[] cacheKey(String keyId, byte[] canonicalContext, byte[] wrappedKey) {
        byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
        int wrapped = wrappedKey == null ? 0 : wrappedKey.length;
        byte[] out = new byte[2 + id.length + canonicalContext.length + wrapped];
        out[0] = (byte) (id.length >>> 8);
        out[1] = (byte) id.length;
        System.arraycopy(id, 0, out, 2, id.length);
        System.arraycopy(canonicalContext, 0, out, 2 + id.length, canonicalContext.length);
        if (wrappedKey != null) {
            System.arraycopy(wrappedKey, 0, out, 2 + id.length + canonicalContext.length, wrapped);
        }
        return out;
    }
}
