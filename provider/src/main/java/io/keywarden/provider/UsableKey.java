package io.keywarden.provider;

import io.keywarden.kms.api.DescribeKeyRequest;
import io.keywarden.kms.api.KeyMetadata;
import io.keywarden.kms.api.KeyState;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.errors.DisabledException;
import io.keywarden.kms.api.errors.InvalidKeyUsageException;
import io.keywarden.kms.api.errors.KMSInvalidStateException;
import io.keywarden.kms.api.errors.KmsException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.util.List;

/**
 * A handle checked at {@code init} time: the key is described once (DescribeKey) so that a
 * foreign key, a key in the wrong state or with the wrong usage fails {@code init} with an
 * {@link InvalidKeyException} (the JCA then tries the next provider) instead of failing later.
 * The KMS error that the backend would have answered is kept as the cause.
 *
 * @param backend  the backend that manages the key
 * @param keyId    the key id or alias the handle names (what requests send)
 * @param metadata the key's metadata at init time
 */
public record UsableKey(KmsBackend backend, String keyId, KeyMetadata metadata) {

    /**
     * Describes {@code key} and checks it is an enabled Keywarden handle of the given usage.
     *
     * @param service the JCA service name, for messages
     */
    public static UsableKey of(Key key, KeyUsage usage, String service) throws InvalidKeyException {
        KmsBackend backend = KmsKeys.backend(key);
        String keyId = ((KmsKey) key).keyId();
        KeyMetadata m;
        try {
            m = backend.describeKey(DescribeKeyRequest.builder().keyId(keyId).build()).keyMetadata();
        } catch (KmsException e) {
            throw JcaErrors.invalidKey(e);
        }
        if (m.keyState() == KeyState.Disabled) {
            throw JcaErrors.invalidKey(new DisabledException(m.arn() + " is disabled."));
        }
        if (m.keyState() != KeyState.Enabled) {
            throw JcaErrors.invalidKey(new KMSInvalidStateException(m.arn() + " is " + m.keyState() + "."));
        }
        if (m.keyUsage() != usage) {
            throw JcaErrors.invalidKey(new InvalidKeyUsageException(m.arn() + " key usage is " + m.keyUsage()
                    + " which is not valid for " + service + " (it needs " + usage + ")."));
        }
        return new UsableKey(backend, keyId, m);
    }

    /** An InvalidKeyException (cause InvalidKeyUsageException) for an algorithm the key does not support. */
    public InvalidKeyException unsupported(String service, Object algorithm, List<?> supported) {
        return JcaErrors.invalidKey(new InvalidKeyUsageException(service + " needs " + algorithm + ", which "
                + metadata.arn() + " (key spec " + metadata.keySpec() + ") does not support; it supports "
                + (supported == null ? List.of() : supported) + "."));
    }

    /** Whether the list (null is empty) contains the value. */
    public static boolean contains(List<?> list, Object value) {
        return list != null && list.contains(value);
    }
}
