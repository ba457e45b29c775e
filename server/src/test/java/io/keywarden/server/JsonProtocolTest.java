package io.keywarden.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.keywarden.kms.api.ImportKeyMaterialRequest;
import io.keywarden.kms.api.ScheduleKeyDeletionResponse;
import io.keywarden.kms.api.KeyState;
import io.keywarden.server.protocol.JsonProtocol;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The codec alone: timestamps with fractions both ways, base64 blobs, unknown members. */
class JsonProtocolTest {

    private final JsonProtocol protocol = new JsonProtocol();

    @Test
    void fractionalEpochSecondsIn() {
        ImportKeyMaterialRequest r = protocol.readRequest(("{\"KeyId\":\"k\",\"ValidTo\":1.4992886959E9,"
                + "\"ImportToken\":\"AQID\",\"Unknown\":[1,2]}").getBytes(StandardCharsets.UTF_8), ImportKeyMaterialRequest.class);
        assertThat(r.validTo()).isEqualTo(Instant.ofEpochSecond(1499288695, 900_000_000));
        assertThat(r.importToken()).containsExactly(1, 2, 3);
    }

    @Test
    void epochSecondsOut() {
        String json = new String(protocol.writeResponse(new ScheduleKeyDeletionResponse("k",
                Instant.ofEpochSecond(1700000000, 250_000_000), KeyState.PendingDeletion, 7)), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"KeyId\":\"k\",\"DeletionDate\":1700000000.25,\"KeyState\":\"PendingDeletion\",\"PendingWindowInDays\":7}");
        String whole = new String(protocol.writeResponse(new ScheduleKeyDeletionResponse("k",
                Instant.ofEpochSecond(1700000000), null, null)), StandardCharsets.UTF_8);
        assertThat(whole).isEqualTo("{\"KeyId\":\"k\",\"DeletionDate\":1700000000}");
    }
}
