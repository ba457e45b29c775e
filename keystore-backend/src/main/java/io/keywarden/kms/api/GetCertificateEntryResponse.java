package io.keywarden.kms.api;

import java.time.Instant;
import java.util.List;

/**
 * The response of GetCertificateEntry (a Keywarden extension beyond AWS KMS): the chain (DER X.509,
 * the key's certificate first), the key id it belongs to (null for a trusted-certificate entry) and
 * when the entry was written.
 */
public record GetCertificateEntryResponse(
        String entryName,
        String keyId,
        List<byte[]> certificateChain,
        Instant creationDate) {
}
