package com.vaticprop.core.engine;

import com.vaticprop.core.support.Sql;
import com.vaticprop.trading.assessment.EngineInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code engine_inputs}: the inputs whose effects were written, numbered per assessment in the order the engine applied
 * them (the counter lives on the assessment row, which the writing transaction holds locked).
 */
@Component
public class EngineEvidence {

    private final JdbcClient jdbc;

    EngineEvidence(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void append(UUID assessmentId, List<EngineInput> inputs) {
        if (inputs.isEmpty()) {
            return;
        }
        long last = jdbc.sql("UPDATE assessments SET last_input = last_input + ? WHERE id = ? RETURNING last_input")
                .params(inputs.size(), assessmentId).query(Long.class).single();
        long ordinal = last - inputs.size();
        Instant now = Instant.now();
        for (EngineInput input : inputs) {
            ordinal++;
            jdbc.sql("""
                            INSERT INTO engine_inputs (assessment_id, ordinal, kind, input, recorded_at)
                            VALUES (?, ?, ?, CAST(? AS JSONB), ?)""")
                    .params(assessmentId, ordinal, EngineInputJson.kind(input), EngineInputJson.write(input),
                            Sql.ts(now))
                    .update();
        }
    }

    public List<EngineInput> inputs(UUID assessmentId) {
        List<EngineInput> out = new ArrayList<>();
        jdbc.sql("SELECT kind, CAST(input AS TEXT) AS input FROM engine_inputs WHERE assessment_id = ? ORDER BY ordinal")
                .param(assessmentId)
                .query((rs, n) -> EngineInputJson.read(rs.getString("kind"), rs.getString("input")))
                .list().forEach(out::add);
        return out;
    }
}
