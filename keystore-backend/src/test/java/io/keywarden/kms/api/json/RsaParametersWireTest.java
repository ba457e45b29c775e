package io.keywarden.kms.api.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.kms.api.DecryptRequest;
import io.keywarden.kms.api.EncryptionAlgorithmSpec;
import io.keywarden.kms.api.RsaParameters;
import io.keywarden.kms.api.SignRequest;
import io.keywarden.kms.api.SigningAlgorithmSpec;
import org.junit.jupiter.api.Test;

/** The KeywardenRsaParameters member on the AWS JSON 1.1 wire. */
class RsaParametersWireTest {

    @Test
    void decryptCarriesTheMemberWithABase64Label() throws Exception {
        DecryptRequest request = DecryptRequest.builder().keyId("k").ciphertextBlob(new byte[] {1})
                .encryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256)
                .keywardenRsaParameters(RsaParameters.oaep("SHA-512", "SHA-1", new byte[] {(byte) 0xff, 0})).build();
        JsonNode tree = KmsJson.wire().valueToTree(request);
        JsonNode p = tree.get("KeywardenRsaParameters");
        assertThat(p.get("Hash").asText()).isEqualTo("SHA-512");
        assertThat(p.get("MgfHash").asText()).isEqualTo("SHA-1");
        assertThat(p.get("Label").asText()).isEqualTo("/wA=");
        assertThat(p.has("SaltLength")).isFalse();
        DecryptRequest back = KmsJson.wire().treeToValue(tree, DecryptRequest.class);
        assertThat(back.keywardenRsaParameters()).isEqualTo(request.keywardenRsaParameters());
    }

    @Test
    void signReadsTheMemberAndOmitsItWhenAbsent() throws Exception {
        SignRequest read = KmsJson.wire().readValue("{\"KeyId\":\"k\",\"Message\":\"AQ==\",\"SigningAlgorithm\":"
                + "\"RSASSA_PSS_SHA_256\",\"KeywardenRsaParameters\":{\"Hash\":\"SHA-1\",\"MgfHash\":\"SHA-1\","
                + "\"SaltLength\":20}}", SignRequest.class);
        assertThat(read.signingAlgorithm()).isEqualTo(SigningAlgorithmSpec.RSASSA_PSS_SHA_256);
        assertThat(read.keywardenRsaParameters()).isEqualTo(RsaParameters.pss("SHA-1", "SHA-1", 20));
        String plain = KmsJson.wire().writeValueAsString(SignRequest.builder().keyId("k").message(new byte[] {1})
                .signingAlgorithm(SigningAlgorithmSpec.RSASSA_PSS_SHA_256).build());
        assertThat(plain).doesNotContain("Keywarden");
    }
}
