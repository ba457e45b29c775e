package io.keywarden.provider;

import io.keywarden.kms.api.errors.AccessDeniedException;
import io.keywarden.kms.api.errors.DisabledException;
import io.keywarden.kms.api.errors.IncorrectKeyException;
import io.keywarden.kms.api.errors.InvalidCiphertextException;
import io.keywarden.kms.api.errors.InvalidKeyUsageException;
import io.keywarden.kms.api.errors.KMSInvalidStateException;
import io.keywarden.kms.api.errors.KmsException;
import io.keywarden.kms.api.errors.NotFoundException;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.ProviderException;
import java.security.SignatureException;
import javax.crypto.AEADBadTagException;
import javax.crypto.BadPaddingException;

/**
 * The one place where the backend's KMS errors become the JCA's exceptions. The KMS error is
 * always kept as the cause.
 *
 * <ul>
 *   <li>key problems (not found, disabled, pending deletion or import, wrong usage, access denied)
 *       → {@link InvalidKeyException};</li>
 *   <li>a ciphertext that does not authenticate → {@link AEADBadTagException} (envelope) or
 *       {@link BadPaddingException} (RSA);</li>
 *   <li>failures while signing → {@link SignatureException};</li>
 *   <li>key store operations → {@link java.security.KeyStoreException};</li>
 *   <li>anything else (throttling, internal errors) → {@link ProviderException}.</li>
 * </ul>
 */
public final class JcaErrors {

    private JcaErrors() {
    }

    public static boolean isKeyProblem(KmsException e) {
        return e instanceof NotFoundException || e instanceof DisabledException || e instanceof KMSInvalidStateException
                || e instanceof InvalidKeyUsageException || e instanceof AccessDeniedException
                || e instanceof IncorrectKeyException;
    }

    public static InvalidKeyException invalidKey(KmsException e) {
        InvalidKeyException x = new InvalidKeyException(e.errorType() + ": " + e.getMessage());
        x.initCause(e);
        return x;
    }

    /** For a decryption: key problems, bad tags, or a provider fault. */
    public static GeneralSecurityException forDecryption(KmsException e, boolean aead) {
        if (e instanceof InvalidCiphertextException) {
            GeneralSecurityException x = aead ? new AEADBadTagException("Tag mismatch: the ciphertext, its "
                    + "associated data or its encryption context was altered, or it is not for this key")
                    : new BadPaddingException("Decryption failed");
            x.initCause(e);
            return x;
        }
        if (isKeyProblem(e)) {
            return invalidKey(e);
        }
        throw provider(e);
    }

    public static SignatureException signature(KmsException e) {
        return new SignatureException(e.errorType() + ": " + e.getMessage(), e);
    }

    /** For the KMS key store: every KMS error is a KeyStoreException naming the error type. */
    public static java.security.KeyStoreException keyStore(String what, KmsException e) {
        return new java.security.KeyStoreException(what + ": " + e.errorType() + ": " + e.getMessage(), e);
    }

    public static ProviderException provider(KmsException e) {
        return new ProviderException(e.errorType() + ": " + e.getMessage(), e);
    }
}
