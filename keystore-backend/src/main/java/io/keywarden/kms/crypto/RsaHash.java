package io.keywarden.kms.crypto;

import io.keywarden.kms.api.errors.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.X509ObjectIdentifiers;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.util.DigestFactory;

/**
 * A hash RSA signatures and OAEP can use: its JCA name, length, DigestInfo OID (PKCS#1 v1.5) and
 * Bouncy Castle digest (the raw PSS signer); looked up by JCA name in one table.
 */
record RsaHash(String name, int length, ASN1ObjectIdentifier oid, Supplier<Digest> digest) {

    private static final Map<String, RsaHash> BY_NAME = table(
            new RsaHash("SHA-1", 20, X509ObjectIdentifiers.id_SHA1, DigestFactory::createSHA1),
            new RsaHash("SHA-224", 28, NISTObjectIdentifiers.id_sha224, DigestFactory::createSHA224),
            new RsaHash("SHA-256", 32, NISTObjectIdentifiers.id_sha256, DigestFactory::createSHA256),
            new RsaHash("SHA-384", 48, NISTObjectIdentifiers.id_sha384, DigestFactory::createSHA384),
            new RsaHash("SHA-512", 64, NISTObjectIdentifiers.id_sha512, DigestFactory::createSHA512),
            new RsaHash("SHA-512/224", 28, NISTObjectIdentifiers.id_sha512_224, DigestFactory::createSHA512_224),
            new RsaHash("SHA-512/256", 32, NISTObjectIdentifiers.id_sha512_256, DigestFactory::createSHA512_256),
            new RsaHash("SHA3-224", 28, NISTObjectIdentifiers.id_sha3_224, DigestFactory::createSHA3_224),
            new RsaHash("SHA3-256", 32, NISTObjectIdentifiers.id_sha3_256, DigestFactory::createSHA3_256),
            new RsaHash("SHA3-384", 48, NISTObjectIdentifiers.id_sha3_384, DigestFactory::createSHA3_384),
            new RsaHash("SHA3-512", 64, NISTObjectIdentifiers.id_sha3_512, DigestFactory::createSHA3_512));

    private static Map<String, RsaHash> table(RsaHash... hashes) {
        Map<String, RsaHash> m = new LinkedHashMap<>();
        for (RsaHash h : hashes) {
            m.put(h.name(), h);
        }
        return Map.copyOf(m);
    }

    /** The hash of a JCA name (exact spelling, as listed in {@link io.keywarden.kms.api.RsaParameters}). */
    static RsaHash named(String member, String name) {
        RsaHash h = name == null ? null : BY_NAME.get(name);
        if (h == null) {
            throw new ValidationException("KeywardenRsaParameters." + member + " " + (name == null ? "is missing"
                    : "'" + name + "' is not a supported hash") + "; use one of SHA-1, SHA-224, SHA-256, SHA-384, "
                    + "SHA-512, SHA-512/224, SHA-512/256, SHA3-224, SHA3-256, SHA3-384, SHA3-512.");
        }
        return h;
    }
}
