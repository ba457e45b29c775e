package io.keywarden.conformance.wycheproof;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * aead_test_schema_v1 and keywrap_test_schema_v1: supported schemas whose primitives (raw AES-GCM
 * with a caller's IV, RFC 3394/5649 key wrapping) have no managed-key operation: AWS KMS's
 * SYMMETRIC_DEFAULT keys only make KMS ciphertext blobs, and the provider's AES/GCM and AESWrap
 * services produce envelope/KMS formats, not the raw bytes the vectors fix. Every test is counted as
 * {@link NotApplicable#NO_MANAGED_OPERATION}.
 */
public final class NoManagedOperationHandler implements SchemaHandler {

    @Override
    public Set<String> schemas() {
        return Set.of("aead_test_schema_v1", "keywrap_test_schema_v1");
    }

    @Override
    public void run(VectorFile file, CaseRecorder rec) {
        for (JsonNode group : file.groups()) {
            for (TestCase tc : VectorFile.tests(group)) {
                rec.notApplicable(tc, NotApplicable.NO_MANAGED_OPERATION);
            }
        }
    }
}
