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
        byte[] cacheKey = cache == null ? null : cacheKey(keyId, canonicalContext, null);
        if (cache != null) {
            DataKeyCache.Lease hit = cache.acquire(cacheKey);
            if (hit != null) {
                return new Lease(hit.dataKey(), hit.wrappedKey(), hit.keyArn(), cache, hit.entry());
            }
        }
        GenerateDataKeyResponse r = backend.generateDataKey(GenerateDataKeyRequest.builder().keyId(keyId)
                .keySpec(DataKeySpec.AES_256).encryptionContext(context).build());
        byte[] plaintext = r.plaintext();
        if (plaintext == null || plaintext.length != EnvelopeFormat.DATA_KEY_LENGTH || r.ciphertextBlob() == null
                || r.ciphertextBlob().length > EnvelopeFormat.MAX_WRAPPED_KEY_LENGTH) {
            throw new IllegalStateException("the backend returned an unusable data key");
        }
        if (cache == null) {
            return new Lease(plaintext, r.ciphertextBlob(), r.keyId(), null, null);
        }
        DataKeyCache.Lease put = cache.put(cacheKey, plaintext, r.ciphertextBlob(), r.keyId());
        Arrays.fill(plaintext, (byte) 0);
        return new Lease(put.dataKey(), put.wrappedKey(), put.keyArn(), cache, put.entry());
    }

    static Lease decrypt(KmsBackend backend, String keyId, Map<String, String> context, byte[] canonicalContext,
                         byte[] wrappedKey, DataKeyCache cache) {
        byte[] cacheKey = cache == null ? null : cacheKey(keyId, canonicalContext, wrappedKey);
        if (cache != null) {
            DataKeyCache.Lease hit = cache.acquire(cacheKey);
            if (hit != null) {
                return new Lease(hit.dataKey(), wrappedKey, keyId, cache, hit.entry());
            }
        }
        byte[] plaintext = backend.decrypt(DecryptRequest.builder().ciphertextBlob(wrappedKey).keyId(keyId)
                .encryptionContext(context).build()).plaintext();
        if (plaintext == null || plaintext.length != EnvelopeFormat.DATA_KEY_LENGTH) {
            throw new IllegalStateException("the backend returned an unusable data key");
        }
        if (cache == null) {
            return new Lease(plaintext, wrappedKey, keyId, null, null);
        }
        DataKeyCache.Lease put = cache.put(cacheKey, plaintext, null, keyId);
        Arrays.fill(plaintext, (byte) 0);
        return new Lease(put.dataKey(), wrappedKey, keyId, cache, put.entry());
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
