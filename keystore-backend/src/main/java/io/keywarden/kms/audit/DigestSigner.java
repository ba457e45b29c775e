package io.keywarden.kms.audit;

import io.keywarden.kms.crypto.LocalCrypto;
import io.keywarden.kms.store.AuditTable;
import io.keywarden.kms.store.StoreTransaction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Signs digests of the audit chain with the deployment's Ed25519 key. The key pair is made by the
 * JDK's provider on the first digest; digests are signed by {@link LocalCrypto} (ACCP's Ed25519 takes
 * about 10 µs, SunEC's 0.5–1 ms on the single audit writer thread; Ed25519 is deterministic, so the
 * signature is the same either way); its private key is sealed in the store under the root key and
 * opened once per engine. A digest is the canonical JSON
 * {@code {"digestTime", "headHash", "previousDigestSeq", "previousSignatureHash", "seq", "signingKeyId", "version"}}
 * over the chain head at {@code seq}; digests chain to their predecessor by the SHA-256 of its signature.
 */
final class DigestSigner {

    static final String VERSION = "keywarden-audit-digest/1";
    static final String ALGORITHM = "Ed25519";

    private final Clock clock;
    private volatile PrivateKey privateKey;
    private volatile String keyId;

    DigestSigner(Clock clock) {
        this.clock = clock;
    }

    /** Writes a digest over the chain head in {@code tx} unless the newest digest already covers it. */
    void seal(StoreTransaction tx) {
        AuditTable t = tx.audit();
        AuditTable.EventRow head = t.head().orElse(null);
        if (head == null) {
            return;
        }
        AuditTable.DigestRow last = t.lastDigest().orElse(null);
        if (last != null && last.seq() >= head.seq()) {
            return;
        }
        PrivateKey key = key(tx);
        TreeMap<String, Object> d = new TreeMap<>();
        d.put("version", VERSION);
        d.put("seq", head.seq());
        d.put("headHash", HexFormat.of().formatHex(head.hash()));
        d.put("previousDigestSeq", last == null ? 0 : last.seq());
        d.put("previousSignatureHash", last == null ? null
                : HexFormat.of().formatHex(AuditChain.hash(AuditChain.GENESIS, Base64.getEncoder().encodeToString(last.signature()))));
        d.put("signingKeyId", keyId);
        d.put("digestTime", clock.instant().toString());
        String json = CanonicalJson.write(d);
        t.putDigest(new AuditTable.DigestRow(head.seq(), json, sign(key, json)));
    }

    private PrivateKey key(StoreTransaction tx) {
        PrivateKey k = privateKey;
        if (k != null) {
            return k;
        }
        synchronized (this) {
            AuditTable t = tx.audit();
            AuditTable.SigningKey stored = t.signingKey().orElse(null);
            try {
                if (stored == null) {
                    KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
                    byte[] pkcs8 = pair.getPrivate().getEncoded();
                    String id = UUID.randomUUID().toString();
                    t.putSigningKey(new AuditTable.SigningKey(id, pair.getPublic().getEncoded(), pkcs8), clock.instant());
                    Arrays.fill(pkcs8, (byte) 0);
                    // not cached yet: the transaction that stores it may still roll back
                    keyId = id;
                    return pair.getPrivate();
                }
                byte[] pkcs8 = stored.privateKey();
                try {
                    k = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
                } finally {
                    Arrays.fill(pkcs8, (byte) 0);
                }
                keyId = stored.keyId();
                privateKey = k;
                return k;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Ed25519 is unavailable or the audit signing key is malformed", e);
            }
        }
    }

    private static byte[] sign(PrivateKey key, String json) {
        try {
            Signature s = LocalCrypto.signature(ALGORITHM);
            s.initSign(key);
            s.update(json.getBytes(StandardCharsets.UTF_8));
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Whether {@code signature} is {@code publicKey}'s Ed25519 signature of {@code digestJson}. */
    static boolean verify(PublicKey publicKey, String digestJson, byte[] signature) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(publicKey);
            s.update(digestJson.getBytes(StandardCharsets.UTF_8));
            return s.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** Decodes an X.509 (SubjectPublicKeyInfo) Ed25519 public key. */
    static PublicKey publicKey(byte[] x509) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }
}
