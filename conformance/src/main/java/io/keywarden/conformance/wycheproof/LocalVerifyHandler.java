package io.keywarden.conformance.wycheproof;

import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.conformance.ManagedKeys;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.provider.KmsPublicKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.AlgorithmParameterSpec;

/**
 * The verify-only schemas, whose vectors carry a public key and no private key. With Keywarden's
 * verify-only extension, the vector's public key is imported (a DER SubjectPublicKeyInfo, through
 * ImportKeyMaterial) into an EXTERNAL SIGN_VERIFY key, and each case is verified twice: in the
 * backend, through a plain {@code Signature.getInstance} on the key's public handle
 * ({@link KmsPublicKey}; delayed provider selection must pick Keywarden), which decides pass/fail;
 * and locally with the plain public key (the JDK's provider, or Bouncy Castle for curves the JDK
 * lacks), whose disagreements with the vector are reported as local-reference deviations. A group
 * whose parameters no managed key supports (curve, hash, PSS parameters, RSA size) and an Ed25519
 * message outside 1..4096 bytes are not applicable, with the reason; they are still verified locally.
 */
abstract class LocalVerifyHandler implements SchemaHandler {

    /** How one group verifies locally: the key, the JCA algorithm and parameters, the provider (null: any). */
    record Verification(PublicKey key, String algorithm, AlgorithmParameterSpec params, java.security.Provider provider) {
    }

    /**
     * How one group verifies on a managed key: the key spec, the rsaEncryption/named-curve/Ed25519
     * SubjectPublicKeyInfo to import, the JCA algorithm and its parameters (null: fixed by the name);
     * or why it cannot.
     */
    record Managed(KeySpec spec, byte[] publicKeyDer, String algorithm, AlgorithmParameterSpec params,
            NotApplicable reason) {

        static Managed of(KeySpec spec, byte[] publicKeyDer, String algorithm) {
            return new Managed(spec, publicKeyDer, algorithm, null, null);
        }

        static Managed of(KeySpec spec, byte[] publicKeyDer, String algorithm, AlgorithmParameterSpec params) {
            return new Managed(spec, publicKeyDer, algorithm, params, null);
        }

        static Managed notApplicable(NotApplicable reason) {
            return new Managed(null, null, null, null, reason);
        }
    }

    private final ManagedKeys keys;

    LocalVerifyHandler(ManagedKeys keys) {
        this.keys = keys;
    }

    /** The local verification set-up of a group (well-formed by Wycheproof's rules). */
    abstract Verification verification(VectorFile file, JsonNode group) throws Exception;

    /** The managed-key set-up of a group. */
    abstract Managed managed(VectorFile file, JsonNode group, Verification local) throws Exception;

    /** A per-case reason the managed key cannot verify (the default: none). */
    NotApplicable caseReason(TestCase tc) {
        return null;
    }

    @Override
    public final void run(VectorFile file, CaseRecorder rec) throws Exception {
        for (JsonNode group : file.groups()) {
            Verification v = verification(file, group);
            Managed m = managed(file, group, v);
            for (TestCase tc : VectorFile.tests(group)) {
                byte[] msg = tc.hex("msg");
                byte[] sig = tc.hex("sig");
                String local = Judge.verify(tc, () -> {
                    Signature s = v.provider() == null ? Signature.getInstance(v.algorithm())
                            : Signature.getInstance(v.algorithm(), v.provider());
                    s.initVerify(v.key());
                    if (v.params() != null) {
                        s.setParameter(v.params());
                    }
                    Served.notByKeywarden(s.getProvider());
                    s.update(msg);
                    return s.verify(sig);
                });
                NotApplicable reason = m.reason() != null ? m.reason() : caseReason(tc);
                if (reason != null) {
                    rec.notApplicable(tc, reason);
                } else {
                    rec.record(tc, Judge.verify(tc, () -> {
                        KmsPublicKey handle = keys.importPublicKey(m.spec(), m.publicKeyDer());
                        Signature s = Signature.getInstance(m.algorithm());
                        s.initVerify(handle);
                        Served.byKeywarden(s.getProvider());
                        if (m.params() != null) {
                            s.setParameter(m.params());
                        }
                        s.update(msg);
                        return s.verify(sig);
                    }));
                }
                rec.localDeviation(tc, local);
            }
        }
    }
}
