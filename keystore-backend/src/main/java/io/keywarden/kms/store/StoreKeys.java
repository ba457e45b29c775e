package io.keywarden.kms.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * The keys a store derives from its root key with HKDF-SHA256 (salt: the store id; info: a label):
 * {@value #SEAL_LABEL} for sealing secrets, {@value #MAC_LABEL} for row MACs and
 * {@value #VERIFIER_LABEL} for the verifier that recognizes the right root key. The root key itself
 * is zeroed as soon as these are derived; {@link #destroy()} zeroes the derived keys.
 */
final class StoreKeys {

    static final String SEAL_LABEL = "keywarden/v1/seal";
    static final String MAC_LABEL = "keywarden/v1/row-mac";
    static final String VERIFIER_LABEL = "keywarden/v1/verifier";

    final Sealer sealer;
    final RowMac rowMac;
    private final byte[] verifierKey;

    /** Derives the keys and zeroes {@code rootKey}. */
    StoreKeys(byte[] rootKey, byte[] storeId) {
        try {
            this.sealer = new Sealer(hkdf(rootKey, storeId, SEAL_LABEL));
            this.rowMac = new RowMac(hkdf(rootKey, storeId, MAC_LABEL));
            this.verifierKey = hkdf(rootKey, storeId, VERIFIER_LABEL);
        } finally {
            Arrays.fill(rootKey, (byte) 0);
        }
    }

    private static byte[] hkdf(byte[] ikm, byte[] salt, String label) {
        HKDFBytesGenerator gen = new HKDFBytesGenerator(new SHA256Digest());
        gen.init(new HKDFParameters(ikm, salt, label.getBytes(StandardCharsets.UTF_8)));
        byte[] out = new byte[32];
        gen.generateBytes(out, 0, out.length);
        return out;
    }

    /** HMAC-SHA256 under the verifier key over the canonical encoding of the store's metadata. */
    byte[] verifier(Object... metadata) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(verifierKey, "HmacSHA256"));
            return mac.doFinal(Canonical.encode(metadata));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    boolean verifierMatches(byte[] stored, Object... metadata) {
        return stored != null && MessageDigest.isEqual(stored, verifier(metadata));
    }

    void destroy() {
        sealer.destroy();
        rowMac.destroy();
        Arrays.fill(verifierKey, (byte) 0);
    }
}
