package com.vaticprop.core.mail;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.time.Clock;
import java.util.Properties;

/**
 * Which mail sender runs: SMTP when {@code SMTP_HOST} is set ({@code SMTP_PORT} 587, {@code SMTP_USERNAME},
 * {@code SMTP_PASSWORD}, {@code SMTP_STARTTLS} true, {@code MAIL_FROM}); otherwise the in-memory {@link MailSink} —
 * except with {@code APP_ENV=production}, which refuses to start without SMTP (users could never verify or reset).
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

    @Bean
    MailSender mailSender(Environment env) {
        String host = env.getProperty("SMTP_HOST");
        if (host == null || host.isBlank()) {
            if ("production".equals(env.getProperty("vatic.app-env"))) {
                throw new IllegalStateException("SMTP_HOST is required in production for core-service "
                        + "(e-mail verification and password reset)");
            }
            log.info("mail: development sink (messages kept in memory, read them at GET /admin/mail)");
            return new MailSink(env.getProperty("vatic.mail.sink-capacity", Integer.class, 500));
        }
        JavaMailSenderImpl smtp = new JavaMailSenderImpl();
        smtp.setHost(host.strip());
        smtp.setPort(env.getProperty("SMTP_PORT", Integer.class, 587));
        smtp.setUsername(blankToNull(env.getProperty("SMTP_USERNAME")));
        smtp.setPassword(blankToNull(env.getProperty("SMTP_PASSWORD")));
        smtp.setDefaultEncoding("UTF-8");
        Properties props = smtp.getJavaMailProperties();
        boolean startTls = env.getProperty("SMTP_STARTTLS", Boolean.class, true);
        props.put("mail.smtp.auth", Boolean.toString(smtp.getUsername() != null));
        props.put("mail.smtp.starttls.enable", Boolean.toString(startTls));
        props.put("mail.smtp.starttls.required", Boolean.toString(startTls));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "20000");
        props.put("mail.smtp.writetimeout", "20000");
        log.info("mail: SMTP {}:{} (STARTTLS {})", smtp.getHost(), smtp.getPort(), startTls);
        return new SmtpMailSender(smtp, env.getProperty("MAIL_FROM", "Vatic Prop <no-reply@vaticprop.com>"));
    }

    @Bean
    Mailer mailer(MailSender sender, MeterRegistry meters, Clock clock) {
        return new Mailer(sender, meters, clock);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
