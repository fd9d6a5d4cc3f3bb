package com.vaticprop.core.mail;

import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** SMTP through Spring's {@link JavaMailSender} (Jakarta Mail), configured from {@code SMTP_*} (see MailConfiguration). */
public final class SmtpMailSender implements MailSender {

    private final JavaMailSender smtp;
    private final String from;

    public SmtpMailSender(JavaMailSender smtp, String from) {
        this.smtp = smtp;
        this.from = from;
    }

    @Override
    public void send(MailMessage message) {
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(message.to());
        mail.setSubject(message.subject());
        mail.setText(message.body());
        try {
            smtp.send(mail);
        } catch (MailException e) {
            throw new MailDeliveryException("SMTP delivery failed: " + e.getClass().getSimpleName(), e);
        }
    }
}
