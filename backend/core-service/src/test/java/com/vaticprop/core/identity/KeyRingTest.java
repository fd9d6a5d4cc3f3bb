package com.vaticprop.core.identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.vaticprop.platform.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keys from JWT_SIGNING_KEYS (production): parsing, signing with the first, verifying with all. */
class KeyRingTest {

    private static ECKey key(String kid) throws Exception {
        return new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                .generate();
    }

    @Test
    void importedKeysSignWithTheFirstAndVerifyWithAll() throws Exception {
        ECKey current = key("2026-11");
        ECKey previous = key("2026-10");
        List<ECKey> parsed = KeyRing.parseImported(new JWKSet(List.of(current, previous)).toString(false));
        KeyRing ring = new KeyRing(parsed, Clock.systemUTC());
        assertThat(ring.signingKey().getKeyID()).isEqualTo("2026-11");
        assertThat(ring.publicKeys().getKeys()).extracting(k -> k.getKeyID()).containsExactly("2026-11", "2026-10");
        assertThat(ring.publicKeys().getKeys()).noneMatch(k -> k.isPrivate());

        AccessTokens tokens = new AccessTokens(ring, Clock.systemUTC(), Duration.ofMinutes(10));
        UUID user = UUID.randomUUID();
        String token = tokens.issue(user, List.of(Role.TRADER)).token();
        NimbusJwtDecoder decoder = (NimbusJwtDecoder) new IdentityConfiguration().jwtDecoder(ring);
        Jwt jwt = decoder.decode(token);
        assertThat(jwt.getSubject()).isEqualTo(user.toString());

        // a token signed by the previous key (still published) verifies too; one by a stranger does not
        KeyRing old = new KeyRing(List.of(previous), Clock.systemUTC());
        String oldToken = new AccessTokens(old, Clock.systemUTC(), Duration.ofMinutes(10))
                .issue(user, List.of(Role.TRADER)).token();
        assertThat(decoder.decode(oldToken).getSubject()).isEqualTo(user.toString());
        KeyRing stranger = new KeyRing(List.of(key("2026-11")), Clock.systemUTC());
        String forged = new AccessTokens(stranger, Clock.systemUTC(), Duration.ofMinutes(10))
                .issue(user, List.of(Role.TRADER)).token();
        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(BadJwtException.class);
    }

    @Test
    void asingleJwkIsAcceptedToo() throws Exception {
        assertThat(KeyRing.parseImported(key("only").toJSONString())).hasSize(1);
    }

    @Test
    void publicOnlyKeysRsaKeysAndKeysWithoutKidAreRefused() throws Exception {
        assertThatThrownBy(() -> KeyRing.parseImported(key("pub").toPublicJWK().toJSONString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("private");
        assertThatThrownBy(() -> KeyRing.parseImported(new RSAKeyGenerator(2048).keyID("rsa").generate()
                .toJSONString())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyRing.parseImported(new ECKeyGenerator(Curve.P_256).generate().toJSONString()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyRing.parseImported("{\"keys\":[]}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyRing.parseImported("not json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("not json");
    }
}
