package com.vaticprop.core.identity;

import com.vaticprop.core.support.Sql;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;

/** {@code signing_keys}: the development key (with its private part) and, later, rotated keys. */
@Repository
class SigningKeyRepository {

    /** A stored key as JWK JSON text; {@code privateJwk} is null for keys whose private part lives elsewhere. */
    record StoredKey(String kid, String algorithm, String publicJwk, String privateJwk, Instant activatedAt,
                     Instant retiredAt, Instant verifyUntil) {

        @Override
        public String toString() {
            return "StoredKey[" + kid + ", " + algorithm + ", activated " + activatedAt + "]";
        }
    }

    private static final RowMapper<StoredKey> MAPPER = (rs, n) -> new StoredKey(
            rs.getString("kid"), rs.getString("algorithm"), rs.getString("public_jwk"), rs.getString("private_jwk"),
            Sql.instant(rs, "activated_at"), Sql.instant(rs, "retired_at"), Sql.instant(rs, "verify_until"));

    private final JdbcClient jdbc;

    SigningKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keys that still verify at {@code now}: not retired, or retired but within their verification window. */
    List<StoredKey> findVerifying(Instant now) {
        return jdbc.sql("""
                        SELECT kid, algorithm, public_jwk, private_jwk, activated_at, retired_at, verify_until
                        FROM signing_keys
                        WHERE retired_at IS NULL OR verify_until > :now
                        ORDER BY activated_at DESC, kid""")
                .param("now", Sql.ts(now)).query(MAPPER).list();
    }

    boolean anyActive() {
        return jdbc.sql("SELECT count(*) FROM signing_keys WHERE retired_at IS NULL")
                .query(Long.class).single() > 0;
    }

    /** Retires every active key; tokens they signed keep verifying until {@code verifyUntil}. */
    int retireActive(Instant now, Instant verifyUntil) {
        return jdbc.sql("UPDATE signing_keys SET retired_at = :now, verify_until = :until WHERE retired_at IS NULL")
                .param("now", Sql.ts(now)).param("until", Sql.ts(verifyUntil)).update();
    }

    void insertDevelopmentKey(String kid, String publicJwk, String privateJwk, Instant now) {
        jdbc.sql("""
                        INSERT INTO signing_keys (kid, algorithm, public_jwk, private_jwk, source, created_at, activated_at)
                        VALUES (:kid, 'ES256', :pub, :priv, 'DEVELOPMENT', :now, :now)""")
                .param("kid", kid).param("pub", publicJwk).param("priv", privateJwk).param("now", Sql.ts(now))
                .update();
    }
}
