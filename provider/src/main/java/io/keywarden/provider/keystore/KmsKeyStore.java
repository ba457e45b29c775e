package io.keywarden.provider.keystore;

import io.keywarden.kms.api.CreateAliasRequest;
import io.keywarden.kms.api.DeleteAliasRequest;
import io.keywarden.kms.api.DeleteCertificateEntryRequest;
import io.keywarden.kms.api.GetCertificateEntryResponse;
import io.keywarden.kms.api.KeyMetadata;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.PutCertificateEntryRequest;
import io.keywarden.kms.api.ScheduleKeyDeletionRequest;
import io.keywarden.kms.api.UpdateAliasRequest;
import io.keywarden.kms.api.errors.KmsException;
import io.keywarden.kms.api.errors.NotFoundException;
import io.keywarden.kms.config.KeywardenConfig;
import io.keywarden.provider.JcaErrors;
import io.keywarden.provider.KeywardenProvider;
import io.keywarden.provider.KeywardenRuntime;
import io.keywarden.provider.KmsKey;
import io.keywarden.provider.KmsKeys;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.KeyStoreSpi;
import java.security.NoSuchAlgorithmException;
import java.security.ProviderException;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The {@code KMS} key store: a view of the keys, aliases and certificate entries of a Keywarden
 * backend (see {@code docs/keystore.md}). Nothing lives in a local file: every method reads or
 * changes the backend, and {@code store} writes nothing.
 *
 * <ul>
 *   <li>Entry names: a key with a KMS alias is listed under the alias without its {@code alias/}
 *       prefix, a key without an alias under its key id, keys pending deletion not at all; trusted
 *       certificates under their entry names. Names are case-sensitive and kept as given.</li>
 *   <li>{@code getKey} ignores the password and returns a handle ({@link KmsKeys#handle}).</li>
 *   <li>{@code setKeyEntry} with a handle stores the chain beside the key and points the KMS alias
 *       {@code alias/<name>} at it; with an ordinary key it first imports the key's material as a
 *       new EXTERNAL key (the password is ignored).</li>
 *   <li>{@code deleteEntry} of a key entry removes the alias and chain and schedules the key's
 *       deletion with the default 30-day window.</li>
 *   <li>{@code load(null, …)} opens the provider's configured backend; {@code load(stream, …)}
 *       reads a {@code keywarden.conf} from the stream, its relative paths resolved against the
 *       current directory; {@code load(}{@link KmsLoadStoreParameter}{@code )} names a file.</li>
 * </ul>
 */
public final class KmsKeyStore extends KeyStoreSpi {

    private final KeywardenProvider provider;
    private KeywardenRuntime runtime;
    private BackendEntries entries;

    /** Made by {@link KeywardenProvider}'s service, which passes itself. */
    public KmsKeyStore(KeywardenProvider provider) {
        this.provider = provider;
    }

    // ---- load and store

    @Override
    public void engineLoad(InputStream stream, char[] password) throws IOException {
        if (stream == null) {
            open(provider.runtime());
            return;
        }
        Properties p = new Properties();
        p.load(new InputStreamReader(stream, StandardCharsets.UTF_8));
        open(fromConfig(p, Path.of("").toAbsolutePath(), "the keywarden.conf given to KeyStore.load"));
    }

    @Override
    public void engineLoad(KeyStore.LoadStoreParameter param) throws IOException {
        if (param == null) {
            open(provider.runtime());
        } else if (param instanceof KmsLoadStoreParameter kp) {
            Path file = kp.config().toAbsolutePath().normalize();
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            open(fromConfig(p, file.getParent(), file.toString()));
        } else {
            throw new IllegalArgumentException("The KMS key store takes a KmsLoadStoreParameter or null, not "
                    + param.getClass().getName());
        }
    }

    private static KeywardenRuntime fromConfig(Properties p, Path baseDir, String source) throws IOException {
        try {
            return KeywardenRuntime.of(KeywardenConfig.fromProperties(p, baseDir), source);
        } catch (KeywardenConfig.ConfigException e) {
            throw new IOException(e.getMessage() + " (in " + source + ")", e);
        }
    }

    private void open(KeywardenRuntime r) throws IOException {
        try {
            KmsBackend kms = r.backend();
            this.runtime = r;
            this.entries = new BackendEntries(kms);
        } catch (ProviderException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Writes nothing: the entries live in the backend. */
    @Override
    public void engineStore(OutputStream stream, char[] password) {
        requireLoaded();
    }

    /** Does nothing: the entries live in the backend. */
    @Override
    public void engineStore(KeyStore.LoadStoreParameter param) {
        requireLoaded();
    }

    // ---- reading

    @Override
    public Key engineGetKey(String alias, char[] password) throws NoSuchAlgorithmException, UnrecoverableKeyException {
        Optional<KeyMetadata> key = read(() -> entries().key(alias));
        if (key.isEmpty()) {
            return null;
        }
        try {
            return KmsKeys.handle(runtime, key.get().keyId());
        } catch (InvalidKeyException e) {
            UnrecoverableKeyException x = new UnrecoverableKeyException("The key of entry " + alias
                    + " cannot be used: " + e.getMessage());
            x.initCause(e);
            throw x;
        }
    }

    @Override
    public Certificate[] engineGetCertificateChain(String alias) {
        return read(() -> entries().key(alias).flatMap(k -> entries().chainOf(alias, k.keyId()))
                .map(KmsKeyStore::certificates).orElse(null));
    }

    @Override
    public Certificate engineGetCertificate(String alias) {
        Certificate[] chain = engineGetCertificateChain(alias);
        if (chain != null) {
            return chain[0];
        }
        return read(() -> entries().trusted(alias).map(e -> certificates(e.certificateChain())[0]).orElse(null));
    }

    @Override
    public Date engineGetCreationDate(String alias) {
        return read(() -> {
            Optional<KeyMetadata> key = entries().key(alias);
            if (key.isPresent()) {
                return Date.from(key.get().creationDate());
            }
            return entries().trusted(alias).map(e -> Date.from(e.creationDate())).orElse(null);
        });
    }

    @Override
    public Enumeration<String> engineAliases() {
        return Collections.enumeration(read(() -> new ArrayList<>(entries().aliases())));
    }

    @Override
    public boolean engineContainsAlias(String alias) {
        return engineIsKeyEntry(alias) || engineIsCertificateEntry(alias);
    }

    @Override
    public int engineSize() {
        return read(() -> entries().aliases().size());
    }

    @Override
    public boolean engineIsKeyEntry(String alias) {
        return read(() -> entries().key(alias).isPresent());
    }

    @Override
    public boolean engineIsCertificateEntry(String alias) {
        return read(() -> entries().key(alias).isEmpty() && entries().trusted(alias).isPresent());
    }

    @Override
    public String engineGetCertificateAlias(Certificate cert) {
        if (cert == null) {
            return null;
        }
        byte[] wanted = der(cert);
        return read(() -> {
            for (String name : entries().aliases()) {
                Certificate c = engineGetCertificate(name);
                if (c != null && Arrays.equals(der(c), wanted)) {
                    return name;
                }
            }
            return null;
        });
    }

    // ---- writing

    @Override
    public void engineSetKeyEntry(String alias, Key key, char[] password, Certificate[] chain)
            throws KeyStoreException {
        requireLoaded();
        if (!BackendEntries.isKmsAliasName(alias)) {
            throw new KeyStoreException("Entry name " + alias + " cannot be a KMS alias name: use 1-250 characters "
                    + "of [a-zA-Z0-9:/_-], not starting with aws/");
        }
        if (key == null) {
            throw new KeyStoreException("The key must not be null");
        }
        boolean imported = !(key instanceof KmsKey);
        String keyId = imported ? KeyImport.importKey(entries.kms(), key, "Imported through the KMS key store as "
                + alias) : ownKeyId((KmsKey) key);
        try {
            pointAlias(alias, keyId);
            storeChain(alias, keyId, chain);
        } catch (KeyStoreException | RuntimeException e) {
            if (imported) {
                KeyImport.abandon(entries.kms(), keyId);
            }
            throw e;
        }
    }

    @Override
    public void engineSetKeyEntry(String alias, byte[] key, Certificate[] chain) throws KeyStoreException {
        throw new KeyStoreException("The KMS key store takes no protected key encodings: pass a Key");
    }

    @Override
    public void engineSetCertificateEntry(String alias, Certificate cert) throws KeyStoreException {
        requireLoaded();
        if (alias == null || cert == null) {
            throw new KeyStoreException("The entry name and certificate must not be null");
        }
        if (engineIsKeyEntry(alias)) {
            throw new KeyStoreException("Entry " + alias + " is a key entry, not a trusted-certificate entry");
        }
        kms("PutCertificateEntry", () -> entries.kms().putCertificateEntry(PutCertificateEntryRequest.builder()
                .entryName(alias).certificateChain(List.of(der(cert))).build()));
    }

    @Override
    public void engineDeleteEntry(String alias) throws KeyStoreException {
        requireLoaded();
        Optional<KeyMetadata> key = read(() -> entries.key(alias));
        if (key.isPresent()) {
            String keyId = key.get().keyId();
            if (entries.aliasTarget(alias).isPresent()) {
                kms("DeleteAlias", () -> entries.kms().deleteAlias(DeleteAliasRequest.builder()
                        .aliasName(BackendEntries.kmsAlias(alias)).build()));
            }
            if (entries.chainOf(alias, keyId).isPresent()) {
                deleteCertificateEntry(alias);
            }
            kms("ScheduleKeyDeletion", () -> entries.kms().scheduleKeyDeletion(ScheduleKeyDeletionRequest.builder()
                    .keyId(keyId).build()));
        } else if (read(() -> entries.trusted(alias)).isPresent()) {
            deleteCertificateEntry(alias);
        }
    }

    // ---- helpers

    private String ownKeyId(KmsKey handle) throws KeyStoreException {
        try {
            if (KmsKeys.backend(handle) != entries.kms()) {
                throw new KeyStoreException("The handle " + handle + " belongs to another Keywarden backend");
            }
        } catch (InvalidKeyException e) {
            throw new KeyStoreException(e.getMessage(), e);
        }
        return entries.describe(handle.keyId()).map(KeyMetadata::keyId)
                .orElseThrow(() -> new KeyStoreException("The key of handle " + handle + " does not exist"));
    }

    /** Makes {@code alias/<alias>} point at the key (unless the entry is named by the key id itself). */
    private void pointAlias(String alias, String keyId) throws KeyStoreException {
        if (alias.equals(keyId)) {
            return;
        }
        Optional<KeyMetadata> current = entries.aliasTarget(alias);
        String kmsAlias = BackendEntries.kmsAlias(alias);
        if (current.isEmpty()) {
            kms("CreateAlias", () -> entries.kms().createAlias(CreateAliasRequest.builder().aliasName(kmsAlias)
                    .targetKeyId(keyId).build()));
        } else if (!current.get().keyId().equals(keyId)) {
            kms("UpdateAlias", () -> entries.kms().updateAlias(UpdateAliasRequest.builder().aliasName(kmsAlias)
                    .targetKeyId(keyId).build()));
        }
    }

    private void storeChain(String alias, String keyId, Certificate[] chain) throws KeyStoreException {
        if (chain != null && chain.length > 0) {
            List<byte[]> ders = new ArrayList<>();
            for (Certificate c : chain) {
                ders.add(der(c));
            }
            kms("PutCertificateEntry", () -> entries.kms().putCertificateEntry(PutCertificateEntryRequest.builder()
                    .entryName(alias).keyId(keyId).certificateChain(ders).build()));
        } else if (entries.certificateEntry(alias).isPresent()) {
            deleteCertificateEntry(alias);
        }
    }

    private void deleteCertificateEntry(String name) throws KeyStoreException {
        kms("DeleteCertificateEntry", () -> {
            try {
                entries.kms().deleteCertificateEntry(DeleteCertificateEntryRequest.builder().entryName(name).build());
            } catch (NotFoundException alreadyGone) {
                // deleted meanwhile
            }
        });
    }

    private static Certificate[] certificates(List<byte[]> ders) {
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            Certificate[] out = new Certificate[ders.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = cf.generateCertificate(new ByteArrayInputStream(ders.get(i)));
            }
            return out;
        } catch (CertificateException e) {
            throw new ProviderException("A stored certificate does not parse", e);
        }
    }

    private static byte[] der(Certificate c) {
        try {
            return c.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("The certificate has no encoding", e);
        }
    }

    private BackendEntries entries() {
        requireLoaded();
        return entries;
    }

    private void requireLoaded() {
        if (entries == null) {
            throw new IllegalStateException("The KMS key store is not loaded: call load(null, null) first");
        }
    }

    @FunctionalInterface
    private interface KmsCall {
        void run();
    }

    private static void kms(String operation, KmsCall call) throws KeyStoreException {
        try {
            call.run();
        } catch (KmsException e) {
            throw JcaErrors.keyStore(operation, e);
        }
    }

    /** Reads that the KeyStoreSpi signature lets fail only unchecked: KMS errors become ProviderExceptions. */
    private static <T> T read(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (KmsException e) {
            throw JcaErrors.provider(e);
        }
    }
}
