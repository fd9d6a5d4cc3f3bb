package com.vaticprop.platform.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DotEnvFileTest {

    @Test
    void parsesTheUsualDotEnvForms() {
        Map<String, String> values = DotEnvFile.parse("""
                # a comment
                APP_ENV=development

                export KAFKA_BROKERS = 127.0.0.1:19092
                DATABASE_URL="postgresql://app:p#ss@localhost:15432/vatic"
                SINGLE='it''s kept  '
                WITH_COMMENT=value # trailing comment
                HASH_IN_VALUE=abc#def
                EQUALS=a=b=c
                EMPTY=
                   INDENTED=yes\r
                """);
        assertThat(values).containsExactly(
                Map.entry("APP_ENV", "development"),
                Map.entry("KAFKA_BROKERS", "127.0.0.1:19092"),
                Map.entry("DATABASE_URL", "postgresql://app:p#ss@localhost:15432/vatic"),
                Map.entry("SINGLE", "it''s kept  "),
                Map.entry("WITH_COMMENT", "value"),
                Map.entry("HASH_IN_VALUE", "abc#def"),
                Map.entry("EQUALS", "a=b=c"),
                Map.entry("EMPTY", ""),
                Map.entry("INDENTED", "yes"));
    }

    @Test
    void laterLinesWin() {
        assertThat(DotEnvFile.parse("A=1\nA=2\n")).containsExactly(Map.entry("A", "2"));
    }

    @Test
    void malformedLinesAreRefusedByLineNumberWithoutTheirContent() {
        for (String bad : List.of("A=1\njust-a-secret-word\n", "A=1\n=secret\n", "A=1\n9BAD=secret\n",
                "A=1\nMY-VAR=secret\n")) {
            assertThatThrownBy(() -> DotEnvFile.parse(bad))
                    .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                        assertThat(e.variable()).isEqualTo(".env");
                        assertThat(e.getMessage()).contains("line 2").doesNotContain("secret");
                    });
        }
    }

    @Test
    void readsAFileAndTreatsAMissingOneAsEmpty(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(".env");
        assertThat(DotEnvFile.read(file)).isEmpty();
        Files.writeString(file, "REDIS_PORT=16379\n");
        assertThat(DotEnvFile.read(file)).containsExactly(Map.entry("REDIS_PORT", "16379"));
        assertThat(DotEnvFile.read(dir)).isEmpty();
    }
}
