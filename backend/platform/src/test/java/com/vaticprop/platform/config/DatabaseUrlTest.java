package com.vaticprop.platform.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.Driver;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseUrlTest {

    @Test
    void userAndPasswordArePercentDecodedAndLeaveTheJdbcUrl() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://vatic%40prod:p%40ss%3Aw%2Frd%25@db.example.com:5432/vatic");
        assertThat(url.username()).isEqualTo("vatic@prod");
        assertThat(url.password()).isEqualTo("p@ss:w/rd%");
        assertThat(url.database()).isEqualTo("vatic");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5432/vatic");
    }

    @Test
    void aPlusInThePasswordIsAPlusNotASpace() {
        // generated passwords are often base64: '+' is a literal character in a URL's userinfo
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:ab+cd%2Fef%2B==@db:5432/vatic");
        assertThat(url.password()).isEqualTo("ab+cd/ef+==");
    }

    @Test
    void anUnescapedAtSignInThePasswordStillSplitsAtTheLastOne() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://app:p@ss@db:5432/vatic");
        assertThat(url.username()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("p@ss");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/vatic");
    }

    @Test
    void noUserInfoMeansNoCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://localhost/vatic");
        assertThat(url.username()).isNull();
        assertThat(url.password()).isNull();
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/vatic");
        DatabaseUrl userOnly = DatabaseUrl.parse("postgresql://postgres@127.0.0.1:15432/vatic");
        assertThat(userOnly.username()).isEqualTo("postgres");
        assertThat(userOnly.password()).isNull();
    }

    @Test
    void severalHostsAndCockroachSslSettingsReachPgjdbc() throws Exception {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:pw@node1.crdb.cloud:26257,node2.crdb.cloud:26257,"
                + "[::1]:26258/defaultdb?sslmode=verify-full&sslrootcert=%2Fhome%2Fapp%2F.postgresql%2Froot.crt"
                + "&options=--cluster%3Dvatic-123");
        assertThat(url.jdbcUrl()).startsWith(
                "jdbc:postgresql://node1.crdb.cloud:26257,node2.crdb.cloud:26257,[::1]:26258/defaultdb?");
        assertThat(url.database()).isEqualTo("defaultdb");
        Properties props = Driver.parseURL(url.jdbcUrl(), new Properties());
        assertThat(props).isNotNull();
        assertThat(props.getProperty("PGHOST")).isEqualTo("node1.crdb.cloud,node2.crdb.cloud,[::1]");
        assertThat(props.getProperty("PGPORT")).isEqualTo("26257,26257,26258");
        assertThat(props.getProperty("PGDBNAME")).isEqualTo("defaultdb");
        assertThat(props.getProperty("sslmode")).isEqualTo("verify-full");
        assertThat(props.getProperty("sslrootcert")).isEqualTo("/home/app/.postgresql/root.crt");
        assertThat(props.getProperty("options")).isEqualTo("--cluster=vatic-123");
        assertThat(props.getProperty("password")).isNull();
    }

    @Test
    void jdbcUrlsPassThroughUntouched() {
        String jdbc = "jdbc:postgresql://127.0.0.1:5432/vatic?user=postgres&sslmode=disable";
        DatabaseUrl url = DatabaseUrl.parse("  " + jdbc + " ");
        assertThat(url.jdbcUrl()).isEqualTo(jdbc);
        assertThat(url.database()).isEqualTo("vatic");
        assertThat(url.username()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "   ", "garbage", "mysql://u:p@h/db", "http://db/vatic", "postgresql://", "postgresql:///vatic",
            "postgresql://db", "postgresql://db/", "postgresql://db:notaport/vatic", "postgresql://db:0/vatic",
            "postgresql://db:70000/vatic", "postgresql://bad host/vatic", "postgresql://[::1/vatic",
            "postgresql://db/vatic?sslmode=sometimes", "postgresql://db/vatic?sslmode",
            "postgresql://u:p%zz@db/vatic"})
    void garbageIsRefusedNamingTheVariable(String raw) {
        assertThatThrownBy(() -> DatabaseUrl.parse(raw))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                    assertThat(e.variable()).isEqualTo("DATABASE_URL");
                    assertThat(e.getMessage()).startsWith("DATABASE_URL ").doesNotContain("\n");
                });
    }

    @Test
    void nullIsRefused() {
        assertThatThrownBy(() -> DatabaseUrl.parse(null)).isInstanceOf(InvalidConfigurationException.class);
    }

    @Test
    void aBadUrlNeverEchoesThePassword() {
        for (String raw : new String[]{"postgresql://u:Sup3rSecret@db:99999/vatic",
                "postgresql://u:Sup3rSecret%G1@db/vatic", "postgresql://u:Sup3rSecret@/vatic"}) {
            assertThatThrownBy(() -> DatabaseUrl.parse(raw))
                    .isInstanceOf(InvalidConfigurationException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Sup3rSecret"));
        }
    }

    @Test
    void toStringMasksThePassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:Sup3rSecret@db:5432/vatic?sslmode=require");
        assertThat(url.toString()).doesNotContain("Sup3rSecret").contains("***").contains("user=app")
                .contains("jdbc:postgresql://db:5432/vatic?sslmode=require");
        assertThat(DatabaseUrl.parse("postgresql://db/vatic").toString()).contains("password=none");
    }
}
