package com.vaticprop.core.identity;

import com.vaticprop.core.CoreApi;
import com.vaticprop.core.CoreServiceApplication;
import com.vaticprop.core.mail.MailMessage;
import com.vaticprop.core.mail.MailSender;
import com.vaticprop.core.mail.MailSink;
import com.vaticprop.core.seed.DevelopmentSeed;
import com.vaticprop.platform.security.Role;
import com.vaticprop.testkit.ServiceTestProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.vaticprop.core.CoreApi.assertProblem;
import static com.vaticprop.core.CoreApi.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10 items 1 and 2 over HTTP: e-mail verification, password reset (single-use, expiring, hashed tokens, no
 * user enumeration), TOTP two-factor authentication for admins (enrolment, recovery codes, replay and bypass
 * attempts) and the queryable, tamper-evident admin audit trail.
 */
@SpringBootTest(classes = CoreServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"APP_ENV=development", "vatic.seed.enabled=true",
                "vatic.identity.login.max-attempts-per-ip=10000",
                "vatic.identity.login.max-failures-per-account=1000", "APP_URL=https://app.vaticprop.test/"})
class AccountSecurityApiTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestProperties.database(registry, AccountSecurityApiTest.class);
        ServiceTestProperties.redis(registry, AccountSecurityApiTest.class);
        ServiceTestProperties.kafka(registry);
    }

    @Autowired
    private Environment environment;
    @Autowired
    private DevelopmentSeed seed;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private MailSender mail;
    @Autowired
    private IdentityService identity;

    private CoreApi api;

    @BeforeEach
    void ready() {
        api = new CoreApi(environment.getRequiredProperty("local.server.port", Integer.class));
        api.awaitReady(seed::done);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // E-mail verification
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void signUpMailsAVerificationLinkWhoseTokenVerifiesTheAddressOnce() {
        String email = unique("verify") + "@example.com";
        String userId = api.register(email, PASSWORD);
        String token = tokenFrom(awaitMail(email, "Confirm your e-mail"));
        assertThat(awaitMail(email, "Confirm your e-mail").body())
                .contains("https://app.vaticprop.test/verify-email?token=" + token);
        assertThat(stored("VERIFY_EMAIL", userId)).as("only the hash is stored").doesNotContain(token)
                .containsExactly(RefreshTokens.hash(token));
        String access = api.login(email, PASSWORD);
        assertThat(expect(api.get("/me", access), 200).get("emailVerified").asBoolean()).isFalse();

        assertProblem(api.post("/auth/verify-email", Map.of("token", token + "x"), null), 400, "invalid-token");
        assertProblem(api.post("/auth/verify-email", Map.of(), null), 400, "invalid-token");
        assertThat(api.post("/auth/verify-email", Map.of("token", token), null).statusCode()).isEqualTo(204);
        assertThat(expect(api.get("/me", access), 200).get("emailVerified").asBoolean()).isTrue();
        assertProblem(api.post("/auth/verify-email", Map.of("token", token), null), 400, "invalid-token");
    }

    @Test
    void anExpiredVerificationTokenIsRefusedAndAFreshOneCanBeRequested() {
        String email = unique("late") + "@example.com";
        String userId = api.register(email, PASSWORD);
        String token = tokenFrom(awaitMail(email, "Confirm your e-mail"));
        // the link's 24 hours have passed
        jdbc.sql("UPDATE one_time_tokens SET expires_at = created_at - interval '1 second' WHERE user_id = ?")
                .param(UUID.fromString(userId)).update();
        assertProblem(api.post("/auth/verify-email", Map.of("token", token), null), 400, "invalid-token");

        expect(api.post("/auth/verify-email/resend", Map.of("email", email.toUpperCase()), null), 202);
        await().atMost(Duration.ofSeconds(10)).until(() -> mail(email).size() == 2);
        String fresh = tokenFrom(mail(email).getFirst());
        assertThat(fresh).isNotEqualTo(token);
        assertThat(api.post("/auth/verify-email", Map.of("token", fresh), null).statusCode()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT email_verified_at FROM users WHERE id = ?").param(UUID.fromString(userId))
                .query(java.time.OffsetDateTime.class).single()).isNotNull();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Password reset
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void aPasswordResetIsSingleUseRevokesEverySessionAndOlderLinks() {
        String email = unique("reset") + "@example.com";
        String userId = api.register(email, PASSWORD);
        JsonNode session = expect(api.post("/auth/login", Map.of("email", email, "password", PASSWORD), null), 200);

        expect(api.post("/auth/password-reset", Map.of("email", email), null), 202);
        String older = tokenFrom(awaitMail(email, "Reset your"));
        expect(api.post("/auth/password-reset", Map.of("email", email), null), 202);
        await().atMost(Duration.ofSeconds(10)).until(() -> mail(email).stream()
                .filter(m -> m.subject().startsWith("Reset your")).count() == 2);
        String token = tokenFrom(mail(email).getFirst());
        assertThat(stored("RESET_PASSWORD", userId)).hasSize(2).doesNotContain(token, older);

        // a password the policy refuses leaves the token usable
        JsonNode weak = expect(api.post("/auth/password-reset/confirm", Map.of("token", token, "newPassword",
                "short"), null), 400);
        assertThat(weak.get("errors").get(0).get("field").asString()).isEqualTo("newPassword");
        String newPassword = "a brand new passphrase 4711";
        assertThat(api.post("/auth/password-reset/confirm", Map.of("token", token, "newPassword", newPassword),
                null).statusCode()).isEqualTo(204);

        assertProblem(api.post("/auth/password-reset/confirm", Map.of("token", token, "newPassword",
                "yet another passphrase 0815"), null), 400, "invalid-token");
        assertProblem(api.post("/auth/password-reset/confirm", Map.of("token", older, "newPassword",
                "yet another passphrase 0815"), null), 400, "invalid-token");
        assertProblem(api.post("/auth/login", Map.of("email", email, "password", PASSWORD), null), 401,
                "invalid-credentials");
        assertThat(api.login(email, newPassword)).isNotBlank();
        assertProblem(api.post("/auth/refresh", Map.of("refreshToken", session.get("refreshToken").asString()),
                null), 401, "invalid-refresh-token");
        assertThat(jdbc.sql("SELECT revoked_reason FROM sessions WHERE user_id = ? ORDER BY created_at LIMIT 1")
                .param(UUID.fromString(userId)).query(String.class).single()).isEqualTo("PASSWORD");
    }

    @Test
    void anExpiredResetTokenIsRefusedAndChangesNothing() {
        String email = unique("stale") + "@example.com";
        String userId = api.register(email, PASSWORD);
        expect(api.post("/auth/password-reset", Map.of("email", email), null), 202);
        String token = tokenFrom(awaitMail(email, "Reset your"));
        jdbc.sql("UPDATE one_time_tokens SET expires_at = created_at - interval '1 second' "
                + "WHERE user_id = ? AND purpose = 'RESET_PASSWORD'").param(UUID.fromString(userId)).update();
        assertProblem(api.post("/auth/password-reset/confirm", Map.of("token", token, "newPassword",
                "a brand new passphrase 4711"), null), 400, "invalid-token");
        assertThat(api.login(email, PASSWORD)).isNotBlank();
    }

    @Test
    void resetAndResendAnswerAlikeForKnownUnknownAndMalformedAddresses() {
        String known = unique("known") + "@example.com";
        api.register(known, PASSWORD);
        awaitMail(known, "Confirm your e-mail");
        String unknown = unique("nobody") + "@example.com";
        List<String> answers = new ArrayList<>();
        for (String path : List.of("/auth/password-reset", "/auth/verify-email/resend")) {
            for (Object email : List.of(known, unknown, "not an address", "")) {
                HttpResponse<String> r = api.post(path, Map.of("email", email), null);
                assertThat(r.statusCode()).isEqualTo(202);
                answers.add(r.body());
            }
        }
        assertThat(answers).as("one body for every case").containsOnly(answers.getFirst());
        await().atMost(Duration.ofSeconds(10)).until(() -> mail(known).stream()
                .anyMatch(m -> m.subject().startsWith("Reset your")));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> mail(unknown).isEmpty());
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE email = ?").param(unknown).query(Long.class).single())
                .isZero();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // TOTP for admins
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void theSeededAdminNeedsACurrentTotpCodeAndEachCodeWorksOnce() {
        DevelopmentSeed.Account admin = DevelopmentSeed.ACCOUNTS.getFirst();
        HttpResponse<String> passwordOnly = api.post("/auth/login", Map.of("email", admin.email(), "password",
                admin.password()), null);
        assertProblem(passwordOnly, 401, "totp-required");
        assertThat(passwordOnly.body()).doesNotContain("accessToken").doesNotContain("enrolmentToken");

        String secret = DevelopmentSeed.ADMIN_TOTP_SECRET;
        Instant now = Instant.now();
        String stale = Totp.code(secret, now.minus(Duration.ofMinutes(5)));
        String wrong = Totp.code(secret, now).equals("000000") ? "111111" : "000000";
        for (String code : List.of(wrong, stale, "12345", "abcdef")) {
            assertProblem(api.post("/auth/login", Map.of("email", admin.email(), "password", admin.password(),
                    "totpCode", code), null), 401, "invalid-second-factor");
        }
        // a right code with a wrong password is still a wrong password
        assertProblem(api.post("/auth/login", Map.of("email", admin.email(), "password", "not the password 123",
                "totpCode", Totp.code(secret, Instant.now())), null), 401, "invalid-credentials");

        JsonNode tokens = CoreApi.json(api.loginWithTotp(admin.email(), admin.password(), secret));
        assertThat(expect(api.get("/admin/audit", tokens.get("accessToken").asString()), 200).has("items")).isTrue();
        api.rememberAdminToken(tokens.get("accessToken").asString());
        // the code just accepted (its time step) cannot be replayed
        long acceptedStep = jdbc.sql("SELECT t.last_step FROM user_totp t JOIN users u ON u.id = t.user_id "
                + "WHERE u.email = ?").param(admin.email()).query(Long.class).single();
        assertProblem(api.post("/auth/login", Map.of("email", admin.email(), "password", admin.password(),
                "totpCode", Totp.code(secret, acceptedStep)), null), 401, "invalid-second-factor");
    }

    @Test
    void anAdminWithoutAuthenticatorEnrolsAndThenUsesEachRecoveryCodeOnce() {
        String email = unique("ops-admin") + "@example.com";
        String password = "operations admin passphrase 31";
        assertThat(identity.createAccountIfAbsent(email, password, Role.ADMIN, "Ops")).isTrue();

        HttpResponse<String> first = api.post("/auth/login", Map.of("email", email, "password", password), null);
        assertProblem(first, 403, "totp-enrolment-required");
        assertThat(first.body()).doesNotContain("accessToken");
        String enrolment = CoreApi.json(first).get("enrolmentToken").asString();
        // the enrolment token is not an access token
        assertProblem(api.get("/admin/audit", enrolment), 401, "unauthenticated");
        assertProblem(api.post("/auth/totp/enrolment", Map.of("enrolmentToken", "forged"), null), 401,
                "invalid-enrolment-token");

        JsonNode secret = expect(api.post("/auth/totp/enrolment", Map.of("enrolmentToken", enrolment), null), 200);
        String base32 = secret.get("secret").asString();
        assertThat(Base32.decode(base32)).hasSize(20);
        assertThat(secret.get("otpauthUri").asString()).startsWith("otpauth://totp/Vatic%20Prop:")
                .contains("secret=" + base32).contains("period=30");
        assertProblem(api.post("/auth/totp/enrolment/confirm", Map.of("enrolmentToken", enrolment, "code",
                "000000".equals(Totp.code(base32, Instant.now())) ? "111111" : "000000"), null), 401,
                "invalid-second-factor");
        Instant confirmedAt = Instant.now();
        JsonNode confirmed = expect(api.post("/auth/totp/enrolment/confirm", Map.of("enrolmentToken", enrolment,
                "code", Totp.code(base32, confirmedAt)), null), 200);
        List<String> codes = new ArrayList<>();
        confirmed.get("recoveryCodes").forEach(c -> codes.add(c.asString()));
        assertThat(codes).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[A-Z2-7]{5}-[A-Z2-7]{5}"));
        assertThat(expect(api.get("/me", confirmed.get("tokens").get("accessToken").asString()), 200)
                .get("roles").get(0).asString()).isEqualTo("ADMIN");
        assertProblem(api.post("/auth/totp/enrolment", Map.of("enrolmentToken", enrolment), null), 401,
                "invalid-enrolment-token");
        assertThat(jdbc.sql("SELECT count(*) FROM recovery_codes WHERE code_hash = ? OR code_hash = ?")
                .params(codes.get(0), codes.get(0).replace("-", "")).query(Long.class).single())
                .as("recovery codes are stored hashed").isZero();

        // now a password alone is not enough, and a recovery code works once (in lower case, without the dash)
        assertProblem(api.post("/auth/login", Map.of("email", email, "password", password), null), 401,
                "totp-required");
        String recovery = codes.get(3).replace("-", "").toLowerCase();
        expect(api.post("/auth/login", Map.of("email", email, "password", password, "recoveryCode", recovery),
                null), 200);
        assertProblem(api.post("/auth/login", Map.of("email", email, "password", password, "recoveryCode",
                codes.get(3)), null), 401, "invalid-second-factor");
        // the enrolment's code was accepted once; the next time step's code logs in
        assertProblem(api.post("/auth/login", Map.of("email", email, "password", password, "totpCode",
                Totp.code(base32, confirmedAt)), null), 401, "invalid-second-factor");
        // (the step after it is accepted at once: verification allows one step of clock skew either way)
        long next = Math.max(Totp.step(confirmedAt) + 1, Totp.step(Instant.now()));
        JsonNode session = expect(api.post("/auth/login", Map.of("email", email, "password", password, "totpCode",
                Totp.code(base32, next)), null), 200);

        // lost authenticator and codes: another admin resets it (audited), the next login enrols again
        String opsId = expect(api.get("/me", session.get("accessToken").asString()), 200).get("id").asString();
        assertProblem(api.post("/admin/users/" + opsId + "/totp/reset", Map.of("reason", "x"),
                session.get("accessToken").asString()), 409, "own-second-factor");
        String seeded = api.adminLogin();
        assertProblem(api.post("/admin/users/" + opsId + "/totp/reset", Map.of(), seeded), 400, "validation");
        assertThat(api.post("/admin/users/" + opsId + "/totp/reset", Map.of("reason", "phone lost, ticket 88"),
                seeded).statusCode()).isEqualTo(204);
        assertProblem(api.post("/auth/refresh", Map.of("refreshToken", session.get("refreshToken").asString()), null),
                401, "invalid-refresh-token");
        assertProblem(api.post("/auth/login", Map.of("email", email, "password", password, "recoveryCode",
                codes.get(5)), null), 403, "totp-enrolment-required");
        assertThat(expect(api.get("/admin/audit?action=user.totp-reset&subject=" + opsId, seeded), 200)
                .get("items").get(0).get("reason").asString()).isEqualTo("phone lost, ticket 88");
    }

    @Test
    void accountMailsToOneAddressAreCappedPerHourWhateverTheAnswerSays() {
        String email = unique("flood") + "@example.com";
        api.register(email, PASSWORD);
        awaitMail(email, "Confirm your e-mail");
        for (int i = 0; i < 6; i++) {
            expect(api.post("/auth/password-reset", Map.of("email", email), null), 202);
        }
        // the verification mail plus four reset mails make the five of the hour; the rest are not sent
        await().atMost(Duration.ofSeconds(10)).until(() -> mail(email).size() == 5);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> mail(email).size() == 5);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Admin audit and the mail sink
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void everyAdminActionIsInTheAuditTrailWhichIsQueryableAndTamperEvident() {
        String admin = api.adminLogin();
        String adminId = expect(api.get("/me", admin), 200).get("id").asString();
        Instant before = Instant.now().minusSeconds(1);
        expect(api.post("/admin/instruments/SOL-USD/halt", Map.of("reason", "venue incident 42"), admin), 200);
        expect(api.post("/admin/instruments/SOL-USD/resume", Map.of("reason", "venue recovered"), admin), 200);

        JsonNode page = expect(api.get("/admin/audit?subject=SOL-USD&from=" + before, admin), 200);
        assertThat(page.get("items").size()).isEqualTo(2);
        JsonNode resume = page.get("items").get(0);
        JsonNode halt = page.get("items").get(1);
        assertThat(resume.get("seq").asLong()).isGreaterThan(halt.get("seq").asLong());
        assertThat(halt.get("action").asString()).isEqualTo("instrument.halt");
        assertThat(halt.get("actor").asString()).isEqualTo(adminId);
        assertThat(halt.get("after").get("status").asString()).isEqualTo("HALTED");
        assertThat(halt.get("reason").asString()).isEqualTo("venue incident 42");
        assertThat(expect(api.get("/admin/audit?action=instrument.resume&actor=" + adminId, admin), 200)
                .get("items").get(0).get("reason").asString()).isEqualTo("venue recovered");
        JsonNode limited = expect(api.get("/admin/audit?subject=SOL-USD&limit=1", admin), 200);
        assertThat(limited.get("items").size()).isEqualTo(1);
        assertThat(expect(api.get("/admin/audit?subject=SOL-USD&before=" + limited.get("nextBefore").asLong(),
                admin), 200).get("items").get(0).get("action").asString()).isEqualTo("instrument.halt");
        assertThat(expect(api.get("/admin/audit?subject=SOL-USD&to=" + before, admin), 200).get("items").size())
                .isZero();
        assertProblem(api.get("/admin/audit?actor=me&limit=0&from=yesterday", admin), 400, "validation");
        String trader = api.login(DevelopmentSeed.ACCOUNTS.get(1).email(), DevelopmentSeed.ACCOUNTS.get(1).password());
        assertProblem(api.get("/admin/audit", trader), 403, "forbidden");
        assertProblem(api.get("/admin/audit/verify", trader), 403, "forbidden");
        assertThat(api.send("DELETE", "/admin/audit", (Object) null, admin).statusCode())
                .as("no endpoint removes entries").isIn(404, 405);

        assertThat(expect(api.get("/admin/audit/verify", admin), 200).get("intact").asBoolean()).isTrue();
        // someone with database access rewrites history: the chain shows where
        long seq = halt.get("seq").asLong();
        jdbc.sql("UPDATE admin_audit SET reason = 'nothing happened' WHERE seq = ?").param(seq).update();
        JsonNode broken = expect(api.get("/admin/audit/verify", admin), 200);
        assertThat(broken.get("intact").asBoolean()).isFalse();
        assertThat(broken.get("firstBrokenSeq").asLong()).isEqualTo(seq);
        jdbc.sql("UPDATE admin_audit SET reason = 'venue incident 42' WHERE seq = ?").param(seq).update();
        assertThat(expect(api.get("/admin/audit/verify", admin), 200).get("intact").asBoolean()).isTrue();
    }

    @Test
    void theDevelopmentMailSinkIsReadableByAdminsOnly() {
        String email = unique("sink") + "@example.com";
        api.register(email, PASSWORD);
        awaitMail(email, "Confirm your e-mail");
        JsonNode messages = expect(api.get("/admin/mail?to=" + email.toUpperCase(), api.adminLogin()), 200);
        assertThat(messages.size()).isEqualTo(1);
        assertThat(messages.get(0).get("to").asString()).isEqualTo(email);
        assertThat(messages.get(0).get("body").asString()).contains("verify-email?token=");
        String trader = api.login(email, PASSWORD);
        assertProblem(api.get("/admin/mail", trader), 403, "forbidden");
        assertProblem(api.get("/admin/mail", null), 401, "unauthenticated");
    }

    // ---------------------------------------------------------------------------------------------------------------

    private List<MailMessage> mail(String to) {
        return ((MailSink) mail).messagesTo(to);
    }

    private MailMessage awaitMail(String to, String subjectStart) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> mail(to)
                .stream().filter(m -> m.subject().startsWith(subjectStart)).findFirst().orElse(null),
                java.util.Objects::nonNull);
    }

    private static String tokenFrom(MailMessage message) {
        Matcher m = TOKEN.matcher(message.body());
        assertThat(m.find()).as(message.body()).isTrue();
        return m.group(1);
    }

    private List<String> stored(String purpose, String userId) {
        return jdbc.sql("SELECT token_hash FROM one_time_tokens WHERE user_id = ? AND purpose = ?")
                .params(UUID.fromString(userId), purpose).query(String.class).list();
    }

    private static String unique(String hint) {
        return hint + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
