package io.keywarden.kms.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * <b>Keywarden extension</b> (not in AWS KMS): RSA padding parameters other than the ones an AWS KMS
 * algorithm fixes, as the optional {@code KeywardenRsaParameters} member of Sign, Verify, Encrypt and
 * Decrypt. The request's algorithm still names the padding family (RSASSA_PSS_*,
 * RSASSA_PKCS1_V1_5_* or RSAES_OAEP_*) and is what key policies see; these parameters replace the
 * hash, MGF1 hash, salt length and label that the algorithm would otherwise imply. A member left null
 * keeps its default: the hash of the algorithm, MGF1 with the (given) hash, a salt as long as the
 * hash, the empty label.
 *
 * <p>Hashes by their JCA names: SHA-1, SHA-224, SHA-256, SHA-384, SHA-512, SHA-512/224,
 * SHA-512/256, SHA3-224, SHA3-256, SHA3-384, SHA3-512.
 *
 * @param hash the message hash (PSS, PKCS#1 v1.5) or OAEP's label hash
 * @param mgfHash the hash of MGF1 (PSS and OAEP only)
 * @param saltLength the PSS salt length in bytes (PSS only)
 * @param label the OAEP label (OAEP only; not secret, yet shown by length only)
 */
public record RsaParameters(String hash, String mgfHash, Integer saltLength, byte[] label) {

    /** RSASSA-PSS with the given hash, MGF1 hash and salt length. */
    public static RsaParameters pss(String hash, String mgfHash, int saltLength) {
        return new RsaParameters(hash, mgfHash, saltLength, null);
    }

    /** RSASSA-PKCS1-v1_5 with the given hash. */
    public static RsaParameters pkcs1(String hash) {
        return new RsaParameters(hash, null, null, null);
    }

    /** RSAES-OAEP with the given hash, MGF1 hash and label (null: empty). */
    public static RsaParameters oaep(String hash, String mgfHash, byte[] label) {
        return new RsaParameters(hash, mgfHash, null, label);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RsaParameters p && Objects.equals(hash, p.hash) && Objects.equals(mgfHash, p.mgfHash)
                && Objects.equals(saltLength, p.saltLength) && Arrays.equals(label, p.label);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hash, mgfHash, saltLength) * 31 + Arrays.hashCode(label);
    }

    /** The label is shown by length only, as every byte array of the API. */
    @Override
    public String toString() {
        return "RsaParameters[hash=" + hash + ", mgfHash=" + mgfHash + ", saltLength=" + saltLength + ", label="
                + (label == null ? "null" : "<" + label.length + " bytes>") + "]";
    }
}
