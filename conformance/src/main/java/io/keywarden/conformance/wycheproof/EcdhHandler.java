package io.keywarden.conformance.wycheproof;

import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.conformance.ManagedKeys;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.provider.KmsKey;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Set;
import javax.crypto.KeyAgreement;

/**
 * ecdh_test_schema_v1 (peer key as X.509 SubjectPublicKeyInfo) and ecdh_ecpoint_test_schema_v1 (raw
 * SEC1 point): each test's private key is imported into an EC KEY_AGREEMENT key (once per distinct
 * key) and {@code KeyAgreement.getInstance("ECDH")} on the handle derives the secret in the backend
 * (DeriveSharedSecret); the JDK derives it with the same private key. A peer encoding that cannot
 * become a JCA public key at all is a rejection.
 */
public final class EcdhHandler implements SchemaHandler {

    private final ManagedKeys keys;

    /** A handler importing into {@code keys}. */
    public EcdhHandler(ManagedKeys keys) {
        this.keys = keys;
    }

    @Override
    public Set<String> schemas() {
        return Set.of("ecdh_test_schema_v1", "ecdh_ecpoint_test_schema_v1");
    }

    @Override
    public void run(VectorFile file, CaseRecorder rec) throws Exception {
        boolean point = file.schema().startsWith("ecdh_ecpoint");
        for (JsonNode group : file.groups()) {
            String curve = group.path("curve").asText();
            KeySpec spec = Specs.ecdhCurve(curve);
            for (TestCase tc : VectorFile.tests(group)) {
                if (spec == null) {
                    rec.notApplicable(tc, NotApplicable.CURVE);
                    continue;
                }
                BigInteger s = tc.bigInt("private");
                if (s.signum() <= 0 || s.compareTo(VectorKeys.curve(curve).getOrder()) >= 0) {
                    rec.notApplicable(tc, NotApplicable.EC_PRIVATE_KEY_RANGE);
                    continue;
                }
                PrivateKey priv = VectorKeys.ecPrivateKey(curve, s);
                byte[] pub = tc.hex("public");
                byte[] shared = tc.hex("shared");
                String backend = Judge.output(tc, shared, () -> {
                    KmsKey handle = keys.importKey(spec, KeyUsage.KEY_AGREEMENT, priv.getEncoded());
                    KeyAgreement ka = KeyAgreement.getInstance("ECDH");
                    ka.init(handle);
                    Served.byKeywarden(ka.getProvider());
                    ka.doPhase(peer(point, curve, pub), true);
                    return ka.generateSecret();
                });
                String jdk = Judge.output(tc, shared, () -> {
                    KeyAgreement ka = KeyAgreement.getInstance("ECDH");
                    ka.init(priv);
                    Served.notByKeywarden(ka.getProvider());
                    ka.doPhase(peer(point, curve, pub), true);
                    return ka.generateSecret();
                });
                rec.record(tc, backend);
                rec.localDeviation(tc, jdk);
            }
        }
    }

    private static PublicKey peer(boolean point, String curve, byte[] encoded) throws Exception {
        return point ? VectorKeys.ecPublicKeyFromPoint(curve, encoded) : VectorKeys.publicKey("EC", encoded);
    }
}
