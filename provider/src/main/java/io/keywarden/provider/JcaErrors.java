package io.keywarden.provider;

import io.keywarden.kms.api.errors.AccessDeniedException;
import io.keywarden.kms.api.errors.DisabledException;
import io.keywarden.kms.api.errors.IncorrectKeyException;
import io.keywarden.kms.api.errors.InvalidCiphertextException;
import io.keywarden.kms.api.errors.InvalidKeyUsageException;
import io.keywarden.kms.api.errors.KMSInvalidStateException;
import io.keywarden.kms.api.errors.KmsException;
import io.keywarden.kms.api.errors.NotFoundException;
import io.keywarden.kms.api.errors.ValidationException;
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
 *   <li>failures in steps that cannot throw checked exceptions ({@code Mac.doFinal},
 *       {@code Cipher.doFinal} other than a bad ciphertext, {@code KeyAgreement.generateSecret})
 *       → {@link ProviderException};</li>
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

    /**
     * For the envelope's data-key decryption, which happens inside {@code update}/{@code doFinal}:
     * a wrapped key that is not for this key or context → {@link AEADBadTagException}; a key problem →
     * {@link ProviderException} whose cause is the {@link InvalidKeyException} (whose cause is the KMS
     * error), since those methods cannot throw InvalidKeyException.
     */
    public static AEADBadTagException envelopeDecryption(KmsException e) {
        if (e instanceof InvalidCiphertextException || e instanceof IncorrectKeyException) {
            AEADBadTagException x = new AEADBadTagException("Tag mismatch: the wrapped data key is not for this "
                    + "key or encryption context, or was altered");
            x.initCause(e);
            return x;
        }
        throw duringOperation(e);
    }

    /** A KMS error inside update/doFinal: a key problem is a ProviderException caused by an InvalidKeyException. */
    public static ProviderException duringOperation(KmsException e) {
        if (isKeyProblem(e)) {
            return new ProviderException("The key cannot be used: " + e.errorType(), invalidKey(e));
        }
        return provider(e);
    }

    /**
     * For the last step of an RSA decryption ({@code doFinal} can throw neither InvalidKeyException
     * nor checked provider errors): a ciphertext the key cannot decrypt → {@link BadPaddingException};
     * anything else, including a key disabled since {@code init} → {@link ProviderException}.
     */
    public static RuntimeException decryptionFinal(KmsException e) throws BadPaddingException {
        if (e instanceof InvalidCiphertextException) {
            BadPaddingException x = new BadPaddingException("Decryption failed");
            x.initCause(e);
            throw x;
        }
        return provider(e);
    }

    /**
     * For a peer public key handed to a key agreement: a key problem or a public key the backend
     * refuses ({@link ValidationException}) → {@link InvalidKeyException}; else ProviderException.
     */
    public static InvalidKeyException agreement(KmsException e) {
        if (isKeyProblem(e) || e instanceof ValidationException) {
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
