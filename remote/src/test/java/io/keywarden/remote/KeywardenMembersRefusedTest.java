package io.keywarden.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.RsaParameters;
import io.keywarden.kms.api.SignRequest;
import io.keywarden.kms.api.SigningAlgorithmSpec;
import io.keywarden.kms.api.errors.KmsUnsupportedOperationException;
import org.junit.jupiter.api.Test;

/** A request carrying a Keywarden-only member is refused by the remote backend, not sent without it. */
class KeywardenMembersRefusedTest {

    private final SdkModelMapper mapper = new SdkModelMapper();

    @Test
    void rsaParametersAreRefusedWithATypedError() {
        SignRequest request = SignRequest.builder().keyId("k").message(new byte[] {1})
                .signingAlgorithm(SigningAlgorithmSpec.RSASSA_PSS_SHA_256)
                .keywardenRsaParameters(RsaParameters.pss("SHA-1", "SHA-1", 20)).build();
        assertThatThrownBy(() -> mapper.toSdk(request,
                (software.amazon.awssdk.core.SdkPojo) software.amazon.awssdk.services.kms.model.SignRequest.builder()))
                .isInstanceOf(KmsUnsupportedOperationException.class)
                .hasMessageContaining("KeywardenRsaParameters is a Keywarden extension");
    }

    @Test
    void aRequestWithoutThemMapsAsBefore() {
        SignRequest request = SignRequest.builder().keyId("k").message(new byte[] {1})
                .signingAlgorithm(SigningAlgorithmSpec.RSASSA_PSS_SHA_256).build();
        Object sdk = mapper.toSdk(request,
                (software.amazon.awssdk.core.SdkPojo) software.amazon.awssdk.services.kms.model.SignRequest.builder());
        assertThat(((software.amazon.awssdk.services.kms.model.SignRequest) sdk).signingAlgorithmAsString())
                .isEqualTo("RSASSA_PSS_SHA_256");
    }
}
