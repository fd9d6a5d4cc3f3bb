package com.vaticprop.montecarlo.api;

import com.vaticprop.montecarlo.spec.MethodName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Fields of the wrong JSON kind are field errors (a 400), never an exception (the fuzzer's 500s). */
class BodyReaderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void anObjectOrArrayWhereAScalarBelongsIsThatFieldsError() {
        JsonNode body = JSON.readTree("{\"assessmentId\":{\"$gt\":\"\"},\"method\":[1,\"two\"],"
                + "\"from\":[],\"day\":{}}");
        BodyReader in = new BodyReader();
        assertThat(in.uuid(body, "assessmentId", "assessmentId")).isNull();
        assertThat(in.enumValue(body, "method", "method", MethodName.class)).isNull();
        assertThat(in.instant(body, "from", "from", true)).isNull();
        assertThat(in.date(body, "day", "day")).isNull();
        assertThat(in.errors()).extracting(e -> e.get("field"))
                .containsExactly("assessmentId", "method", "from", "day");
    }

    @Test
    void wellFormedScalarsStillRead() {
        JsonNode body = JSON.readTree("{\"assessmentId\":\"7c0e2f1a-4b9d-4c51-9a0e-3f0d5c1b2a77\","
                + "\"method\":\"" + MethodName.values()[0].name() + "\",\"from\":\"2026-11-26T00:00:00Z\","
                + "\"day\":\"2026-11-26\"}");
        BodyReader in = new BodyReader();
        assertThat(in.uuid(body, "assessmentId", "assessmentId")).hasToString("7c0e2f1a-4b9d-4c51-9a0e-3f0d5c1b2a77");
        assertThat(in.enumValue(body, "method", "method", MethodName.class)).isEqualTo(MethodName.values()[0]);
        assertThat(in.instant(body, "from", "from", true)).hasToString("2026-11-26T00:00:00Z");
        assertThat(in.date(body, "day", "day")).hasToString("2026-11-26");
        assertThat(in.errors()).isEqualTo(List.of());
    }
}
