package io.keywarden.kms.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code chain} column of {@code certificate_entries}: the certificates in order, each in the
 * {@link Canonical} encoding of a byte string (tag 3, 4-byte big-endian length, the DER bytes).
 */
final class CertificateChains {

    private CertificateChains() {
    }

    static byte[] encode(List<byte[]> chain) {
        return Canonical.encode(chain.toArray());
    }

    /** @throws IllegalArgumentException if the blob is not a well-formed chain */
    static List<byte[]> decode(byte[] blob) {
        ByteBuffer in = ByteBuffer.wrap(blob);
        List<byte[]> out = new ArrayList<>();
        while (in.hasRemaining()) {
            if (in.remaining() < 5 || in.get() != 3) {
                throw new IllegalArgumentException("malformed chain");
            }
            int length = in.getInt();
            if (length < 0 || length > in.remaining()) {
                throw new IllegalArgumentException("malformed chain");
            }
            byte[] der = new byte[length];
            in.get(der);
            out.add(der);
        }
        return out;
    }
}
