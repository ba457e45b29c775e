package io.keywarden.benchmarks.envelope;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.KmsEnvelopeAead;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;

/**
 * Google Tink's {@code KmsEnvelopeAead} (AES-256-GCM data keys) whose "remote" KEK is an in-memory
 * Tink AES-256-GCM {@code Aead}: a fresh data key per message, wrapped by a local call, so this is
 * Tink's envelope cost without any KMS latency. Empty associated data, as for the others.
 */
final class TinkEnvelope implements EnvelopeSubject {

    private static final byte[] NO_AAD = new byte[0];
    private final Aead envelope;

    TinkEnvelope() {
        try {
            AeadConfig.register();
            Aead kek = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
            envelope = KmsEnvelopeAead.create(PredefinedAeadParameters.AES256_GCM, kek);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink setup failed", e);
        }
    }

    @Override
    public byte[] encrypt(byte[] plaintext) throws GeneralSecurityException {
        return envelope.encrypt(plaintext, NO_AAD);
    }

    @Override
    public byte[] decrypt(byte[] ciphertext) throws GeneralSecurityException {
        return envelope.decrypt(ciphertext, NO_AAD);
    }
}
