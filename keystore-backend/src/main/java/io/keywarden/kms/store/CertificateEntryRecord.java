package io.keywarden.kms.store;

import java.util.List;
import java.time.Instant;

/**
 * A certificate chain (DER X.509, the key's certificate first) stored under an entry name, beside a
 * key or, with a null {@code keyId}, as a trusted-certificate entry.
 */
public record CertificateEntryRecord(String entryName, String keyId, List<byte[]> certificateChain,
        Instant creationDate) {

    public CertificateEntryRecord {
        certificateChain = List.copyOf(certificateChain);
    }
}
