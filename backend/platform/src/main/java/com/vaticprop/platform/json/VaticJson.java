package com.vaticprop.platform.json;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The one JSON configuration of the platform (HTTP bodies, events, WebSocket frames): every decimal is a JSON
 * string written in plain notation ("0.00000001", never "1E-8"), so no client parses money into a binary float;
 * instants are ISO-8601 strings; absent optional fields are omitted.
 */
public final class VaticJson {

    private static final JsonMapper MAPPER = configure(JsonMapper.builder()).build();

    private VaticJson() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** Applies the platform's settings to a builder (also used to customise Spring MVC's mapper). */
    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder
                .withConfigOverride(BigDecimal.class, o -> o.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
                .withConfigOverride(BigInteger.class, o -> o.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .changeDefaultPropertyInclusion(v -> JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                        JsonInclude.Include.NON_NULL));
    }
}
