package io.keywarden.kms.engine;

import io.keywarden.kms.api.DeleteCertificateEntryRequest;
import io.keywarden.kms.api.GetCertificateEntryRequest;
import io.keywarden.kms.api.GetCertificateEntryResponse;
import io.keywarden.kms.api.ListCertificateEntriesRequest;
import io.keywarden.kms.api.ListCertificateEntriesResponse;
import io.keywarden.kms.api.PutCertificateEntryRequest;
import io.keywarden.kms.api.errors.NotFoundException;
import io.keywarden.kms.api.errors.ValidationException;
import io.keywarden.kms.store.CertificateEntryRecord;
import io.keywarden.kms.store.KeyRecord;
import io.keywarden.kms.store.MaterialRecord;
import io.keywarden.kms.store.StoreTransaction;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Certificate entries, a Keywarden extension beyond AWS KMS that lets the JCA key store keep
 * certificate chains in the backend beside their keys. An entry name is 1–256 characters; a chain
 * holds 1–{@value #MAX_CERTIFICATES} DER X.509 certificates, {@value #MAX_CHAIN_BYTES} bytes at most.
 * The first certificate of a key entry must certify the key's public key (GetPublicKey), so only
 * asymmetric keys whose state allows GetPublicKey take entries. Deleting a key deletes its entries.
 */
final class CertificateOperations {

    static final int MAX_CERTIFICATES = 10;
    static final int MAX_CHAIN_BYTES = 64 * 1024;

    private final EngineContext ctx;

    CertificateOperations(EngineContext ctx) {
        this.ctx = ctx;
    }

    void putCertificateEntry(PutCertificateEntryRequest request) {
        String name = checkName(request.entryName());
        List<byte[]> chain = checkChain(request.certificateChain());
        Instant now = ctx.now().truncatedTo(ChronoUnit.MILLIS);
        if (request.keyId() == null) {
            ctx.store.write(tx -> {
                tx.putCertificateEntry(new CertificateEntryRecord(name, null, chain, now));
                return null;
            });
            return;
        }
        ctx.writeKey(Operation.GET_PUBLIC_KEY, request.keyId(), (tx, key) -> {
            checkCertifies(tx, key, chain.get(0));
            tx.putCertificateEntry(new CertificateEntryRecord(name, key.keyId(), chain, now));
            return null;
        });
    }

    GetCertificateEntryResponse getCertificateEntry(GetCertificateEntryRequest request) {
        String name = checkName(request.entryName());
        CertificateEntryRecord e = ctx.store.read(tx -> tx.findCertificateEntry(name))
                .orElseThrow(() -> notFound(name));
        return new GetCertificateEntryResponse(e.entryName(), e.keyId(), e.certificateChain(), e.creationDate());
    }

    ListCertificateEntriesResponse listCertificateEntries(ListCertificateEntriesRequest request) {
        int limit = Paging.limit(request.limit());
        String after = Paging.after(request.marker());
        List<String> fetched = ctx.store.read(tx -> tx.listCertificateEntries(after, limit + 1)).stream()
                .map(CertificateEntryRecord::entryName)
                .toList();
        Paging.Page<String> page = Paging.page(fetched, limit, n -> n);
        return new ListCertificateEntriesResponse(page.items(), page.nextMarker(), page.truncated());
    }

    void deleteCertificateEntry(DeleteCertificateEntryRequest request) {
        String name = checkName(request.entryName());
        ctx.store.write(tx -> {
            if (tx.findCertificateEntry(name).isEmpty()) {
                throw notFound(name);
            }
            tx.deleteCertificateEntry(name);
            return null;
        });
    }

    private static String checkName(String entryName) {
        Validate.required(entryName, "entryName");
        return Validate.length(entryName, "entryName", 1, 256);
    }

    /** The chain's DER copies, each parsed as X.509. */
    private static List<byte[]> checkChain(List<byte[]> chain) {
        Validate.required(chain, "certificateChain");
        if (chain.isEmpty() || chain.size() > MAX_CERTIFICATES) {
            throw new ValidationException("certificateChain must hold 1 to " + MAX_CERTIFICATES
                    + " certificates, not " + chain.size() + ".");
        }
        long total = 0;
        for (int i = 0; i < chain.size(); i++) {
            byte[] der = chain.get(i);
            if (der == null || der.length == 0) {
                throw new ValidationException("certificateChain[" + i + "] is empty.");
            }
            total += der.length;
        }
        if (total > MAX_CHAIN_BYTES) {
            throw new ValidationException("certificateChain is longer than " + MAX_CHAIN_BYTES + " bytes.");
        }
        List<byte[]> copies = new ArrayList<>(chain.size());
        for (int i = 0; i < chain.size(); i++) {
            parse(chain.get(i), i);
            copies.add(chain.get(i).clone());
        }
        return copies;
    }

    private static X509Certificate parse(byte[] der, int index) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw new ValidationException("certificateChain[" + index + "] is not a DER X.509 certificate.");
        }
    }

    private static void checkCertifies(StoreTransaction tx, KeyRecord key, byte[] first) {
        MaterialRecord m = tx.findMaterial(key.keyId(), key.currentVersion()).orElse(null);
        if (m != null) {
            Arrays.fill(m.secret(), (byte) 0);
        }
        if (m == null || m.publicKey() == null) {
            throw new ValidationException(key.arn() + " is not an asymmetric key with a public key: "
                    + "only asymmetric keys take certificate chains.");
        }
        byte[] certified = parse(first, 0).getPublicKey().getEncoded();
        if (!Arrays.equals(certified, m.publicKey())) {
            throw new ValidationException("The first certificate of the chain does not certify the public key of "
                    + key.arn() + ".");
        }
    }

    private NotFoundException notFound(String name) {
        return new NotFoundException("Certificate entry " + name + " is not found.");
    }
}
