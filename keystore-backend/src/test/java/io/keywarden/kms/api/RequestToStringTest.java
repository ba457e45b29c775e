package io.keywarden.kms.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Grant tokens are bearer secrets: no request record prints them. */
class RequestToStringTest {

    static Stream<Class<?>> recordsWithGrantTokens() {
        return Stream.of(EncryptRequest.class, DecryptRequest.class, ReEncryptRequest.class,
                GenerateDataKeyRequest.class, GenerateDataKeyWithoutPlaintextRequest.class,
                GenerateDataKeyPairRequest.class, GenerateDataKeyPairWithoutPlaintextRequest.class,
                SignRequest.class, VerifyRequest.class, GenerateMacRequest.class, VerifyMacRequest.class,
                DeriveSharedSecretRequest.class, DescribeKeyRequest.class, GetPublicKeyRequest.class,
                CreateGrantRequest.class);
    }

    @ParameterizedTest
    @MethodSource("recordsWithGrantTokens")
    void grantTokensAreRedacted(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean found = false;
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            if (components[i].getName().equals("grantTokens")) {
                args[i] = List.of("SECRET-GRANT-TOKEN-123");
                found = true;
            } else if (types[i] == boolean.class) {
                args[i] = false;
            } else if (types[i] == int.class) {
                args[i] = 0;
            }
        }
        assertThat(found).as("%s has a grantTokens component", type.getSimpleName()).isTrue();
        Constructor<?> c = type.getDeclaredConstructor(types);
        String text = c.newInstance(args).toString();
        assertThat(text).contains(type.getSimpleName()).doesNotContain("SECRET-GRANT-TOKEN-123");
    }
}
