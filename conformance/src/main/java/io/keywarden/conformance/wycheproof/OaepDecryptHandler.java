package io.keywarden.conformance.wycheproof;

import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.conformance.ManagedKeys;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.provider.KmsKey;
import java.security.PrivateKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.HashSet;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * rsaes_oaep_decrypt_schema_v1: the group's private key is imported into an RSA ENCRYPT_DECRYPT key
 * and {@code RSA/ECB/OAEPPadding} on the handle decrypts in the backend with the vector's
 * {@link OAEPParameterSpec} (hash, MGF1 hash, label; other than AWS KMS's two combinations through the
 * KeywardenRsaParameters extension); the JDK decrypts with the same private key (interoperability). Every InvalidOaepPadding ciphertext must be refused by the
 * backend path with the same exception class and message (no padding oracle through the error).
 */
public final class OaepDecryptHandler implements SchemaHandler {

    private final ManagedKeys keys;

    /** A handler importing into {@code keys}. */
    public OaepDecryptHandler(ManagedKeys keys) {
        this.keys = keys;
    }

    @Override
    public Set<String> schemas() {
        return Set.of("rsaes_oaep_decrypt_schema_v1");
    }

    @Override
    public void run(VectorFile file, CaseRecorder rec) throws Exception {
        for (JsonNode group : file.groups()) {
            String sha = group.path("sha").asText();
            String mgfSha = group.path("mgfSha").asText();
            KeySpec spec = Specs.rsa(group.path("keySize").asInt());
            boolean hashes = Specs.rsaHash(sha) && Specs.rsaHash(mgfSha);
            PrivateKey priv = VectorKeys.rsaPrivateKey(group);
            Set<String> invalidErrors = new HashSet<>();
            for (TestCase tc : VectorFile.tests(group)) {
                if (spec == null) {
                    rec.notApplicable(tc, NotApplicable.RSA_KEY_SIZE);
                } else if (!hashes) {
                    rec.notApplicable(tc, NotApplicable.HASH);
                } else {
                    OAEPParameterSpec params = new OAEPParameterSpec(sha, "MGF1", new MGF1ParameterSpec(mgfSha),
                            new PSource.PSpecified(tc.hex("label")));
                    byte[] ct = tc.hex("ct");
                    String backend = Judge.output(tc, tc.hex("msg"), () -> {
                        KmsKey handle = keys.importKey(spec, KeyUsage.ENCRYPT_DECRYPT, priv.getEncoded());
                        Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding");
                        c.init(Cipher.DECRYPT_MODE, handle, params);
                        Served.byKeywarden(c.getProvider());
                        try {
                            return c.doFinal(ct);
                        } catch (Exception e) {
                            if (tc.flags().contains("InvalidOaepPadding")) {
                                invalidErrors.add(e.getClass().getName() + ": " + e.getMessage());
                            }
                            throw e;
                        }
                    });
                    String jdk = Judge.output(tc, tc.hex("msg"), () -> {
                        Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding");
                        c.init(Cipher.DECRYPT_MODE, priv, params);
                        Served.notByKeywarden(c.getProvider());
                        return c.doFinal(ct);
                    });
                    String oracle = tc.flags().contains("InvalidOaepPadding") && invalidErrors.size() > 1
                            ? "invalid paddings are refused in distinguishable ways: " + invalidErrors : null;
                    rec.record(tc, Judge.paths("backend", backend, "backend errors", oracle));
                    rec.localDeviation(tc, jdk);
                }
            }
        }
    }
}
