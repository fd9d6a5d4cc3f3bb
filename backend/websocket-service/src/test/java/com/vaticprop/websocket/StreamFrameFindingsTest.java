package com.vaticprop.websocket;

import com.vaticprop.websocket.protocol.CloseCodes;
import com.vaticprop.websocket.support.WsClient;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** One test per defect {@link StreamFrameFuzzTest} found, on the smallest frame that showed it. */
class StreamFrameFindingsTest extends StreamTestSupport {

    @Test
    void aBinaryFrameIsAnswered4000AndTheConnectionStaysOpen() {
        WsClient client = connectAs(UUID.randomUUID());
        client.sendBinary("{\"op\":\"ping\"}".getBytes(StandardCharsets.UTF_8));
        assertError(client.next(), CloseCodes.BAD_REQUEST);
        client.send(Map.of("op", "ping"));
        assertThat(client.next().get("op").asString()).isEqualTo("pong");
    }

    @Test
    void aBinaryFrameBeforeAuthenticationIsClosed4001LikeAnyOtherFirstFrame() {
        WsClient client = connect(null);
        client.sendBinary(new byte[]{1, 2, 3});
        assertThat(client.closeCode(java.time.Duration.ofSeconds(5))).isEqualTo(CloseCodes.UNAUTHENTICATED);
    }

    @Test
    void aSinceBeyondTheRangeOfASeqIs4000NotARetryableOutage() {
        UUID owner = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        createAssessment(id, owner);
        WsClient client = connectAs(owner);

        client.send(subscribe("assessment:" + id, "9999999999999999999"));
        assertError(client.next(), CloseCodes.BAD_REQUEST);
        client.send(subscribe("assessment:" + id, "\u0661\u0662"));
        assertError(client.next(), CloseCodes.BAD_REQUEST);

        client.send(subscribe("assessment:" + id, "0"));
        assertThat(client.next().get("op").asString()).isEqualTo("subscribed");
    }
}
