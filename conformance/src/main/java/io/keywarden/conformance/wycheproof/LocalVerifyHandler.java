package io.keywarden.conformance.wycheproof;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.AlgorithmParameterSpec;

/**
 * The verify-only schemas, whose vectors carry a public key and no private key. AWS KMS cannot hold a
 * public key on its own, so no managed key can verify them: each case verifies locally with the
 * public key through a plain {@code Signature.getInstance} (delayed provider selection, with
 * Keywarden installed, must pass the key on to the JDK's provider) and is counted as
 * {@link NotApplicable#PUBLIC_KEY_ONLY}; a local verdict that disagrees with the vector is reported as a
 * deviation of the local reference provider.
 */
abstract class LocalVerifyHandler implements SchemaHandler {

    /** How one group verifies: the key, the JCA algorithm and parameters. */
    record Verification(PublicKey key, String algorithm, AlgorithmParameterSpec params, java.security.Provider provider) {
    }

    /** The verification set-up of a group (well-formed by Wycheproof's rules). */
    abstract Verification verification(VectorFile file, JsonNode group) throws Exception;

    @Override
    public final void run(VectorFile file, CaseRecorder rec) throws Exception {
        for (JsonNode group : file.groups()) {
            Verification v = verification(file, group);
            for (TestCase tc : VectorFile.tests(group)) {
                String local = Judge.verify(tc, () -> {
                    Signature s = v.provider() == null ? Signature.getInstance(v.algorithm())
                            : Signature.getInstance(v.algorithm(), v.provider());
                    s.initVerify(v.key());
                    if (v.params() != null) {
                        s.setParameter(v.params());
                    }
                    Served.notByKeywarden(s.getProvider());
                    s.update(tc.hex("msg"));
                    return s.verify(tc.hex("sig"));
                });
                rec.notApplicable(tc, NotApplicable.PUBLIC_KEY_ONLY);
                rec.localDeviation(tc, local);
            }
        }
    }
}
