package io.keywarden.provider.keystore;

import io.keywarden.kms.api.AliasListEntry;
import io.keywarden.kms.api.DescribeKeyRequest;
import io.keywarden.kms.api.GetCertificateEntryRequest;
import io.keywarden.kms.api.GetCertificateEntryResponse;
import io.keywarden.kms.api.KeyListEntry;
import io.keywarden.kms.api.KeyMetadata;
import io.keywarden.kms.api.KeyState;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.ListAliasesRequest;
import io.keywarden.kms.api.ListAliasesResponse;
import io.keywarden.kms.api.ListCertificateEntriesRequest;
import io.keywarden.kms.api.ListCertificateEntriesResponse;
import io.keywarden.kms.api.ListKeysRequest;
import io.keywarden.kms.api.ListKeysResponse;
import io.keywarden.kms.api.errors.KmsUnsupportedOperationException;
import io.keywarden.kms.api.errors.NotFoundException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * How the key store's entries map onto the backend. A key entry is a key that is not pending
 * deletion, named by its KMS alias without the {@code alias/} prefix ({@code alias/web} → {@code web})
 * or, for a key without an alias, by its key id; its chain is the certificate entry of the same
 * name whose key id is the key's. A trusted-certificate entry is a certificate entry without a key.
 * Every call reads the backend: nothing is cached, so changes by other processes show at once.
 */
final class BackendEntries {

    /** Key store aliases that can also be KMS alias names (after {@code alias/}). */
    private static final Pattern KMS_ALIAS = Pattern.compile("[a-zA-Z0-9:/_-]{1,250}");
    private static final Pattern KEY_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final KmsBackend kms;

    BackendEntries(KmsBackend kms) {
        this.kms = kms;
    }

    KmsBackend kms() {
        return kms;
    }

    static boolean isKmsAliasName(String alias) {
        return alias != null && KMS_ALIAS.matcher(alias).matches() && !alias.startsWith("aws/");
    }

    static String kmsAlias(String alias) {
        return "alias/" + alias;
    }

    /** The metadata of the key entry named {@code alias}; empty when it is no key entry. */
    Optional<KeyMetadata> key(String alias) {
        if (alias == null) {
            return Optional.empty();
        }
        String identifier = isKmsAliasName(alias) ? kmsAlias(alias) : null;
        Optional<KeyMetadata> m = identifier == null ? Optional.empty() : describe(identifier);
        if (m.isEmpty() && KEY_ID.matcher(alias).matches()) {
            m = describe(alias);
        }
        return m.filter(BackendEntries::usable);
    }

    /** The key a KMS alias points at, whatever its state; empty if the alias does not exist. */
    Optional<KeyMetadata> aliasTarget(String alias) {
        return isKmsAliasName(alias) ? describe(kmsAlias(alias)) : Optional.empty();
    }

    Optional<KeyMetadata> describe(String identifier) {
        try {
            return Optional.of(kms.describeKey(DescribeKeyRequest.builder().keyId(identifier).build()).keyMetadata());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static boolean usable(KeyMetadata m) {
        return m.keyState() != KeyState.PendingDeletion;
    }

    /**
     * The certificate entry {@code name}, if any. A backend without the certificate-entry extension
     * (AWS KMS, a Keywarden server through the remote backend) has none: its key entries still work.
     */
    Optional<GetCertificateEntryResponse> certificateEntry(String name) {
        try {
            return Optional.of(kms.getCertificateEntry(GetCertificateEntryRequest.builder().entryName(name).build()));
        } catch (NotFoundException | KmsUnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** The chain stored for the key entry {@code alias} of key {@code keyId}, if any. */
    Optional<List<byte[]>> chainOf(String alias, String keyId) {
        return certificateEntry(alias).filter(e -> keyId.equals(e.keyId()))
                .map(GetCertificateEntryResponse::certificateChain);
    }

    /** The trusted-certificate entry named {@code alias}, if any. */
    Optional<GetCertificateEntryResponse> trusted(String alias) {
        return alias == null ? Optional.empty() : certificateEntry(alias).filter(e -> e.keyId() == null);
    }

    /** Every entry name in order: aliased keys, unaliased keys by id, trusted certificates. */
    Set<String> aliases() {
        Set<String> out = new TreeSet<>();
        Set<String> aliased = new HashSet<>();
        for (AliasListEntry a : allAliases()) {
            String name = a.aliasName().substring("alias/".length());
            if (a.targetKeyId() == null || !isKmsAliasName(name)) {
                continue;
            }
            aliased.add(a.targetKeyId());
            if (describe(a.targetKeyId()).filter(BackendEntries::usable).isPresent()) {
                out.add(name);
            }
        }
        for (KeyListEntry k : allKeys()) {
            if (!aliased.contains(k.keyId()) && describe(k.keyId()).filter(BackendEntries::usable).isPresent()) {
                out.add(k.keyId());
            }
        }
        for (String name : allCertificateEntries()) {
            if (trusted(name).isPresent()) {
                out.add(name);
            }
        }
        return out;
    }

    /** Every certificate entry's name; none on a backend without the extension. */
    List<String> allCertificateEntries() {
        List<String> out = new ArrayList<>();
        String marker = null;
        do {
            ListCertificateEntriesResponse page;
            try {
                page = kms.listCertificateEntries(ListCertificateEntriesRequest.builder().limit(1000).marker(marker)
                        .build());
            } catch (KmsUnsupportedOperationException noExtension) {
                return out;
            }
            out.addAll(page.entryNames());
            marker = page.truncated() ? page.nextMarker() : null;
        } while (marker != null);
        return out;
    }

    private List<AliasListEntry> allAliases() {
        List<AliasListEntry> out = new ArrayList<>();
        String marker = null;
        do {
            ListAliasesResponse page = kms.listAliases(ListAliasesRequest.builder().limit(1000).marker(marker).build());
            out.addAll(page.aliases());
            marker = page.truncated() ? page.nextMarker() : null;
        } while (marker != null);
        return out;
    }

    private List<KeyListEntry> allKeys() {
        List<KeyListEntry> out = new ArrayList<>();
        String marker = null;
        do {
            ListKeysResponse page = kms.listKeys(ListKeysRequest.builder().limit(1000).marker(marker).build());
            out.addAll(page.keys());
            marker = page.truncated() ? page.nextMarker() : null;
        } while (marker != null);
        return out;
    }
}
