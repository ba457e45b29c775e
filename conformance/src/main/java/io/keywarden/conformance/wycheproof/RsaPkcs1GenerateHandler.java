package io.keywarden.conformance.wycheproof;

import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.conformance.ManagedKeys;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.provider.KmsPrivateKey;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Set;

/**
 * rsassa_pkcs1_generate_schema_v1: the group's private key is imported into an RSA SIGN_VERIFY key;
 * {@code SHA*withRSA} on the handle signs in the backend and the signature must equal the vector byte
 * for byte (PKCS#1 v1.5 is deterministic). SHA-1 and SHA-224 go through the KeywardenRsaParameters
 * extension ({@code SHA1withRSA}, {@code SHA224withRSA} on handles). The signature is then verified in the backend (the public
 * handle) and locally by the JDK with the public key.
 */
public final class RsaPkcs1GenerateHandler implements SchemaHandler {

    private final ManagedKeys keys;

    /** A handler importing into {@code keys}. */
    public RsaPkcs1GenerateHandler(ManagedKeys keys) {
        this.keys = keys;
    }

    @Override
    public Set<String> schemas() {
        return Set.of("rsassa_pkcs1_generate_schema_v1");
    }

    @Override
    public void run(VectorFile file, CaseRecorder rec) throws Exception {
        for (JsonNode group : file.groups()) {
            String sha = group.path("sha").asText();
            KeySpec spec = Specs.rsa(group.path("keySize").asInt());
            PrivateKey priv = VectorKeys.rsaPrivateKey(group);
            RSAPrivateCrtKey crt = (RSAPrivateCrtKey) priv;
            NotApplicable na = spec == null ? NotApplicable.RSA_KEY_SIZE
                    : !Specs.rsaHash(sha) ? NotApplicable.HASH
                    : !crt.getPublicExponent().testBit(0) ? NotApplicable.RSA_KEY_FORM : null;
            String algorithm = Specs.jcaDigest(sha) + "withRSA";
            PublicKey pub = KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            for (TestCase tc : VectorFile.tests(group)) {
                if (na != null) {
                    rec.notApplicable(tc, na);
                    continue;
                }
                byte[] msg = tc.hex("msg");
                byte[] sig = tc.hex("sig");
                String sign = Judge.output(tc, sig, () -> {
                    KmsPrivateKey handle = (KmsPrivateKey) keys.importKey(spec, KeyUsage.SIGN_VERIFY, priv.getEncoded());
                    Signature s = Signature.getInstance(algorithm);
                    s.initSign(handle);
                    Served.byKeywarden(s.getProvider());
                    s.update(msg);
                    return s.sign();
                });
                String backendVerify = Judge.verify(tc, () -> {
                    KmsPrivateKey handle = (KmsPrivateKey) keys.importKey(spec, KeyUsage.SIGN_VERIFY, priv.getEncoded());
                    Signature s = Signature.getInstance(algorithm);
                    s.initVerify(handle.publicHandle());
                    Served.byKeywarden(s.getProvider());
                    s.update(msg);
                    return s.verify(sig);
                });
                String localVerify = Judge.verify(tc, () -> {
                    Signature s = Signature.getInstance(algorithm);
                    s.initVerify(pub);
                    Served.notByKeywarden(s.getProvider());
                    s.update(msg);
                    return s.verify(sig);
                });
                rec.record(tc, Judge.paths("sign", sign, "backend verify", backendVerify));
                rec.localDeviation(tc, localVerify);
            }
        }
    }
}
