package io.keywarden.benchmarks.envelope;

import com.amazonaws.encryptionsdk.AwsCrypto;
import com.amazonaws.encryptionsdk.CommitmentPolicy;
import com.amazonaws.encryptionsdk.CryptoAlgorithm;
import com.amazonaws.encryptionsdk.caching.CachingCryptoMaterialsManager;
import com.amazonaws.encryptionsdk.caching.LocalCryptoMaterialsCache;
import com.amazonaws.encryptionsdk.jce.JceMasterKey;
import io.keywarden.benchmarks.KeywardenEnvironment;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.cryptography.materialproviders.IKeyring;
import software.amazon.cryptography.materialproviders.MaterialProviders;
import software.amazon.cryptography.materialproviders.model.AesWrappingAlg;
import software.amazon.cryptography.materialproviders.model.CreateRawAesKeyringInput;
import software.amazon.cryptography.materialproviders.model.MaterialProvidersConfig;

/**
 * The AWS Encryption SDK for Java 3.x with the committing, non-signing suite
 * {@code ALG_AES_256_GCM_HKDF_SHA512_COMMIT_KEY} (its default frame size, 4 KiB).
 * Uncached: the raw AES keyring of the Material Providers Library (a fresh data key wrapped per
 * message). Cached: the ESDK's {@code CachingCryptoMaterialsManager} over its raw AES master key
 * ({@code JceMasterKey}, AES-GCM wrapping; the 3.x MPL keyrings have no local caching CMM), with a
 * {@code LocalCryptoMaterialsCache} and the same limits as Keywarden's cache
 * ({@link io.keywarden.provider.envelope.DataKeyCachePolicy#defaults()}: 300 s, 65,536 messages,
 * 4 GiB, 100 entries).
 */
final class EsdkEnvelope implements EnvelopeSubject {

    private final AwsCrypto crypto = AwsCrypto.builder()
            .withCommitmentPolicy(CommitmentPolicy.RequireEncryptRequireDecrypt)
            .withEncryptionAlgorithm(CryptoAlgorithm.ALG_AES_256_GCM_HKDF_SHA512_COMMIT_KEY)
            .build();
    private final IKeyring keyring;
    private final CachingCryptoMaterialsManager cachingCmm;

    EsdkEnvelope(boolean cached) {
        byte[] wrappingKey = new byte[32];
        new SecureRandom().nextBytes(wrappingKey);
        if (cached) {
            keyring = null;
            JceMasterKey masterKey = JceMasterKey.getInstance(new SecretKeySpec(wrappingKey, "AES"),
                    "keywarden-bench", "wrapping-key", "AES/GCM/NoPadding");
            cachingCmm = CachingCryptoMaterialsManager.newBuilder()
                    .withMasterKeyProvider(masterKey)
                    .withCache(new LocalCryptoMaterialsCache(KeywardenEnvironment.CACHE_POLICY.maxEntries()))
                    .withMaxAge(KeywardenEnvironment.CACHE_POLICY.maxAge().toSeconds(), TimeUnit.SECONDS)
                    .withMessageUseLimit(KeywardenEnvironment.CACHE_POLICY.maxMessages())
                    .withByteUseLimit(KeywardenEnvironment.CACHE_POLICY.maxBytes())
                    .build();
        } else {
            cachingCmm = null;
            MaterialProviders mpl = MaterialProviders.builder()
                    .MaterialProvidersConfig(MaterialProvidersConfig.builder().build()).build();
            keyring = mpl.CreateRawAesKeyring(CreateRawAesKeyringInput.builder()
                    .keyNamespace("keywarden-bench").keyName("wrapping-key")
                    .wrappingKey(ByteBuffer.wrap(wrappingKey))
                    .wrappingAlg(AesWrappingAlg.ALG_AES256_GCM_IV12_TAG16).build());
        }
    }

    // the CryptoMaterialsManager overloads are deprecated in 3.x but are the only local caching CMM
    @Override
    @SuppressWarnings("deprecation")
    public byte[] encrypt(byte[] plaintext) {
        return keyring != null ? crypto.encryptData(keyring, plaintext).getResult()
                : crypto.encryptData(cachingCmm, plaintext).getResult();
    }

    @Override
    @SuppressWarnings("deprecation")
    public byte[] decrypt(byte[] ciphertext) {
        return keyring != null ? crypto.decryptData(keyring, ciphertext).getResult()
                : crypto.decryptData(cachingCmm, ciphertext).getResult();
    }
}
