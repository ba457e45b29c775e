package io.keywarden.kms.cli;

import io.keywarden.kms.api.DeleteCertificateEntryRequest;
import io.keywarden.kms.api.GetCertificateEntryRequest;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.ListCertificateEntriesRequest;
import io.keywarden.kms.api.PutCertificateEntryRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Certificate entries: a Keywarden extension (not AWS KMS) behind the JCA's KMS key store. */
final class CertificateCommands {

    private CertificateCommands() {
    }

    @Command(name = "put-certificate-entry", description = "Keywarden extension: stores a certificate chain "
            + "beside an asymmetric key, or as a trusted certificate (no --key-id).")
    static final class PutCertificateEntry extends KmsOperation {
        @Option(names = "--entry-name", required = true, paramLabel = "NAME", description = "The entry name.")
        String entryName;

        @Option(names = "--key-id", paramLabel = "KEY", description = "Key id, ARN or alias of the key.")
        String keyId;

        @Option(names = "--certificate-chain", required = true, arity = "1..*", paramLabel = "FILE",
                description = "Files of PEM or DER X.509 certificates, the key's certificate first.")
        List<Path> files;

        @Override
        protected Object invoke(KmsBackend kms) {
            kms.putCertificateEntry(PutCertificateEntryRequest.builder().entryName(entryName).keyId(keyId)
                    .certificateChain(read(files)).build());
            return null;
        }

        private static List<byte[]> read(List<Path> files) {
            List<byte[]> chain = new ArrayList<>();
            try {
                CertificateFactory cf = CertificateFactory.getInstance("X.509");
                for (Path f : files) {
                    try (InputStream in = Files.newInputStream(f)) {
                        for (Certificate c : cf.generateCertificates(in)) {
                            chain.add(c.getEncoded());
                        }
                    }
                }
            } catch (IOException | CertificateException e) {
                throw new CliException.Failed("cannot read the certificates: " + e.getMessage(), e);
            }
            return chain;
        }
    }

    @Command(name = "get-certificate-entry", description = "Keywarden extension: shows a certificate entry.")
    static final class GetCertificateEntry extends KmsOperation {
        @Option(names = "--entry-name", required = true, paramLabel = "NAME", description = "The entry name.")
        String entryName;

        @Override
        protected Object invoke(KmsBackend kms) {
            return kms.getCertificateEntry(GetCertificateEntryRequest.builder().entryName(entryName).build());
        }
    }

    @Command(name = "list-certificate-entries", description = "Keywarden extension: lists certificate entries.")
    static final class ListCertificateEntries extends KmsOperation {
        @Option(names = "--limit", paramLabel = "N", description = "At most N entries (1-1000, default 100).")
        Integer limit;

        @Option(names = "--marker", paramLabel = "MARKER", description = "NextMarker of the previous page.")
        String marker;

        @Override
        protected Object invoke(KmsBackend kms) {
            return kms.listCertificateEntries(ListCertificateEntriesRequest.builder().limit(limit).marker(marker)
                    .build());
        }
    }

    @Command(name = "delete-certificate-entry", description = "Keywarden extension: deletes a certificate entry "
            + "(not its key).")
    static final class DeleteCertificateEntry extends KmsOperation {
        @Option(names = "--entry-name", required = true, paramLabel = "NAME", description = "The entry name.")
        String entryName;

        @Override
        protected Object invoke(KmsBackend kms) {
            kms.deleteCertificateEntry(DeleteCertificateEntryRequest.builder().entryName(entryName).build());
            return null;
        }
    }
}
